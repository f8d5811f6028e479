using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Nominations;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

/// <summary>A member votes, changes the vote, recuses and withdraws the recusal; every refusal changes nothing.</summary>
public class NominationVotingTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private const string Member = "workgroup@records.local";
    private const string Chair = "chair@records.local";

    private Task<HttpClient> MemberAsync() => ReviewData.SignInAsync(app, Member);

    private Task<List<Vote>> VotesAsync(int nomination) => ReviewData.VotesAsync(app, nomination);

    private static Task<HttpResponseMessage> Post(HttpClient client, int id, string handler, Dictionary<string, string> fields) =>
        ReviewData.PostAsync(client, id, handler, fields);

    [Fact]
    public async Task MemberVotesThenChangesTheVoteWhileTheRoundIsOpen()
    {
        var id = await ReviewData.NominationAsync(app, await ReviewData.RoundAsync(app, RoundStatus.Open), "Ada Lovelace");
        var client = await MemberAsync();

        var first = await Post(client, id, "Vote", new() { ["VoteInput.Choice"] = "Yes", ["VoteInput.Comment"] = "Obvious choice." });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("You voted Yes.", (await client.GetPageAsync($"/Nominations/Details/{id}")).QuerySelector(".flash")!.TextContent);

        await Post(client, id, "Vote", new() { ["VoteInput.Choice"] = "No" });
        var vote = Assert.Single(await VotesAsync(id));
        Assert.Equal(VoteChoice.No, vote.Choice);
        Assert.Null(vote.Comment);
        var page = await client.GetPageAsync($"/Nominations/Details/{id}");
        Assert.Contains("0 yes · 1 no · 0 abstain", page.QuerySelector("[data-tally]")!.TextContent.Replace("\n", " ").Replace("  ", " "));
    }

    [Fact]
    public async Task VoteWithoutAChoiceIsRefusedBesideTheField()
    {
        var id = await ReviewData.NominationAsync(app, await ReviewData.RoundAsync(app, RoundStatus.Open), "No Choice");
        var response = await Post(await MemberAsync(), id, "Vote", new() { ["VoteInput.Comment"] = "Hmm" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Choose yes, no or abstain.", (await response.ReadPageAsync()).FieldError("VoteInput.Choice"));
        Assert.Empty(await VotesAsync(id));
    }

    [Theory]
    [InlineData(RoundStatus.Closed, "is closed")]
    [InlineData(RoundStatus.Upcoming, "has not opened")]
    public async Task VoteWhenTheRoundIsNotOpenIsRefusedAndChangesNothing(RoundStatus status, string message)
    {
        var open = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var id = await ReviewData.NominationAsync(app, open, "Late Vote");
        var client = await MemberAsync();
        var page = await client.GetPageAsync($"/Nominations/Details/{id}");
        await app.WithDbAsync(async db => { (await db.Rounds.SingleAsync(r => r.Id == open)).Status = status; await db.SaveChangesAsync(); });

        var response = await client.SubmitFormAsync(page, $"/Nominations/Details/{id}", new Dictionary<string, string> { ["VoteInput.Choice"] = "Yes" }, formSelector: "form[action*='handler=Vote']");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(message, (await response.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Empty(await VotesAsync(id));
    }

    [Fact]
    public async Task RecusingWithdrawsMyVoteHidesTheTallyAndBlocksVotingUntilWithdrawn()
    {
        var id = await ReviewData.NominationAsync(app, await ReviewData.RoundAsync(app, RoundStatus.Open), "Conflicted Person");
        await ReviewData.VoteAsync(app, id, Chair, VoteChoice.Yes);
        var client = await MemberAsync();
        var votePage = await client.GetPageAsync($"/Nominations/Details/{id}");
        await Post(client, id, "Vote", new() { ["VoteInput.Choice"] = "Yes" });

        await Post(client, id, "Recuse", new() { ["RecuseInput.Reason"] = "We work together." });
        Assert.Single(await VotesAsync(id));
        var recused = await client.GetPageAsync($"/Nominations/Details/{id}");
        Assert.Null(recused.QuerySelector("[data-tally]"));
        Assert.Null(recused.QuerySelector("[data-ballots]"));

        var refused = await client.SubmitFormAsync(votePage, $"/Nominations/Details/{id}", new Dictionary<string, string> { ["VoteInput.Choice"] = "No" }, formSelector: "form[action*='handler=Vote']");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("recused", (await refused.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Single(await VotesAsync(id));

        await Post(client, id, "Unrecuse", []);
        await Post(client, id, "Vote", new() { ["VoteInput.Choice"] = "Abstain" });
        Assert.Equal(2, (await VotesAsync(id)).Count);
    }

    [Fact]
    public async Task VoteOnADecidedNominationIsRefusedAndChangesNothing()
    {
        var open = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var id = await ReviewData.NominationAsync(app, open, "Decided Early");
        var client = await MemberAsync();
        var page = await client.GetPageAsync($"/Nominations/Details/{id}");
        await app.WithDbAsync(async db => { (await db.Nominations.SingleAsync(n => n.Id == id)).Status = NominationStatus.Withdrawn; await db.SaveChangesAsync(); });

        var response = await client.SubmitFormAsync(page, $"/Nominations/Details/{id}", new Dictionary<string, string> { ["VoteInput.Choice"] = "Yes" }, formSelector: "form[action*='handler=Vote']");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("votes can no longer change", (await response.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Empty(await VotesAsync(id));
    }

    [Fact]
    public async Task AVoteSentSeveralTimesAtOnceIsRecordedOnceAndNeverFails()
    {
        var id = await ReviewData.NominationAsync(app, await ReviewData.RoundAsync(app, RoundStatus.Open), "Double Click");
        var client = await MemberAsync();
        var page = await client.GetPageAsync($"/Nominations/Details/{id}");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.SubmitFormAsync(page, $"/Nominations/Details/{id}",
            new Dictionary<string, string> { ["VoteInput.Choice"] = i % 2 == 0 ? "Yes" : "No" }, formSelector: "form[action*='handler=Vote']")));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(await VotesAsync(id));
    }

    [Fact]
    public async Task RecusingAndWithdrawingItSeveralTimesAtOnceNeverFails()
    {
        var id = await ReviewData.NominationAsync(app, await ReviewData.RoundAsync(app, RoundStatus.Open), "Many Recusals");
        var client = await MemberAsync();
        await Post(client, id, "Vote", new() { ["VoteInput.Choice"] = "Yes" });
        var page = await client.GetPageAsync($"/Nominations/Details/{id}");

        var recusals = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            client.SubmitFormAsync(page, $"/Nominations/Details/{id}", new Dictionary<string, string>(), formSelector: "form[action*='handler=Recuse']")));
        Assert.All(recusals, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
        Assert.Empty(await VotesAsync(id));

        var recused = await client.GetPageAsync($"/Nominations/Details/{id}");
        var withdrawals = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            client.SubmitFormAsync(recused, $"/Nominations/Details/{id}", new Dictionary<string, string>(), formSelector: "form[action*='handler=Unrecuse']")));
        Assert.All(withdrawals, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Recusals.CountAsync(r => r.NominationId == id)));
    }

    [Fact]
    public async Task RecusingSaysMyVoteIsWithdrawn()
    {
        var id = await ReviewData.NominationAsync(app, await ReviewData.RoundAsync(app, RoundStatus.Open), "Old Colleague");
        var client = await MemberAsync();
        await Post(client, id, "Vote", new() { ["VoteInput.Choice"] = "No" });
        Assert.Contains("Recusing withdraws your vote", (await client.GetPageAsync($"/Nominations/Details/{id}")).QuerySelector("form[action*='handler=Recuse']")!.TextContent);

        await Post(client, id, "Recuse", []);

        var page = await client.GetPageAsync($"/Nominations/Details/{id}");
        Assert.Contains("your vote, if you had cast one, is withdrawn", page.QuerySelector(".flash")!.TextContent);
        Assert.Empty(await VotesAsync(id));
        Assert.Null(page.QuerySelector("form[action*='handler=Vote']"));
        Assert.NotNull(page.QuerySelector("form[action*='handler=Unrecuse']"));
    }
}
