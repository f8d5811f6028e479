using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

public class NominateDoubleSubmitTests(NominateApp app) : IClassFixture<NominateApp>
{
    /// <summary>The form as the browser has it once, posted as many times as the test likes.</summary>
    private static async Task<Func<Task<HttpResponseMessage>>> FormOnceAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var page = await client.GetPageAsync("/Nominate");
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Input.SubmissionKey"] = page.QuerySelector("input[name='Input.SubmissionKey']")!.GetAttribute("value")!,
        };
        return () => client.PostAsync("/Nominate", new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task SendingTheSameFormTwiceMakesOneNomination()
    {
        var send = await FormOnceAsync(app.Browser(), Nominate.Form("twice@example.org"));
        Task<int> Confirmations() => app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == "nora@example.net" && m.Subject.Contains("Grace") && m.BodyText.Contains("Q2 2027")));
        var before = await Confirmations();

        var first = await send();
        var second = await send();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDbAsync(db => db.Nominations.CountAsync(n => n.Nominee.Email == "twice@example.org")));
        Assert.Equal(before + 1, await Confirmations());
    }

    [Fact]
    public async Task TheSameFormSentTwiceAtOnceMakesOneNomination()
    {
        var send = await FormOnceAsync(app.Browser(), Nominate.Form("at-once@example.org"));

        var responses = await Task.WhenAll(send(), send(), send());

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await app.WithDbAsync(db => db.Nominations.CountAsync(n => n.Nominee.Email == "at-once@example.org")));
        Assert.Equal(1, await app.WithDbAsync(db => db.People.CountAsync(p => p.Email == "at-once@example.org")));
    }

    [Fact]
    public async Task TamperedSubmissionKeyIsRefusedWithANewKey()
    {
        var response = await app.Browser().SendAsync(Nominate.Form("tampered@example.org").With("Input.SubmissionKey", "not-a-key"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("This form had lost its place.", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.True(Guid.TryParse(page.QuerySelector("input[name='Input.SubmissionKey']")!.GetAttribute("value"), out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.Nominations.CountAsync(n => n.Nominee.Email == "tampered@example.org")));
    }
}

public class NominateRateLimitTests(NominateRateLimitTests.App app) : IClassFixture<NominateRateLimitTests.App>
{
    public sealed class App : NominateApp
    {
        protected override int PerAddressPerHour => 2;
    }

    [Fact]
    public async Task AnAddressThatSendsMoreThanTheLimitGetsTooManyRequests()
    {
        var client = app.Browser();
        await client.SendAndReadReceiptAsync(Nominate.Form("limit-one@example.org"));
        await client.SendAndReadReceiptAsync(Nominate.Form("limit-two@example.org"));

        var refused = await client.SendAsync(Nominate.Form("limit-three@example.org"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After header");
        var page = await refused.ReadPageAsync();
        Assert.Equal("Too many requests from your address", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("This one was not saved", page.Body!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Nominations.CountAsync(n => n.Nominee.Email == "limit-three@example.org")));

        // Reading the form and previewing the statement save nothing, so they stay open.
        Assert.Equal(HttpStatusCode.OK, (await client.PreviewAsync(Nominate.Form("limit-three@example.org"))).StatusCode);
    }
}
