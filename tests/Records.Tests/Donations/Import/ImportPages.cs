using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Records.Tests.Infrastructure;

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
    public static async Task<IHtmlDocument> CheckAsync(HttpClient client, string name, string layout)
    {
        var response = await UploadAsync(client, File(name), layout);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Upload of {name}: {(int)response.StatusCode} {TextOf(await response.ReadPageAsync())}");
        return await WaitAsync(client, response.Headers.Location!.OriginalString);
    }

    /// <summary>Polls the job's progress as the page's script does, then reads the page.</summary>
    public static async Task<IHtmlDocument> WaitAsync(HttpClient client, string location, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var token = Token(location);
        for (var i = 0; i < 600; i++)
        {
            var progress = await client.GetAsync($"{Url}?handler=Progress&token={token}");
            Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
            using var json = JsonDocument.Parse(await progress.Content.ReadAsStringAsync());
            if (!json.RootElement.GetProperty("running").GetBoolean()) return await client.GetPageAsync(location, expected);
            await Task.Delay(50);
        }
        throw new TimeoutException($"The import job {token} did not finish.");
    }

    public static async Task<HttpResponseMessage> CommitAsync(HttpClient client, IHtmlDocument report) =>
        await client.SubmitFormAsync(report, Url, new Dictionary<string, string>(), "form[data-form=commit]");

    /// <summary>Checks a file, commits it and returns the page once the commit is done.</summary>
    public static async Task<IHtmlDocument> ImportAsync(HttpClient client, string name, string layout)
    {
        var commit = await CommitAsync(client, await CheckAsync(client, name, layout));
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        return await WaitAsync(client, commit.Headers.Location!.OriginalString);
    }

    public static string Token(string location) => Regex.Match(location, "token=([0-9a-f]{32})").Groups[1].Value;

    public static string TextOf(AngleSharp.Dom.IElement? element) => element is null ? "" : Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    public static string TextOf(IHtmlDocument page, string selector = "main") => TextOf(page.QuerySelector(selector));

    public static IEnumerable<string> Rows(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr").Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => TextOf(td))));
}
