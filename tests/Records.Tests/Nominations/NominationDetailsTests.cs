using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Nominations;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

public class NominationDetailsTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private const string Member = "workgroup@records.local";
    private const string Chair = "chair@records.local";

    private async Task<HttpClient> MemberAsync()
    {
        var client = app.Browser();
        await client.LoginAsync(Member);
        return client;
    }

    private Task<List<Vote>> VotesAsync(int nomination) => app.WithDbAsync(db => db.Votes.AsNoTracking().Where(v => v.NominationId == nomination).ToListAsync());

    private static Task<HttpResponseMessage> Post(HttpClient client, int id, string handler, Dictionary<string, string> fields) =>
        client.SubmitAsync($"/Nominations/Details/{id}", fields, formSelector: $"form[action*='handler={handler}']");

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
    public async Task CommentsAppearInTheThreadAndAnEmptyOneIsRefused()
    {
        var id = await ReviewData.NominationAsync(app, await ReviewData.RoundAsync(app, RoundStatus.Open), "Discussed Person");
        var client = await MemberAsync();

        var empty = await Post(client, id, "Comment", new() { ["CommentInput.Body"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Write something before posting.", (await empty.ReadPageAsync()).FieldError("CommentInput.Body"));

        await Post(client, id, "Comment", new() { ["CommentInput.Body"] = "I met them at PyCon <b>2019</b>." });
        var thread = (await client.GetPageAsync($"/Nominations/Details/{id}")).QuerySelector("[data-comments]")!;
        Assert.Contains("Wendy Workgroup", thread.TextContent);
        Assert.Contains("I met them at PyCon <b>2019</b>.", thread.TextContent);
    }

    [Fact]
    public async Task StatementIsRenderedFromMarkdownWithRawHtmlEscapedAndLinkedStatementsShown()
    {
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var first = await ReviewData.NominationAsync(app, round, "Twice Nominated", "First statement: **maintains** the tutorial <script>alert(1)</script> and has done so for a decade, answering every issue filed against it with patience.");
        var nominee = await app.WithDbAsync(db => db.Nominations.Where(n => n.Id == first).Select(n => n.NomineeId).SingleAsync());
        var second = await ReviewData.NominationAsync(app, round, "Twice Nominated", "Second statement: organised the first PyCon in the region, then handed it on to a new team and mentored them for three years.", linkedTo: first, nomineeId: nominee);

        var page = await (await MemberAsync()).GetPageAsync($"/Nominations/Details/{second}");

        Assert.Contains("Second statement", page.QuerySelector("[data-statement]")!.TextContent);
        var other = page.QuerySelector($"[data-other='{first}']")!;
        Assert.Contains("linked", other.TextContent);
        Assert.Equal("maintains", other.QuerySelector("strong")!.TextContent);
        Assert.Null(page.QuerySelector("[data-other] script"));
        Assert.Contains("<script>alert(1)</script>", other.TextContent);
        Assert.Equal(["GitHub", "Website"], page.QuerySelectorAll("a[rel~=nofollow]").Select(a => a.TextContent).ToArray());
    }

    [Fact]
    public async Task UnknownNominationIsNotFound() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await MemberAsync()).GetAsync("/Nominations/Details/999999")).StatusCode);
}
