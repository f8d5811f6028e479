using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

/// <summary>
/// The app for the public form: a clock the test sets (rounds depend on the day), a Work Group list address, a
/// public address for links in email, and a rate limit high enough not to interfere unless a test class lowers it.
/// </summary>
public class NominateApp : RecordsApp
{
    public const string ListAddress = "fellows-wg@lists.example.org";
    public const string BaseUrl = "https://records.example.org";

    public TestClock Clock { get; } = new(DateTimeOffset.Parse("2027-05-20T15:00:00-04:00"));

    protected virtual int PerAddressPerHour => 1000;
    protected virtual int PreviewsPerAddressPerMinute => 1000;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Records:WorkGroupListAddress"] = ListAddress,
        ["Records:BaseUrl"] = BaseUrl,
        ["Records:TimeZone"] = "America/New_York",
        ["Records:Nominations:PerAddressPerHour"] = PerAddressPerHour.ToString(),
        ["Records:Nominations:PreviewsPerAddressPerMinute"] = PreviewsPerAddressPerMinute.ToString(),
    };

    protected override bool StartsFromPreparedCopy => StartupType == typeof(NominateApp);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Stands still at the instant a test sets.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}

public static class Nominate
{
    public const string Statement =
        "She has maintained the **packaging guide** for six years, mentored dozens of first-time contributors " +
        "and organised the regional conference since 2019. See [her talks](https://pyvideo.org/speaker/grace.html).";

    /// <summary>A complete, valid form for a nominee with this email.</summary>
    public static Dictionary<string, string> Form(string nomineeEmail, string nomineeName = "Grace Example") => new()
    {
        ["Input.NomineeName"] = nomineeName,
        ["Input.NomineeEmail"] = nomineeEmail,
        ["Input.Website"] = "https://grace.example.org",
        ["Input.GitHub"] = "https://github.com/grace-example",
        ["Input.Mastodon"] = "https://fosstodon.org/@grace",
        ["Input.Other"] = "https://pyvideo.org/speaker/grace.html",
        ["Input.Statement"] = Statement,
        ["Input.NominatorName"] = "Nora Nominator",
        ["Input.NominatorEmail"] = "nora@example.net",
    };

    public static Dictionary<string, string> With(this Dictionary<string, string> form, string field, string value)
    {
        var copy = new Dictionary<string, string>(form) { [field] = value };
        return copy;
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, Dictionary<string, string> form) =>
        client.SubmitAsync("/Nominate", form);

    public static Task<HttpResponseMessage> PreviewAsync(this HttpClient client, Dictionary<string, string> form) =>
        client.SubmitAsync("/Nominate", form, action: "/Nominate?handler=Preview");

    /// <summary>Sends the form and follows the redirect to the page that says which round it joined.</summary>
    public static async Task<IHtmlDocument> SendAndReadReceiptAsync(this HttpClient client, Dictionary<string, string> form)
    {
        var response = await client.SendAsync(form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}:\n{await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Nominate/Received?key=", location);
        return await client.GetPageAsync(location);
    }
}
