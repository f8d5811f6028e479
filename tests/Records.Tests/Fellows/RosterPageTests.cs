using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Fellows;
using Records.Tests.Infrastructure;
using static Records.Tests.Fellows.RosterHtml;

namespace Records.Tests.Fellows;

public class RosterPageTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task PublicRosterListsTheSeededFellowsUnderTheirQuarterWithLinksInOrder()
    {
        var page = await app.Browser().GetPageAsync("/Fellows");

        Assert.Equal("8 Fellows on the roster", TextOf(page.QuerySelector("[data-total]")!));
        var quarter = page.QuerySelector("[data-quarter='2020-1']")!;
        Assert.Equal("2020 Q1 8 Fellows", TextOf(quarter.QuerySelector("h3")!));
        Assert.Equal(
            ["Al Sweigart", "Alexandre Savio", "Darya Chyzhyk", "Kenneth Love", "Kevin O'Brien", "Serhiy Storchaka", "Thea Flowers", "Tom Christie"],
            quarter.QuerySelectorAll(".name").Select(TextOf));
        var al = FellowItem(page, "Al Sweigart");
        Assert.Equal(["Website", "Twitter", "GitHub"], al.QuerySelectorAll(".links > *").Select(TextOf));
        Assert.Empty(al.QuerySelectorAll(".links a"));
        Assert.Equal(["Website", "Blog", "GitHub"], FellowItem(page, "Thea Flowers").QuerySelectorAll(".links > *").Select(TextOf));
        Assert.Null(FellowItem(page, "Kenneth Love").QuerySelector(".links"));
    }

    [Fact]
    public async Task StrangersSeeNoEditLinksAndNoImportButton()
    {
        var page = await app.Browser().GetPageAsync("/Fellows");

        Assert.Empty(page.QuerySelectorAll("a[href^='/Fellows/Edit']"));
        Assert.Null(page.QuerySelector("a[href='/Fellows/Import']"));
    }

    [Theory]
    [InlineData("Staff")]
    public async Task StaffSeeAnEditLinkPerFellowAndTheImportButton(string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);

        var page = await client.GetPageAsync("/Fellows");

        Assert.Equal(8, page.QuerySelectorAll("li[data-fellow] a[href^='/Fellows/Edit/']").Length);
        Assert.NotNull(page.QuerySelector("a[href='/Fellows/Import']"));
    }

    [Fact]
    public async Task WorkGroupMembersReadTheRosterWithoutEditLinks()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("WorkGroup");

        var page = await client.GetPageAsync("/Fellows");

        Assert.Equal(8, page.QuerySelectorAll("li[data-fellow]").Length);
        Assert.Empty(page.QuerySelectorAll("a[href^='/Fellows/Edit']"));
    }

    [Theory]
    [InlineData("thea", new[] { "Thea Flowers" })]
    [InlineData("KEVIN", new[] { "Kevin O'Brien" })]
    [InlineData("al", new[] { "Al Sweigart", "Alexandre Savio" })]
    public async Task SearchShowsOnlyTheFellowsWhoseNameMatches(string q, string[] names)
    {
        var page = await app.Browser().GetPageAsync($"/Fellows?q={q}");

        Assert.Equal(names, page.QuerySelectorAll("li[data-fellow] .name").Select(TextOf));
        Assert.StartsWith($"{names.Length} Fellow", TextOf(page.QuerySelector("[data-total]")!));
        Assert.Contains("2020 Q1", TextOf(page.QuerySelector("[data-quarter='2020-1'] h3")!));
    }

    [Theory]
    [InlineData("Nobody Here")]
    [InlineData("%")]
    [InlineData("_")]
    public async Task SearchWithNoMatchSaysSo(string q)
    {
        var page = await app.Browser().GetPageAsync($"/Fellows?q={Uri.EscapeDataString(q)}");

        Assert.Empty(page.QuerySelectorAll("li[data-fellow]"));
        Assert.Equal($"No Fellow's name contains “{q}”. See the whole roster", TextOf(page.QuerySelector(".empty")!));
    }

    [Theory]
    [InlineData("/Fellows/Edit/1")]
    [InlineData("/Fellows/Import")]
    public async Task StrangersAreSentToTheLoginFromStaffPages(string url)
    {
        var response = await app.Browser().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("WorkGroup")]
    [InlineData("Chair")]
    [InlineData("Board")]
    public async Task OtherRolesGetA403FromStaffPages(string role)
    {
        var id = await app.WithDbAsync(db => db.Fellows.Where(f => f.Person.Name == "Tom Christie").Select(f => f.Id).SingleAsync());
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);

        await client.GetPageAsync($"/Fellows/Edit/{id}", HttpStatusCode.Forbidden);
        await client.GetPageAsync("/Fellows/Import", HttpStatusCode.Forbidden);
        var token = (await client.GetPageAsync("/Fellows")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync($"/Fellows/Edit/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Status"] = "Deceased", ["Input.Year"] = "2020", ["Input.Quarter"] = "1",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(FellowStatus.Active, await app.WithDbAsync(db => db.Fellows.Where(f => f.Id == id).Select(f => f.Status).SingleAsync()));
    }
}
