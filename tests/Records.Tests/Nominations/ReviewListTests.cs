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
        var secondPage = await client.GetPageAsync($"/Nominations?round={round}&p=2");
        Assert.Equal(8, secondPage.QuerySelectorAll("tr[data-nomination]").Length);
        Assert.Contains("Page 2 of 2", secondPage.QuerySelector(".pager")!.TextContent);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("votes")]
    public async Task SortingByTheTallyPutsMyRecusedNominationsLastWithoutHintingAtTheirVotes(string sort)
    {
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var recused = await ReviewData.NominationAsync(app, round, "Recused Favourite");
        var none = await ReviewData.NominationAsync(app, round, "No Votes Yet");
        var disliked = await ReviewData.NominationAsync(app, round, "One No Vote");
        await ReviewData.RecuseAsync(app, recused, Member);
        await ReviewData.VoteAsync(app, recused, Chair, VoteChoice.Yes);
        await ReviewData.VoteAsync(app, disliked, Chair, VoteChoice.No);

        var page = await (await MemberAsync()).GetPageAsync($"/Nominations?round={round}&sort={sort}");

        Assert.Equal([none, disliked, recused], page.QuerySelectorAll("tr[data-nomination]").Select(r => int.Parse(r.GetAttribute("data-nomination")!)));
    }

    [Fact]
    public async Task ReceivedDateIsTheDayInTheFoundationsTimeZone()
    {
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        // 03:30 UTC on Feb 21 is still the evening of Feb 20 in New York: the day the cut-off is read in.
        var id = await ReviewData.NominationAsync(app, round, "Late Evening", receivedAt: new DateTime(2026, 2, 21, 3, 30, 0, DateTimeKind.Utc));
        var client = await MemberAsync();

        var row = (await client.GetPageAsync($"/Nominations?round={round}")).QuerySelector($"tr[data-nomination='{id}']")!;
        Assert.Contains("Feb 20, 2026", row.TextContent);
        Assert.Contains("received Feb 20, 2026", (await client.GetPageAsync($"/Nominations/Details/{id}")).QuerySelector("h1 + p")!.TextContent);
    }

    [Fact]
    public async Task ListMarksLinkedNominationsAndNomineesWhoAreAlreadyFellows()
    {
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var first = await ReviewData.NominationAsync(app, round, "Twice Named");
        var second = await ReviewData.NominationAsync(app, round, "Twice Named", linkedTo: first, nomineeId: await ReviewData.NomineeIdAsync(app, first));
        var fellow = await ReviewData.NominationAsync(app, round, "Already Fellow");
        var plain = await ReviewData.NominationAsync(app, round, "Plain Nominee");
        var person = await ReviewData.NomineeIdAsync(app, fellow);
        await ReviewData.FellowAsync(app, person);

        var page = await (await MemberAsync()).GetPageAsync($"/Nominations?round={round}");

        string Row(int id) => page.QuerySelector($"tr[data-nomination='{id}']")!.TextContent;
        Assert.Contains("linked", Row(first));
        Assert.Contains("linked", Row(second));
        Assert.Contains("already a Fellow", Row(fellow));
        Assert.DoesNotContain("linked", Row(plain));
        Assert.DoesNotContain("already a Fellow", Row(plain));
    }

    [Fact]
    public async Task ARoundWithoutNominationsSaysSo()
    {
        var round = await ReviewData.RoundAsync(app, RoundStatus.Upcoming);
        var page = await (await MemberAsync()).GetPageAsync($"/Nominations?round={round}");
        Assert.Contains("This round has no nominations.", page.QuerySelector(".empty")!.TextContent);
    }
}
