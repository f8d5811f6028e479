using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Records.Benchmarks.Summary;

namespace Records.Benchmarks.Pages;

/// <summary>One page against its baseline under the same load, each sampled several times in turn.</summary>
public sealed record PageResult(PageCase Page, string Email, string Queries, Samples App, Samples Baseline)
{
    public IEnumerable<SummaryRow> Rows(int workers)
    {
        var name = $"{Page.Name} `{Page.Path}`";
        var size = Samples.Sizes(App, Baseline);
        yield return new($"{name}: requests/s ({workers} workers)", Format.Number(App.RequestsPerSecond), Format.Number(Baseline.RequestsPerSecond),
            Format.Ratio(App.RequestsPerSecond, Baseline.RequestsPerSecond), Samples.SpreadOf(App, Baseline, r => r.RequestsPerSecond, Format.Number), size);
        yield return new($"{name}: p50 latency", Format.Ms(App.P50Ms), Format.Ms(Baseline.P50Ms), Format.Ratio(App.P50Ms, Baseline.P50Ms),
            Samples.SpreadOf(App, Baseline, r => r.P50Ms, Format.Ms), size);
        yield return new($"{name}: p95 latency", Format.Ms(App.P95Ms), Format.Ms(Baseline.P95Ms), Format.Ratio(App.P95Ms, Baseline.P95Ms),
            Samples.SpreadOf(App, Baseline, r => r.P95Ms, Format.Ms), size);
        yield return new($"{name}: p99 latency", Format.Ms(App.P99Ms), Format.Ms(Baseline.P99Ms), Format.Ratio(App.P99Ms, Baseline.P99Ms),
            Samples.SpreadOf(App, Baseline, r => r.P99Ms, Format.Ms), size);
    }

    public IEnumerable<string> Problems() =>
        new[] { App, Baseline }.Where(r => r.Errors > 0 || r.Runs.Any(s => s.Requests == 0))
            .Select(r => $"{Page.Name}: {r.Errors:#,0} failed requests to {r.Path} ({r.Requests:#,0} succeeded in the measured windows); first: {r.FirstError ?? "none"}");
}

/// <summary>
/// A real page (EF Core and Razor, signed in through the login form) against <see cref="BaselineEndpoints.PagePath"/>,
/// which runs the same page's SQL with plain Microsoft.Data.Sqlite. The server is this program's serve mode in a child
/// process. Both sides are warmed, then sampled in turn (app first on odd samples, baseline first on even ones).
/// </summary>
public static partial class PageThroughput
{
    /// <summary>Every page of <paramref name="pages"/> that could be measured; a page that fails is a problem, and the others still run.</summary>
    public static async Task<(IReadOnlyList<PageResult> Results, IReadOnlyList<string> Problems)> RunAsync(BenchOptions options, string database,
        IReadOnlyList<PageCase> pages, Accounts accounts, bool baseline, CancellationToken ct)
    {
        await using var server = await StartServerAsync(database, ct);
        var address = new Uri((await server.Announced).Groups[1].Value);
        var results = new List<PageResult>();
        var problems = new List<string>();
        foreach (var page in pages)
        {
            try
            {
                results.Add(await MeasureAsync(address, page, accounts, options, baseline, ct));
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                Console.Error.WriteLine($"{page.Name} {page.Path} failed: {e.Message}");
                problems.Add($"{page.Name} `{page.Path}` failed: {e.Message}");
                if (server.HasExited) throw new InvalidOperationException($"The server exited. Its output:{Environment.NewLine}{server.Output()}", e);
            }
        }
        return (results, problems);
    }

    private static async Task<PageResult> MeasureAsync(Uri address, PageCase page, Accounts accounts, BenchOptions options, bool withBaseline, CancellationToken ct)
    {
        // One handler for all workers, as a browser fleet behind one proxy would share connections; cookies follow re-issues.
        using var handler = new LoopbackCookies(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var email = page.Role is { } role ? accounts.EmailFor(role) : "the public";
        if (page.Role is not null) await SignIn.AsAsync(client, email, accounts.Password, ct);

        // The first request compiles queries and views; record the SQL of a later, ordinary one.
        await ProbeAsync(client, page, ct);
        var queries = "baseline not measured";
        if (withBaseline)
        {
            await PostAsync(client, $"/__baseline/arm?path={Uri.EscapeDataString(page.Path.Split('?')[0])}", ct);
            await ProbeAsync(client, page, ct);
            queries = await PostAsync(client, "/__baseline/freeze", ct);
        }
        Console.WriteLine($"{page.Name} {page.Path} as {email}: {queries}");

        var warm = new LoadSettings(options.Workers, TimeSpan.Zero, options.Warmup);
        var sample = new LoadSettings(options.Workers, TimeSpan.Zero, options.Duration);
        if (options.Warmup > TimeSpan.Zero)
        {
            await LoadRunner.RunAsync(client, page.Path, warm, ct);
            if (withBaseline) await LoadRunner.RunAsync(client, BaselineEndpoints.PagePath, warm, ct);
        }
        if (withBaseline) Console.WriteLine($"  split of one request at a time: {await ProfileAsync(client, page, options, ct)}");
        var app = new List<LoadResult>();
        var baseline = new List<LoadResult>();
        for (var s = 1; s <= options.Samples; s++)
        {
            var appFirst = s % 2 == 1 || !withBaseline;
            if (appFirst) app.Add(Report(await LoadRunner.RunAsync(client, page.Path, sample, ct)));
            if (withBaseline) baseline.Add(Report(await LoadRunner.RunAsync(client, BaselineEndpoints.PagePath, sample, ct)));
            if (!appFirst) app.Add(Report(await LoadRunner.RunAsync(client, page.Path, sample, ct)));
        }
        return new PageResult(page, email, queries, new Samples(app), new Samples(withBaseline ? baseline : app));
    }

    private static async Task<ChildProcess> StartServerAsync(string database, CancellationToken ct)
    {
        var info = new ProcessStartInfo(ChildProcess.DotnetHost) { RedirectStandardInput = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(typeof(PageThroughput).Assembly.Location);
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add("--database");
        info.ArgumentList.Add(database);
        // The app's own build runs with server GC; this harness's build would otherwise host it with workstation GC.
        info.Environment["DOTNET_gcServer"] = "1";
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
            throw new InvalidOperationException($"GET {page.Path} answered {(int)response.StatusCode} without '{page.Expect}': not the {page.Role ?? "public"} page, or an empty one.");
        }
    }

    /// <summary>One worker, so the parts of a request are not stretched by the others waiting for the cores.</summary>
    private static async Task<string> ProfileAsync(HttpClient client, PageCase page, BenchOptions options, CancellationToken ct)
    {
        await PostAsync(client, $"/__baseline/profile?path={Uri.EscapeDataString(page.Path.Split('?')[0])}", ct);
        await LoadRunner.RunAsync(client, page.Path, new LoadSettings(1, TimeSpan.Zero, options.Warmup), ct);
        return await client.GetStringAsync("/__baseline/profile", ct);
    }

    private static async Task<string> PostAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.PostAsync(path, null, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
    }

    private static LoadResult Report(LoadResult r)
    {
        Console.WriteLine($"  {r.Path}: {Format.Number(r.RequestsPerSecond)} req/s, p50 {Format.Ms(r.P50Ms)}, p95 {Format.Ms(r.P95Ms)}, p99 {Format.Ms(r.P99Ms)}, {Format.Bytes(r.Bytes)}, {r.Errors} errors");
        return r;
    }

    [GeneratedRegex("^" + BaselineServer.ListeningPrefix + @"(\S+)$")]
    private static partial Regex Listening();
}
