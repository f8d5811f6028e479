using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Records.Core.Mail;
using Records.Core.Posts;
using Records.Tests.Infrastructure;
using Records.Tests.Nominations;

namespace Records.Tests.FormActions;

/// <summary>
/// A page the Preview handler rendered (its address ends in ?handler=Preview) must still send and save: every form and
/// button names its own handler, so nothing is inherited from the address of the request that rendered it.
/// </summary>
public class PreviewThenSaveTests(NominateApp app) : IClassFixture<NominateApp>
{
    /// <summary>Posts the page's form to Preview as the Preview button does, then checks where the rendered page's form and buttons post.</summary>
    private static async Task<IHtmlDocument> PreviewAsync(HttpClient client, string url, Dictionary<string, string> fields, string saveButton, string saveAction)
    {
        var previewUrl = url + "?handler=Preview";
        var preview = await client.SubmitAsync(url, fields, action: previewUrl);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await preview.ReadPageAsync();
        var form = page.QuerySelectorAll("main form[method=post]").Single(f => f.QuerySelector("button[formaction*='handler=Preview']") is not null);
        Assert.Equal(saveAction, form.GetAttribute("action"));
        Assert.Equal(saveAction, form.QuerySelector(saveButton)!.GetAttribute("formaction"));
        Assert.Equal(previewUrl, form.QuerySelector("button[formaction*='handler=Preview']")!.GetAttribute("formaction"));
        return page;
    }

    [Fact]
    public async Task ANominationPreviewedFirstIsSentAndSaved()
    {
        var client = app.Browser();
        var form = Nominate.Form("preview.first@example.org", "Preview First");

        var page = await PreviewAsync(client, "/Nominate", form, "button:not(.secondary)", "/Nominate");
        // A browser posts a form without an action to the address it was rendered at: here the Preview handler's.
        var sent = await client.SubmitFormAsync(page, "/Nominate?handler=Preview", form);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.StartsWith("/Nominate/Received", sent.Headers.Location!.OriginalString);
        Assert.Equal(1, await app.WithDbAsync(db => db.Nominations.CountAsync(n => n.Nominee.Email == "preview.first@example.org")));
    }

    [Fact]
    public async Task AnEmailTemplatePreviewedFirstIsSaved()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Admin");
        const string url = "/Admin/EmailTemplates/Edit/" + EmailTemplates.OutcomeCarriedOver;
        var fields = new Dictionary<string, string> { ["Input.Subject"] = "Still in the running: {{ nominee_name }}", ["Input.Body"] = "Dear {{ nominator_name }}, see you in {{ next_round }}." };

        var page = await PreviewAsync(client, url, fields, "button:not(.secondary)", url);
        var saved = await client.SubmitFormAsync(page, url + "?handler=Preview", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Still in the running: {{ nominee_name }}",
            await app.WithDbAsync(db => db.EmailTemplates.Where(t => t.Key == EmailTemplates.OutcomeCarriedOver).Select(t => t.Subject).SingleAsync()));
    }

    [Fact]
    public async Task APostTemplatePreviewedFirstIsSaved()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        const string url = "/Posts/Templates/Edit/Thanks";
        var fields = new Dictionary<string, string> { ["Input.Body"] = "Thank you, everyone!" };

        var page = await PreviewAsync(client, url, fields, "button:not(.secondary)", url);
        var saved = await client.SubmitFormAsync(page, url + "?handler=Preview", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Thank you, everyone!", await app.WithDbAsync(db => db.PostTemplates.Where(t => t.Kind == PostKind.Thanks).Select(t => t.Body).SingleAsync()));
    }

    [Fact]
    public async Task ARefusedLoginKeepsWhereItWasGoing()
    {
        var client = app.Browser();
        var refused = await client.SubmitAsync("/Account/Login?ReturnUrl=%2FNominations", new Dictionary<string, string> { ["Input.Email"] = "chair@records.local", ["Input.Password"] = "wrong" });
        var page = await refused.ReadPageAsync();

        var signedIn = await client.SubmitFormAsync(page, "/Account/Login?ReturnUrl=%2FNominations",
            new Dictionary<string, string> { ["Input.Email"] = "chair@records.local", ["Input.Password"] = Records.Web.Infrastructure.AppStartup.DevelopmentPassword });

        Assert.Equal("/Account/Login", page.QuerySelector("main form[method=post]")!.GetAttribute("action"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/Nominations", signedIn.Headers.Location!.OriginalString);
    }
}
