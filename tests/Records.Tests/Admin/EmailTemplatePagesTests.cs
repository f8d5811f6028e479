using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Mail;
using Records.Tests.Infrastructure;

namespace Records.Tests.Admin;

public class EmailTemplatePagesTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private const string Url = "/Admin/EmailTemplates/Edit/" + EmailTemplates.OutcomeAccepted;

    private async Task<HttpClient> AdminAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Admin");
        return client;
    }

    [Fact]
    public async Task ListShowsEveryMessage()
    {
        var page = await (await AdminAsync()).GetPageAsync("/Admin/EmailTemplates");
        Assert.Equal(EmailTemplates.All.Count, page.QuerySelectorAll("tr[data-template]").Length);
        Assert.Contains("Vote reminder", page.Body!.TextContent);
    }

    [Fact]
    public async Task SavedWordingIsUsedForTheNextMessageAndResetBringsBackTheDefault()
    {
        var client = await AdminAsync();
        var saved = await client.SubmitAsync(Url, new Dictionary<string, string>
        {
            ["Input.Subject"] = "Welcome, {{ nominee_name }}!",
            ["Input.Body"] = "Dear {{ nominator_name }},\nGood news about {{ nominee_name }}.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Saved the wording", (await client.GetPageAsync("/Admin/EmailTemplates")).QuerySelector(".flash")!.TextContent);

        var values = new Dictionary<string, string> { ["nominee_name"] = "Stéphane Wirtel", ["nominator_name"] = "Ada", ["foundation"] = "Python Software Foundation" };
        var (subject, body) = await app.WithDbAsync(db => EmailTemplates.RenderAsync(db, EmailTemplates.OutcomeAccepted, values));
        Assert.Equal("Welcome, Stéphane Wirtel!", subject);
        Assert.Equal("Dear Ada,\nGood news about Stéphane Wirtel.", body);

        var reset = await client.SubmitAsync(Url, new Dictionary<string, string>(), formSelector: "form[action*='handler=Reset']");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        (subject, _) = await app.WithDbAsync(db => EmailTemplates.RenderAsync(db, EmailTemplates.OutcomeAccepted, values));
        Assert.Equal("Stéphane Wirtel is a Python Software Foundation Fellow", subject);
    }

    [Fact]
    public async Task UnknownFieldIsRefusedBesideTheMessageWithItsLineAndNothingIsSaved()
    {
        var client = await AdminAsync();
        var response = await client.SubmitAsync("/Admin/EmailTemplates/Edit/" + EmailTemplates.OutcomeExpired, new Dictionary<string, string>
        {
            ["Input.Subject"] = "",
            ["Input.Body"] = "Dear {{ nominator_name }},\nYour salary is {{ salary }}.",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("Enter a subject.", page.FieldError("Input.Subject"));
        Assert.Contains("Line 2: {{ salary }} is not a field", page.FieldError("Input.Body"));
        Assert.False(await app.WithDbAsync(db => db.EmailTemplates.AnyAsync(t => t.Key == EmailTemplates.OutcomeExpired)));
    }

    [Fact]
    public async Task PreviewFillsTheFieldsWithSampleValues()
    {
        var client = await AdminAsync();
        var response = await client.SubmitAsync("/Admin/EmailTemplates/Edit/" + EmailTemplates.VoteReminder, new Dictionary<string, string>
        {
            ["Input.Subject"] = "{{ pending_count }} to go",
            ["Input.Body"] = "Hello {{ member_name }}, see {{ review_url }}",
        }, action: "/Admin/EmailTemplates/Edit/" + EmailTemplates.VoteReminder + "?handler=Preview");

        var preview = (await response.ReadPageAsync()).QuerySelector("[data-preview]")!.TextContent;
        Assert.Contains("3 to go", preview);
        Assert.Contains("Hello Carol Willing, see http://localhost:5080/Nominations/Details/42", preview);
        Assert.False(await app.WithDbAsync(db => db.EmailTemplates.AnyAsync(t => t.Key == EmailTemplates.VoteReminder)));
    }

    [Fact]
    public async Task StaleEditIsRefusedWithAConflict()
    {
        var first = await AdminAsync();
        var key = EmailTemplates.NominationNotice;
        await first.SubmitAsync("/Admin/EmailTemplates/Edit/" + key, new Dictionary<string, string> { ["Input.Subject"] = "One", ["Input.Body"] = "Body one" });
        var form = await first.GetPageAsync("/Admin/EmailTemplates/Edit/" + key);
        var version = form.QuerySelector("[name='Input.Version']")!.GetAttribute("value")!;
        await first.SubmitAsync("/Admin/EmailTemplates/Edit/" + key, new Dictionary<string, string> { ["Input.Subject"] = "Two", ["Input.Body"] = "Body two" });

        var stale = await first.SubmitAsync("/Admin/EmailTemplates/Edit/" + key, new Dictionary<string, string> { ["Input.Subject"] = "Three", ["Input.Body"] = "Body three", ["Input.Version"] = version });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Two", await app.WithDbAsync(db => db.EmailTemplates.Where(t => t.Key == key).Select(t => t.Subject).SingleAsync()));
    }

    [Fact]
    public async Task OnlyAdminsReachTheTemplates()
    {
        var staff = app.Browser();
        await staff.LoginAsRoleAsync("Staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync("/Admin/EmailTemplates")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await AdminAsync()).GetAsync("/Admin/EmailTemplates/Edit/no-such-message")).StatusCode);
    }
}
