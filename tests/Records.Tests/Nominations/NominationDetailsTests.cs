using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Nominations;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

/// <summary>What a member reads on a nomination: statement, links, linked and earlier nominations, ballots, discussion.</summary>
public class NominationDetailsTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private const string Member = "workgroup@records.local";
    private const string Chair = "chair@records.local";

    private Task<HttpClient> MemberAsync() => ReviewData.SignInAsync(app, Member);

    private Task<List<Vote>> VotesAsync(int nomination) => ReviewData.VotesAsync(app, nomination);

    private static Task<HttpResponseMessage> Post(HttpClient client, int id, string handler, Dictionary<string, string> fields) =>
        ReviewData.PostAsync(client, id, handler, fields);

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
    public async Task EveryonesBallotIsShownWithNameAndCommentAndMyVoteFillsTheForm()
    {
        var id = await ReviewData.NominationAsync(app, await ReviewData.RoundAsync(app, RoundStatus.Open), "Well Known");
        await ReviewData.VoteAsync(app, id, Chair, VoteChoice.No, "Not yet, maybe next year.");
        await ReviewData.VoteAsync(app, id, Member, VoteChoice.Abstain, "I only know the name.");

        var page = await (await MemberAsync()).GetPageAsync($"/Nominations/Details/{id}");

        var ballots = page.QuerySelectorAll("[data-ballots] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, ballots.Count);
        Assert.Contains(ballots, b => b.Contains("Chris Chair") && b.Contains("No") && b.Contains("Not yet, maybe next year."));
        Assert.Contains(ballots, b => b.Contains("Wendy Workgroup") && b.Contains("Abstain"));
        Assert.Equal("Abstain", page.QuerySelector("input[name='VoteInput.Choice'][checked]")!.GetAttribute("value"));
        Assert.Equal("I only know the name.", page.QuerySelector("textarea[name='VoteInput.Comment']")!.TextContent.Trim());
        Assert.Contains("0 yes · 1 no · 1 abstain", Squeeze(page.QuerySelector("[data-tally]")!.TextContent));
    }

    [Fact]
    public async Task EarlierNominationOfTheSamePersonShowsItsRoundAndOutcomeAndAFellowIsFlagged()
    {
        var earlierRound = await ReviewData.RoundAsync(app, RoundStatus.Closed);
        var earlier = await ReviewData.NominationAsync(app, earlierRound, "Tried Before", "An earlier statement about the work of this person on packaging tools, the documentation sprint and years of answering questions.", status: NominationStatus.NotAccepted);
        var person = await ReviewData.NomineeIdAsync(app, earlier);
        var id = await ReviewData.NominationAsync(app, await ReviewData.RoundAsync(app, RoundStatus.Open), "Tried Before", nomineeId: person);
        var page = await (await MemberAsync()).GetPageAsync($"/Nominations/Details/{id}");
        var other = page.QuerySelector($"[data-other='{earlier}'] summary")!.TextContent;
        var earlierName = await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == earlierRound).Select(r => "Q" + r.Quarter + " " + r.Year).SingleAsync());
        Assert.Contains(earlierName, other);
        Assert.Contains("Not accepted", other);
        Assert.Null(page.QuerySelector("[data-fellow-warning]"));

        await ReviewData.FellowAsync(app, person);
        var warned = await (await MemberAsync()).GetPageAsync($"/Nominations/Details/{id}");
        Assert.Contains("Tried Before is already a Fellow", warned.QuerySelector("[data-fellow-warning]")!.TextContent);
    }

    [Fact]
    public async Task OnlyWebAddressesBecomeLinks()
    {
        var id = await ReviewData.NominationAsync(app, await ReviewData.RoundAsync(app, RoundStatus.Open), "Odd Link", linkUrl: "javascript:alert(1)");
        var page = await (await MemberAsync()).GetPageAsync($"/Nominations/Details/{id}");
        Assert.Null(page.QuerySelector("a[href^='javascript']"));
        Assert.Equal(["Website"], page.QuerySelectorAll("a[rel~=nofollow]").Select(a => a.TextContent).ToArray());
    }

    [Fact]
    public async Task UnknownNominationIsNotFound()
    {
        var client = await MemberAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Nominations/Details/999999")).StatusCode);

        var page = await client.GetPageAsync($"/Nominations/Details/{await ReviewData.NominationAsync(app, await ReviewData.RoundAsync(app, RoundStatus.Open), "Real One")}");
        foreach (var handler in new[] { "Vote", "Recuse", "Unrecuse", "Comment" })
        {
            var response = await client.SubmitFormAsync(page, "/Nominations/Details/999999", new Dictionary<string, string> { ["VoteInput.Choice"] = "Yes", ["CommentInput.Body"] = "Hello" },
                formSelector: "form[action*='handler=Comment']", action: $"/Nominations/Details/999999?handler={handler}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Votes.CountAsync(v => v.NominationId == 999999)));
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
