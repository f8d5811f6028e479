using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

public class NominateRulesTests(NominateApp app) : IClassFixture<NominateApp>
{
    private Task<(int Nominations, int People, int Mail, int Rounds)> CountsAsync() => app.WithDbAsync(async db =>
        (await db.Nominations.CountAsync(), await db.People.CountAsync(), await db.Outbox.CountAsync(), await db.Rounds.CountAsync()));

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "Input.NomineeName", "", "Enter the name of the person you nominate." },
        { "Input.NomineeName", new string('n', 201), "Keep the name to 200 characters." },
        { "Input.NomineeEmail", "", "Enter the nominee's email address, so the Work Group can reach them." },
        { "Input.NomineeEmail", "grace at example", "Enter an email address like name@example.org." },
        { "Input.NomineeEmail", new string('e', 244) + "@example.org", "Keep the email address to 254 characters." },
        { "Input.Website", "javascript:alert(1)", "Enter the full address of the website, with https:// at the start." },
        { "Input.Website", "https://example.org/" + new string('w', 481), "Keep the website address to 500 characters." },
        { "Input.GitHub", "github.com/grace", "Enter the full address of the GitHub profile, with https:// at the start." },
        { "Input.Twitter", "@grace", "Enter the full address of the Twitter/X profile, with https:// at the start." },
        { "Input.LinkedIn", "ftp://linkedin.example.org/grace", "Enter the full address of the LinkedIn profile, with https:// at the start." },
        { "Input.Mastodon", "grace@fosstodon.org", "Enter the Mastodon handle as @user@host (like @grace@fosstodon.org) or the profile's full address, with https:// at the start." },
        { "Input.Mastodon", "http://fosstodon.org/@grace", "Enter the Mastodon handle as @user@host (like @grace@fosstodon.org) or the profile's full address, with https:// at the start." },
        { "Input.Other", "data:text/html,hi", "Enter the full address of the link, with https:// at the start." },
        { "Input.Statement", "", "Tell the Work Group why this person should be a Fellow." },
        { "Input.Statement", new string('s', 119), "Write at least 120 characters about their contributions (so far 119)." },
        { "Input.Statement", new string('s', 20001), "Keep the statement to 20,000 characters (it has 20,001)." },
        { "Input.NominatorName", "  ", "Enter your name." },
        { "Input.NominatorName", new string('n', 201), "Keep your name to 200 characters." },
        { "Input.NominatorEmail", "", "Enter your email address: the confirmation goes there." },
        { "Input.NominatorEmail", "nora@", "Enter an email address like name@example.org." },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task EachBadFieldIsRefusedBesideItAndNothingIsSaved(string field, string value, string message)
    {
        var before = await CountsAsync();

        var response = await app.Browser().SendAsync(Nominate.Form("bad-field@example.org").With(field, value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ExactLengthLimitsAreAccepted()
    {
        var form = Nominate.Form(new string('e', 242) + "@example.org", new string('n', 200))
            .With("Input.Statement", new string('s', 20000)).With("Input.NominatorName", new string('m', 200));
        await app.Browser().SendAndReadReceiptAsync(form);
    }

    [Theory]
    [InlineData("Ada@Example.org", "ada@example.org")]
    [InlineData("ada@example.org", "ada@example.org")]
    public async Task SelfNominationIsRefusedBesideTheNominatorsEmail(string nominee, string nominator)
    {
        var before = await CountsAsync();

        var response = await app.Browser().SendAsync(Nominate.Form(nominee, "Ada Self").With("Input.NominatorName", "Ada Self").With("Input.NominatorEmail", nominator));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("You cannot nominate yourself. Ask someone who knows your work to nominate you.", (await response.ReadPageAsync()).FieldError("Input.NominatorEmail"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task FilledHoneypotLooksAcceptedButSavesNothing()
    {
        var before = await CountsAsync();
        var client = app.Browser();

        var response = await client.SendAsync(Nominate.Form("robot-target@example.org").With("Input.Website2", "https://spam.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Nominate/Thanks", response.Headers.Location!.OriginalString);
        Assert.Contains("Thank you for your nomination", (await client.GetPageAsync("/Nominate/Thanks")).Body!.TextContent);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task NomineeWhoIsAlreadyAFellowIsWarnedAboutOnPreviewAndMustBeConfirmed()
    {
        var client = app.Browser();
        var form = Nominate.Form("thea-again@example.org", "thea flowers");

        var preview = await (await client.PreviewAsync(form)).ReadPageAsync();
        Assert.Contains("Thea Flowers is already a Fellow (inducted Q1 2020)", preview.QuerySelector("[data-fellow-warning]")!.TextContent);

        var before = await CountsAsync();
        var refused = await client.SendAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ReadPageAsync();
        Assert.NotNull(page.QuerySelector("[data-fellow-warning]"));
        Assert.Equal("Tick the box to confirm that you mean to nominate this person.", page.FieldError("Input.ConfirmFellow"));
        Assert.Equal(before, await CountsAsync());

        await client.SendAndReadReceiptAsync(form.With("Input.ConfirmFellow", "true"));
        var notice = await app.WithDbAsync(db => db.Outbox.FirstAsync(m => m.To == NominateApp.ListAddress && m.Subject.Contains("thea flowers")));
        Assert.Contains("Note: Thea Flowers, a Fellow since Q1 2020, has this nominee's name or email", notice.BodyText);
    }

    [Fact]
    public async Task NomineeWhoIsNoFellowGetsNoWarning()
    {
        var preview = await (await app.Browser().PreviewAsync(Nominate.Form("someone-new@example.org", "Someone New"))).ReadPageAsync();
        Assert.Null(preview.QuerySelector("[data-fellow-warning]"));
    }

    [Fact]
    public async Task PreviewRendersTheMarkdownWithRawHtmlEscapedAndSavesNothing()
    {
        var before = await CountsAsync();
        var form = Nominate.Form("preview@example.org").With("Input.Statement", "**Bold work** <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))");

        var response = await app.Browser().PreviewAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        var rendered = page.QuerySelector("[data-statement-preview]")!;
        Assert.Equal("Bold work", rendered.QuerySelector("strong")!.TextContent);
        Assert.Empty(rendered.QuerySelectorAll("script, img"));
        Assert.Contains("<script>alert(1)</script>", rendered.TextContent);
        Assert.DoesNotContain("javascript:", rendered.InnerHtml);
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert"));
        Assert.Equal("**Bold work** <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))", page.QuerySelector("textarea[name='Input.Statement']")!.TextContent);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task LivePreviewGetsTheRenderedStatementAlone()
    {
        var client = app.Browser();
        var page = await client.GetPageAsync("/Nominate");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, page.QuerySelector("form[data-preview-url]")!.GetAttribute("data-preview-url"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Statement"] = "*Kind* <b>words</b>" }),
        };
        request.Headers.Add("X-Records-Fragment", "preview");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html);
        Assert.Contains("<em>Kind</em> &lt;b&gt;words&lt;/b&gt;", html);
    }

    [Fact]
    public async Task PreviewWithoutTheAntiforgeryTokenIsRefused()
    {
        var response = await app.Browser().PostAsync("/Nominate?handler=Preview", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Statement"] = "hello" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
