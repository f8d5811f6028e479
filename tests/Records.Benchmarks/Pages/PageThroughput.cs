using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Records.Benchmarks.Summary;

namespace Records.Benchmarks.Pages;

/// <summary>One page against its baseline under the same load.</summary>
public sealed record PageResult(PageCase Page, string Email, string Queries, LoadResult App, LoadResult Baseline)
{
    public IEnumerable<SummaryRow> Rows(int workers)
    {
        var name = $"{Page.Name} `{Page.Path}`";
        yield return new($"{name}: requests/s ({workers} workers)", Format.Number(App.RequestsPerSecond), Format.Number(Baseline.RequestsPerSecond),
            Format.Ratio(App.RequestsPerSecond, Baseline.RequestsPerSecond));
        yield return new($"{name}: p50 latency", Format.Ms(App.P50Ms), Format.Ms(Baseline.P50Ms), Format.Ratio(App.P50Ms, Baseline.P50Ms));
        yield return new($"{name}: p95 latency", Format.Ms(App.P95Ms), Format.Ms(Baseline.P95Ms), Format.Ratio(App.P95Ms, Baseline.P95Ms));
    }

    public IEnumerable<string> Problems() =>
        new[] { App, Baseline }.Where(r => r.Errors > 0 || r.Requests == 0)
            .Select(r => $"{Page.Name}: {r.Errors:#,0} failed requests to {r.Path} ({r.Requests:#,0} succeeded in the measured window); first: {r.FirstError ?? "none"}");
}

/// <summary>
/// A real page (EF Core and Razor, signed in through the login form) against <see cref="BaselineEndpoints.PagePath"/>,
/// which runs the same page's SQL with plain Microsoft.Data.Sqlite. The server is this program's serve mode in a child process.
/// </summary>
public static partial class PageThroughput
{
    public static async Task<IReadOnlyList<PageResult>> RunAsync(BenchOptions options, Accounts accounts, CancellationToken ct)
    {
        await using var server = await StartServerAsync(options.DatabasePath, ct);
        var address = new Uri((await server.Announced).Groups[1].Value);
        var settings = new LoadSettings(options.Workers, options.Warmup, options.Duration);
        var results = new List<PageResult>();
        foreach (var page in options.Pages())
        {
            results.Add(await MeasureAsync(address, page, accounts, settings, ct));
        }
        return results;
    }

    private static async Task<PageResult> MeasureAsync(Uri address, PageCase page, Accounts accounts, LoadSettings settings, CancellationToken ct)
    {
        // One handler for all workers, as a browser fleet behind one proxy would share connections; cookies follow re-issues.
        using var handler = new LoopbackCookies(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var email = page.Role is { } role ? accounts.EmailFor(role) : "the public";
        if (page.Role is not null) await SignIn.AsAsync(client, email, accounts.Password, ct);

        // The first request compiles queries and views; record the SQL of a later, ordinary one.
        await ProbeAsync(client, page, ct);
        await PostAsync(client, $"/__baseline/arm?path={Uri.EscapeDataString(page.Path.Split('?')[0])}", ct);
        await ProbeAsync(client, page, ct);
        var queries = await PostAsync(client, "/__baseline/freeze", ct);
        Console.WriteLine($"{page.Name} {page.Path} as {email}: {queries}");

        var app = await LoadRunner.RunAsync(client, page.Path, settings, ct);
        Report(app);
        var baseline = await LoadRunner.RunAsync(client, BaselineEndpoints.PagePath, settings, ct);
        Report(baseline);
        return new PageResult(page, email, queries, app, baseline);
    }

    private static async Task<ChildProcess> StartServerAsync(string database, CancellationToken ct)
    {
        var info = new ProcessStartInfo(ChildProcess.DotnetHost) { RedirectStandardInput = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(typeof(PageThroughput).Assembly.Location);
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add("--database");
        info.ArgumentList.Add(database);
        var server = ChildProcess.Start(info, Listening());
        try
        {
            await server.Announced.WaitAsync(TimeSpan.FromMinutes(2), ct);
            return server;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            var output = server.Output();
            await server.DisposeAsync();
            throw new InvalidOperationException($"The baseline server did not start ({e.Message}). Its output:{Environment.NewLine}{output}", e);
        }
    }

    private static async Task ProbeAsync(HttpClient client, PageCase page, CancellationToken ct)
    {
        using var response = await client.GetAsync(page.Path, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains(page.Expect, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GET {page.Path} answered {(int)response.StatusCode} without '{page.Expect}': not the {page.Role ?? "public"} page.");
        }
    }

    private static async Task<string> PostAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.PostAsync(path, null, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
    }

    private static void Report(LoadResult r) =>
        Console.WriteLine($"  {r.Path}: {Format.Number(r.RequestsPerSecond)} req/s, p50 {Format.Ms(r.P50Ms)}, p95 {Format.Ms(r.P95Ms)}, {r.Errors} errors");

    [GeneratedRegex("^" + BaselineServer.ListeningPrefix + @"(\S+)$")]
    private static partial Regex Listening();
}
