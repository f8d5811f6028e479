using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Records.Core.Fellows;
using Records.Core.People;
using Records.Tests.Infrastructure;
using static Records.Tests.Fellows.RosterHtml;

namespace Records.Tests.Fellows;

public class FellowEditTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private Task<int> IdOfAsync(string name) => app.WithDbAsync(db => db.Fellows.Where(f => f.Person.Name == name).Select(f => f.Id).SingleAsync());

    private async Task<HttpClient> StaffAsync(string role = "Staff")
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        return client;
    }

    private static Dictionary<string, string> Fields(string status, string year = "2020", string quarter = "1") =>
        new() { ["Input.Status"] = status, ["Input.Year"] = year, ["Input.Quarter"] = quarter };

    /// <summary>Posts the edit form as a browser does: every field as the page shows it, with the changes made.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, int id, Dictionary<string, string> changes, IHtmlDocument? form = null, string? action = null)
    {
        form ??= await client.GetPageAsync($"/Fellows/Edit/{id}");
        var values = Shown(form);
        foreach (var (name, value) in changes) values[name] = value;
        return await client.SubmitFormAsync(form, $"/Fellows/Edit/{id}", values, "form[data-fellow-edit]", action);
    }

    private static Dictionary<string, string> Shown(IHtmlDocument page)
    {
        var form = page.QuerySelector("form[data-fellow-edit]")!;
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]").Cast<IHtmlInputElement>().Where(i => i.Type is "text" or "email" || (i.Type == "radio" && i.IsChecked)))
            values[input.Name!] = input.Value;
        foreach (var select in form.QuerySelectorAll("select[name]").Cast<IHtmlSelectElement>())
            values[select.Name!] = select.SelectedOptions.FirstOrDefault()?.Value ?? select.Options.First().Value;
        return values;
    }

    private static List<(string Kind, string Url)> Rows(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-link-row]").Select(row => (
            ((IHtmlSelectElement)row.QuerySelector("select")!).SelectedOptions.FirstOrDefault()?.Value ?? "",
            ((IHtmlInputElement)row.QuerySelector("input")!).Value))];

    private Task<List<(LinkKind Kind, string? Url)>> LinksAsync(int id) => app.WithDbAsync(async db =>
        (await db.Fellows.Where(f => f.Id == id).SelectMany(f => f.Person.Links).OrderBy(l => l.Position).Select(l => new { l.Kind, l.Url }).ToListAsync())
        .Select(l => (l.Kind, l.Url)).ToList());

    [Fact]
    public async Task StaffMarkAFellowDeceasedAndTheRosterRemembersThem()
    {
        var id = await IdOfAsync("Serhiy Storchaka");
        var client = await StaffAsync();

        var form = await client.GetPageAsync($"/Fellows/Edit/{id}");
        Assert.Equal("Active", form.QuerySelector("input[name='Input.Status'][checked]")!.GetAttribute("value"));
        var response = await SaveAsync(client, id, Fields("Deceased"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roster = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Saved Serhiy Storchaka: in memoriam, 2020 Q1.", TextOf(roster.QuerySelector(".flash")!));
        Assert.Equal("In memoriam", TextOf(FellowItem(roster, "Serhiy Storchaka").QuerySelector(".badge")!));
        var publicRoster = await app.Browser().GetPageAsync("/Fellows");
        Assert.Equal("In memoriam", TextOf(FellowItem(publicRoster, "Serhiy Storchaka").QuerySelector(".badge")!));
        Assert.Equal(FellowStatus.Deceased, await app.WithDbAsync(db => db.Fellows.Where(f => f.Id == id).Select(f => f.Status).SingleAsync()));
    }

    [Fact]
    public async Task StaffMakeAFellowEmeritusAndMoveThemToTheEndOfAnotherQuarter()
    {
        var id = await IdOfAsync("Alexandre Savio");
        var client = await StaffAsync();

        var response = await SaveAsync(client, id, Fields("Emeritus", "2019", "4"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roster = await app.Browser().GetPageAsync("/Fellows");
        Assert.Equal("Emeritus", TextOf(FellowItem(roster, "Alexandre Savio").QuerySelector(".badge")!));
        Assert.Equal(["Alexandre Savio"], roster.QuerySelectorAll("[data-quarter='2019-4'] .name").Select(TextOf));
        Assert.DoesNotContain("Alexandre Savio", roster.QuerySelectorAll("[data-quarter='2020-1'] .name").Select(TextOf));
    }

    [Fact]
    public async Task StaleEditIsRefusedWithAConflictAndChangesNothing()
    {
        var id = await IdOfAsync("Tom Christie");
        var client = await StaffAsync();
        var form = await client.GetPageAsync($"/Fellows/Edit/{id}");

        var other = await StaffAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(other, id, Fields("Emeritus"))).StatusCode);

        var response = await SaveAsync(client, id, Fields("Deceased"), form);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone else changed this Fellow while you were editing", TextOf((await response.ReadPageAsync()).Body!));
        Assert.Equal(FellowStatus.Emeritus, await app.WithDbAsync(db => db.Fellows.Where(f => f.Id == id).Select(f => f.Status).SingleAsync()));
    }

    [Fact]
    public async Task BadValuesAreRefusedBesideTheirFields()
    {
        var id = await IdOfAsync("Darya Chyzhyk");
        var client = await StaffAsync();

        var response = await SaveAsync(client, id, Fields("Retired", "20x0", "5"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("Choose Active, Emeritus or Deceased.", page.FieldError("Input.Status"));
        Assert.Equal($"Enter the year of induction, from 1990 to {app.Today.Year + 1}.", page.FieldError("Input.Year"));
        Assert.Equal("Choose the quarter, 1 to 4.", page.FieldError("Input.Quarter"));
        var fellow = await app.WithDbAsync(db => db.Fellows.SingleAsync(f => f.Id == id));
        Assert.Equal((FellowStatus.Active, 2020, 1), (fellow.Status, fellow.Year, fellow.Quarter));
    }

    [Fact]
    public async Task StaffFillInASeededLinksAddressAddAMastodonHandleRenameAndReorder()
    {
        var id = await IdOfAsync("Al Sweigart");
        var client = await StaffAsync();
        var form = await client.GetPageAsync($"/Fellows/Edit/{id}");
        Assert.Equal([("Website", ""), ("Twitter", ""), ("GitHub", ""), ("", "")], Rows(form));
        Assert.Equal("Twitter/X", form.QuerySelector("[data-link-row='1'] select option[selected]")!.TextContent);

        var response = await SaveAsync(client, id, new()
        {
            ["Input.Name"] = "Al Sweigart",
            ["Input.Email"] = "al@inventwithpython.example",
            ["Input.Links[0].Kind"] = "GitHub", ["Input.Links[0].Url"] = "https://github.com/asweigart",
            ["Input.Links[1].Kind"] = "Website", ["Input.Links[1].Url"] = "https://inventwithpython.com",
            ["Input.Links[2].Kind"] = "Twitter", ["Input.Links[2].Url"] = "",
            ["Input.Links[3].Kind"] = "Mastodon", ["Input.Links[3].Url"] = "@AlSweigart@mastodon.social",
        }, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(
            [(LinkKind.GitHub, "https://github.com/asweigart"), (LinkKind.Website, "https://inventwithpython.com"), (LinkKind.Twitter, null), (LinkKind.Mastodon, "@AlSweigart@mastodon.social")],
            await LinksAsync(id));
        Assert.Equal("al@inventwithpython.example", await app.WithDbAsync(db => db.People.Where(p => p.Name == "Al Sweigart").Select(p => p.Email).SingleAsync()));
        var roster = await app.Browser().GetPageAsync("/Fellows");
        var links = FellowItem(roster, "Al Sweigart").QuerySelectorAll(".links a, .links span").Select(e => (e.TextContent, e.GetAttribute("href"))).ToList();
        Assert.Equal([("GitHub", "https://github.com/asweigart"), ("Website", "https://inventwithpython.com"), ("Twitter", null), ("Mastodon", "https://mastodon.social/@AlSweigart")], links);
    }

    [Fact]
    public async Task AddMoveAndRemoveShowTheFormAgainWithoutSaving()
    {
        var id = await IdOfAsync("Thea Flowers");
        var client = await StaffAsync();
        var edit = $"/Fellows/Edit/{id}";
        var form = await client.GetPageAsync(edit);
        var changes = new Dictionary<string, string> { ["Input.Links[0].Url"] = "https://thea.example.org", ["Input.Name"] = "Thea Flowers (edited)" };

        var added = await (await SaveAsync(client, id, changes, form, $"{edit}?handler=AddLink")).ReadPageAsync();
        Assert.Equal([("Website", "https://thea.example.org"), ("Blog", ""), ("GitHub", ""), ("", ""), ("", "")], Rows(added));
        Assert.Equal("Thea Flowers (edited)", ((IHtmlInputElement)added.QuerySelector("[name='Input.Name']")!).Value);

        var moved = await (await SaveAsync(client, id, new(), added, $"{edit}?handler=MoveLink&row=2&by=-1")).ReadPageAsync();
        Assert.Equal([("Website", "https://thea.example.org"), ("GitHub", ""), ("Blog", ""), ("", ""), ("", "")], Rows(moved));
        Assert.NotNull(moved.QuerySelector("[data-link-row='0'] button[aria-label='Move link 1 up'][disabled]"));

        var removed = await (await SaveAsync(client, id, new(), moved, $"{edit}?handler=RemoveLink&row=0")).ReadPageAsync();
        Assert.Equal([("GitHub", ""), ("Blog", ""), ("", ""), ("", "")], Rows(removed));

        Assert.Equal([(LinkKind.Website, null), (LinkKind.Blog, null), (LinkKind.GitHub, null)], await LinksAsync(id));
        Assert.Equal(1, await app.WithDbAsync(db => db.People.CountAsync(p => p.Name == "Thea Flowers")));

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(client, id, new(), removed)).StatusCode);
        Assert.Equal([(LinkKind.GitHub, null), (LinkKind.Blog, null)], await LinksAsync(id));
        Assert.Equal(1, await app.WithDbAsync(db => db.People.CountAsync(p => p.Name == "Thea Flowers (edited)")));
    }

    [Fact]
    public async Task BadLinksAreRefusedBesideTheirRowsWithA400AndNothingIsSaved()
    {
        var id = await IdOfAsync("Kevin O'Brien");
        var client = await StaffAsync();

        var response = await SaveAsync(client, id, new()
        {
            ["Input.Name"] = "",
            ["Input.Email"] = "kevin at example",
            ["Input.Links[0].Url"] = "javascript:alert(1)",
            ["Input.Links[1].Url"] = "github.com/kevin",
            ["Input.Links[2].Kind"] = "Mastodon", ["Input.Links[2].Url"] = "kevin@fosstodon.org",
            ["Input.Links[3].Url"] = "https://kevin.example.org",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("Enter the Fellow's name.", page.FieldError("Input.Name"));
        Assert.Equal("Enter an email address like name@example.org, or leave it empty.", page.FieldError("Input.Email"));
        Assert.Equal("Enter the full address of the Twitter/X link, starting with https:// or http://.", page.FieldError("Input.Links[0].Url"));
        Assert.Equal("Enter the full address of the GitHub link, starting with https:// or http://.", page.FieldError("Input.Links[1].Url"));
        Assert.Equal("Enter the Mastodon handle as @user@host (like @grace@fosstodon.org) or the profile's https:// address.", page.FieldError("Input.Links[2].Url"));
        Assert.Equal("Choose what kind of link this is.", page.FieldError("Input.Links[3].Kind"));
        Assert.Equal("javascript:alert(1)", ((IHtmlInputElement)page.QuerySelector("[name='Input.Links[0].Url']")!).Value);
        Assert.Equal([(LinkKind.Twitter, null), (LinkKind.GitHub, null), (LinkKind.LinkedIn, null)], await LinksAsync(id));
        Assert.Equal(1, await app.WithDbAsync(db => db.People.CountAsync(p => p.Name == "Kevin O'Brien" && p.Email == null)));
    }

    [Fact]
    public async Task OnlyStaffEditLinks()
    {
        var id = await IdOfAsync("Kenneth Love");

        foreach (var role in new[] { "Board", "Admin" })
        {
            var response = await (await StaffAsync(role)).GetAsync($"/Fellows/Edit/{id}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task AnUnknownFellowIsNotFound()
    {
        var client = await StaffAsync();

        var page = await client.GetPageAsync("/Fellows/Edit/999999", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", TextOf(page.QuerySelector("h1")!));
    }
}
