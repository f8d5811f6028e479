using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

/// <summary>
/// Statements written to keep the server busy (Markdown that parses slowly, nests deeply, or is huge) are answered
/// at once, with a 4xx or the page, never a 500 and never a request that runs on. Each request must finish within
/// ten seconds, so a regression fails here instead of hanging the run.
/// </summary>
public class NominateHostileStatementTests(NominateApp app) : IClassFixture<NominateApp>
{
    public static TheoryData<string> Statements => new()
    {
        "link openers 80 KB",
        "link openers 1 MB",
        "300 quote marks",
        "100k stars",
        "nested lists",
        "nested brackets",
        "emphasis closers",
        "5,000 headings",
    };

    private static string Statement(string name) => name switch
    {
        "link openers 80 KB" => string.Concat(Enumerable.Repeat("[a](", 20_000)),
        "link openers 1 MB" => string.Concat(Enumerable.Repeat("[a](", 262_144)),
        "300 quote marks" => new string('>', 300),
        "100k stars" => new string('*', 100_000),
        "nested lists" => string.Concat(Enumerable.Range(0, 400).Select(i => new string(' ', i * 2) + "- item\n")),
        "nested brackets" => new string('[', 9_000) + "a" + new string(']', 9_000),
        "emphasis closers" => string.Concat(Enumerable.Repeat("a_ ", 6_600)),
        "5,000 headings" => string.Concat(Enumerable.Repeat("# a\n", 5_000)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private async Task<HttpResponseMessage> PostAsync(string handler, string statement, string email, bool fragment = false)
    {
        var client = app.Browser();
        var page = await client.GetPageAsync("/Nominate");
        var form = Nominate.Form(email).With("Input.Statement", statement);
        form["__RequestVerificationToken"] = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        form["Input.SubmissionKey"] = page.QuerySelector("input[name='Input.SubmissionKey']")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Nominate" + handler) { Content = new FormUrlEncodedContent(form) };
        if (fragment) request.Headers.Add("X-Records-Fragment", "preview");
        // A bound, not a measure: the old code never answered 1 MB of `[a](`; a loaded machine still answers well within it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var response = await client.SendAsync(request, timeout.Token);
        await response.Content.LoadIntoBufferAsync(timeout.Token);
        return response;
    }

    private static void AssertAnswered(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        Assert.True(status == 200 || (status >= 400 && status < 500), $"Expected 200 or a 4xx, got {status}");
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public async Task APreviewOfAHostileStatementIsAnsweredAtOnce(string name)
    {
        AssertAnswered(await PostAsync("?handler=Preview", Statement(name), "hostile-preview@example.org"));
        AssertAnswered(await PostAsync("?handler=Preview", Statement(name), "hostile-preview@example.org", fragment: true));
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public async Task SendingAHostileStatementIsAnsweredAtOnceAndSavesNothingTooLong(string name)
    {
        var email = $"hostile-{name.Replace(' ', '-')}@example.org";

        var response = await PostAsync("", Statement(name), email);

        AssertAnswered(response);
        if (Statement(name).Length > 20_000)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(0, await app.WithDbAsync(db => db.Nominations.CountAsync(n => n.Nominee.Email == email)));
        }
    }

    [Fact]
    public async Task ATooLongStatementIsNotRenderedAndTheMessageIsBesideIt()
    {
        var response = await PostAsync("?handler=Preview", new string('x', 20_001), "too-long@example.org");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("Keep the statement to 20,000 characters (it has 20,001).", page.FieldError("Input.Statement"));
        Assert.Null(page.QuerySelector("[data-statement-preview]"));
    }

    [Fact]
    public async Task QuotesNestedTooDeeplyAreRefusedBesideTheStatement()
    {
        var statement = new string('>', 300) + " " + Nominate.Statement;

        var preview = await PostAsync("?handler=Preview", statement, "deep@example.org");
        var sent = await PostAsync("", statement, "deep@example.org");

        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        Assert.StartsWith("Quotes, lists or emphasis are nested too deeply", (await sent.ReadPageAsync()).FieldError("Input.Statement"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Nominations.CountAsync(n => n.Nominee.Email == "deep@example.org")));
    }
}

public class NominatePreviewRateLimitTests(NominatePreviewRateLimitTests.App app) : IClassFixture<NominatePreviewRateLimitTests.App>
{
    public sealed class App : NominateApp
    {
        protected override int PreviewsPerAddressPerMinute => 3;
    }

    [Fact]
    public async Task AnAddressThatPreviewsTooOftenGetsTooManyRequestsWithAMessage()
    {
        var client = app.Browser();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PreviewAsync(Nominate.Form("previews@example.org"))).StatusCode);
        }

        var refused = await client.PreviewAsync(Nominate.Form("previews@example.org"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After header");
        var page = await refused.ReadPageAsync();
        Assert.StartsWith("Too many previews from your address in the last minute.", page.QuerySelector("[data-preview-error]")!.TextContent);
        // Sending the form has its own allowance, so the nomination still goes through.
        await client.SendAndReadReceiptAsync(Nominate.Form("previews@example.org"));
    }
}
