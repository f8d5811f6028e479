using Records.Core.Nominations;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

public class ReviewListTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private const string Member = "workgroup@records.local";
    private const string Chair = "chair@records.local";

    private async Task<HttpClient> MemberAsync()
    {
        var client = app.Browser();
        await client.LoginAsync(Member);
        return client;
    }

    [Fact]
    public async Task ListShowsEachNominationWithMyVoteAndTheTally()
    {
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var voted = await ReviewData.NominationAsync(app, round, "Carol Willing");
        var fresh = await ReviewData.NominationAsync(app, round, "Mariatta Wijaya");
        await ReviewData.VoteAsync(app, voted, Member, VoteChoice.Yes);
        await ReviewData.VoteAsync(app, voted, Chair, VoteChoice.No);

        var page = await (await MemberAsync()).GetPageAsync($"/Nominations?round={round}");

        var row = page.QuerySelector($"tr[data-nomination='{voted}']")!;
        Assert.Equal("Yes", row.QuerySelector("[data-my-vote]")!.GetAttribute("data-my-vote"));
        Assert.Equal("1", row.QuerySelector("[data-yes]")!.TextContent);
        Assert.Equal("1", row.QuerySelector("[data-no]")!.TextContent);
        Assert.Contains("not yet", row.TextContent);
        Assert.Equal("none", page.QuerySelector($"tr[data-nomination='{fresh}'] [data-my-vote]")!.GetAttribute("data-my-vote"));
    }

    [Fact]
    public async Task FiltersShowWhatNeedsMyVoteAndWhereIAmRecused()
    {
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var voted = await ReviewData.NominationAsync(app, round, "Voted On");
        var waiting = await ReviewData.NominationAsync(app, round, "Waiting For Me");
        var recused = await ReviewData.NominationAsync(app, round, "Recused From");
        await ReviewData.VoteAsync(app, voted, Member, VoteChoice.Abstain);
        await ReviewData.RecuseAsync(app, recused, Member);
        await ReviewData.VoteAsync(app, recused, Chair, VoteChoice.Yes);
        var client = await MemberAsync();

        var mine = await client.GetPageAsync($"/Nominations?round={round}&show=mine");
        Assert.Equal([waiting.ToString()], mine.QuerySelectorAll("tr[data-nomination]").Select(r => r.GetAttribute("data-nomination")));

        var hidden = await client.GetPageAsync($"/Nominations?round={round}&show=recused");
        var row = Assert.Single(hidden.QuerySelectorAll("tr[data-nomination]"));
        Assert.Equal("recused", row.QuerySelector("[data-my-vote]")!.GetAttribute("data-my-vote"));
        Assert.Null(row.QuerySelector("[data-yes]"));
        Assert.Contains("Hidden while you are recused", row.TextContent);
    }

    [Fact]
    public async Task ListIssuesTheSameQueriesWhateverTheNumberOfNominations()
    {
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        for (var i = 0; i < 3; i++) await ReviewData.VoteAsync(app, await ReviewData.NominationAsync(app, round, $"Few {i}"), Chair, VoteChoice.Yes);
        var client = await MemberAsync();
        var (_, few) = await app.Sql.GetAsync(client, $"/Nominations?round={round}");

        for (var i = 0; i < 30; i++) await ReviewData.VoteAsync(app, await ReviewData.NominationAsync(app, round, $"Many {i}"), Chair, VoteChoice.No);
        var (response, many) = await app.Sql.GetAsync(client, $"/Nominations?round={round}");

        Assert.Equal(25, (await response.ReadPageAsync()).QuerySelectorAll("tr[data-nomination]").Length);
        Assert.NotEmpty(few);
        Assert.Equal(few.Count, many.Count);
    }

    [Fact]
    public async Task ARoundWithoutNominationsSaysSo()
    {
        var round = await ReviewData.RoundAsync(app, RoundStatus.Upcoming);
        var page = await (await MemberAsync()).GetPageAsync($"/Nominations?round={round}");
        Assert.Contains("This round has no nominations.", page.QuerySelector(".empty")!.TextContent);
    }
}
