using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Records.Tests.Infrastructure;
using Records.Web.Infrastructure;

namespace Records.Tests.Donations.Import;

/// <summary>Drives /Donations/Import as a browser does: upload, wait for the background job, commit.</summary>
public static class ImportPages
{
    public const string Url = "/Donations/Import";

    public static async Task<HttpClient> StaffAsync(this RecordsApp app)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        return client;
    }

    public static UploadFile File(string name, string? uploadedAs = null) => new("Input.File", uploadedAs ?? name, ImportFiles.Bytes(name));

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, UploadFile file, string layout) =>
        client.SubmitFileAsync(Url, file, new Dictionary<string, string> { ["Input.Layout"] = layout }, "form[data-form=upload]");

    /// <summary>Uploads a file and returns the page once its dry run (or, for a generic file, its mapping step) is ready.</summary>
    public static async Task<IHtmlDocument> CheckAsync(RecordsApp app, HttpClient client, string name, string layout)
    {
        var response = await UploadAsync(client, File(name), layout);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Upload of {name}: {(int)response.StatusCode} {TextOf(await response.ReadPageAsync())}");
        return await WaitAsync(app, client, response.Headers.Location!.OriginalString);
    }

    /// <summary>
    /// Waits for the background job to end (its Done task, never a clock), then checks that the page's poll now says it
    /// is not running, as the page's script would see, and reads the page.
    /// </summary>
    public static async Task<IHtmlDocument> WaitAsync(RecordsApp app, HttpClient client, string location, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var token = Token(location);
        var job = app.Services.GetRequiredService<ImportJobs>().Find(token) ?? throw new InvalidOperationException($"No import job {token}.");
        await job.Done.WaitAsync(TestContext.Current.CancellationToken);
        var progress = await client.GetAsync($"{Url}?handler=Progress&token={token}");
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        using var json = JsonDocument.Parse(await progress.Content.ReadAsStringAsync());
        Assert.False(json.RootElement.GetProperty("running").GetBoolean(), $"The job {token} has ended but its progress says it is still running.");
        return await client.GetPageAsync(location, expected);
    }

    public static async Task<HttpResponseMessage> CommitAsync(HttpClient client, IHtmlDocument report) =>
        await client.SubmitFormAsync(report, Url, new Dictionary<string, string>(), "form[data-form=commit]");

    /// <summary>Checks a file, commits it and returns the page once the commit is done.</summary>
    public static async Task<IHtmlDocument> ImportAsync(RecordsApp app, HttpClient client, string name, string layout)
    {
        var commit = await CommitAsync(client, await CheckAsync(app, client, name, layout));
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        return await WaitAsync(app, client, commit.Headers.Location!.OriginalString);
    }

    public static string Token(string location) => Regex.Match(location, "token=([0-9a-f]{32})").Groups[1].Value;

    public static string TextOf(AngleSharp.Dom.IElement? element) => element is null ? "" : Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    public static string TextOf(IHtmlDocument page, string selector = "main") => TextOf(page.QuerySelector(selector));

    public static IEnumerable<string> Rows(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr").Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => TextOf(td))));
}
