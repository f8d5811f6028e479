using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Records.Benchmarks.Pages;
using Records.Core.Accounts;
using Records.Volume;
using Records.Web.Infrastructure;
using Records.Benchmarks.Summary;

namespace Records.Benchmarks.Startup;

public sealed record StartupResult(IReadOnlyList<StartupRun> Volume, IReadOnlyList<StartupRun> Small, IReadOnlyList<double> Template)
{
    public IEnumerable<SummaryRow> Rows()
    {
        yield return Row($"Start-up to first 200 of anonymous `GET /` (median of {Volume.Count})", r => r.AnonymousMs);
        yield return Row($"Start-up to first 200 of the Staff home `GET /` (same start: after the anonymous home and a sign-in; median of {Volume.Count})", r => r.StaffMs);
        if (Template.Count > 0)
        {
            var (app, template) = (Median(Volume.Select(r => r.AnonymousMs)), Median(Template));
            yield return new($"Start-up to first 200 of anonymous `GET /` against the empty Razor Pages template (`dotnet new webapp`, same publish; median of {Template.Count})",
                Format.Ms(app), $"{Format.Ms(template)} (template)", Format.Ratio(app, template), $"template {Spread(Template)}");
        }
    }

    private SummaryRow Row(string name, Func<StartupRun, double> figure)
    {
        var (volume, small) = (Median(Volume.Select(figure)), Median(Small.Select(figure)));
        return new(name, $"{Format.Ms(volume)} (measured db)", $"{Format.Ms(small)} (scale {StartupBenchmark.SmallScale} db)", Format.Ratio(volume, small),
            $"{Spread(Volume.Select(figure))}; {Spread(Small.Select(figure))}");
    }

    private static string Spread(IEnumerable<double> values) => $"{Format.Ms(values.Min())}–{Format.Ms(values.Max())}";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>One start of the app: until the anonymous home answered 200, and until the Staff home did after a sign-in.</summary>
public sealed record StartupRun(double AnonymousMs, double StaffMs);

/// <summary>
/// The app as published for deployment (Release, ReadyToRun for linux-x64) as its own process (server GC, as built; the Benchmark environment, Production in all
/// but its clock, which starts at the data's last day): from start to the first 200 of <c>GET /</c>, then on to the
/// Staff home, signed in through the login form. On the measured database, and on a small generated one with the same
/// accounts and last day, runs alternating so both see the same machine.
/// </summary>
public static class StartupBenchmark
{
    public const double SmallScale = 0.01;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public static async Task<StartupResult> RunAsync(BenchOptions options, CancellationToken ct)
    {
        if (!File.Exists(Repository.PublishedWebDll))
        {
            throw new FileNotFoundException($"No published app at {Repository.PublishedWebDll}: run.sh startup publishes it (dotnet publish src/Records.Web -c Release -r linux-x64 --self-contained false -o artifacts/publish/web).");
        }
        var folder = Path.Combine(Path.GetTempPath(), "records-benchmarks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var small = Path.Combine(folder, "small.db");
            var made = Stopwatch.StartNew();
            await VolumeGenerator.GenerateAsync(new VolumeOptions(small, SmallScale), TextWriter.Null, ct);
            SqliteConnection.ClearAllPools();
            Console.WriteLine($"Start-up: generated the scale {SmallScale} database in {Format.Ms(made.Elapsed.TotalMilliseconds)}");
            var accounts = Accounts.Resolve(options);
            var staff = accounts.EmailFor(Roles.Staff);
            // One uncounted start of each, so neither side pays for a cold disk cache the other does not.
            await TimeStartAsync(options.DatabasePath, folder, staff, accounts.Password, ct);
            await TimeStartAsync(small, folder, staff, accounts.Password, ct);
            var withTemplate = File.Exists(Repository.PublishedTemplateDll);
            if (withTemplate) await TimeTemplateAsync(ct);
            else Console.WriteLine($"Start-up: no template at {Repository.PublishedTemplateDll} (run.sh startup makes it); the template row is left out.");
            var volume = new List<StartupRun>();
            var seeded = new List<StartupRun>();
            var template = new List<double>();
            for (var run = 1; run <= options.StartupRuns; run++)
            {
                if (run % 2 == 0) seeded.Add(await TimeStartAsync(small, folder, staff, accounts.Password, ct));
                if (withTemplate) template.Add(await TimeTemplateAsync(ct));
                volume.Add(await TimeStartAsync(options.DatabasePath, folder, staff, accounts.Password, ct));
                if (run % 2 == 1) seeded.Add(await TimeStartAsync(small, folder, staff, accounts.Password, ct));
                Console.WriteLine($"  run {run}: measured db {Format.Ms(volume[^1].AnonymousMs)} / staff {Format.Ms(volume[^1].StaffMs)}, small db {Format.Ms(seeded[^1].AnonymousMs)} / staff {Format.Ms(seeded[^1].StaffMs)}" +
                    (withTemplate ? $", template {Format.Ms(template[^1])}" : ""));
            }
            return new StartupResult(volume, seeded, template);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<StartupRun> TimeStartAsync(string database, string folder, string staff, string password, CancellationToken ct)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var info = new ProcessStartInfo(ChildProcess.DotnetHost) { WorkingDirectory = Path.GetDirectoryName(Repository.PublishedWebDll)! };
        info.ArgumentList.Add(Repository.PublishedWebDll);
        info.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = BenchmarkClock.Environment;
        info.Environment["Records__BenchmarkClockStartsAt"] = BenchDatabase.ClockSetting(database);
        // The web project's folder, so static files and the seed resolve as they do for a person running the app.
        info.Environment["ASPNETCORE_CONTENTROOT"] = Repository.WebProject;
        info.Environment["Records__DatabasePath"] = database;
        info.Environment["Records__Mail__PickupFolder"] = Path.Combine(folder, "mail-pickup");

        using var handler = new LoopbackCookies(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        await using var app = ChildProcess.Start(info);
        var last = "no answer";
        while (clock.Elapsed < StartTimeout)
        {
            if (app.HasExited) throw new InvalidOperationException($"The app exited during start-up. Its output:{Environment.NewLine}{app.Output()}");
            try
            {
                using var response = await http.GetAsync("/", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var anonymous = clock.Elapsed.TotalMilliseconds;
                    await SignIn.AsAsync(http, staff, password, ct);
                    using var home = await http.GetAsync("/", ct);
                    var html = await home.Content.ReadAsStringAsync(ct);
                    if (home.StatusCode != HttpStatusCode.OK || !html.Contains("data-panel=\"staff\"", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"The Staff home answered {(int)home.StatusCode} without the staff panel.");
                    }
                    return new StartupRun(anonymous, clock.Elapsed.TotalMilliseconds);
                }
                last = $"{(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            await Task.Delay(5, ct);
        }
        throw new TimeoutException($"The app gave no 200 for GET / within {StartTimeout.TotalSeconds:0} s (last: {last}). Its output:{Environment.NewLine}{app.Output()}");
    }

    /// <summary>The empty template from its own start to its first 200 of <c>GET /</c>, in the same environment.</summary>
    private static async Task<double> TimeTemplateAsync(CancellationToken ct)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var info = new ProcessStartInfo(ChildProcess.DotnetHost) { WorkingDirectory = Path.GetDirectoryName(Repository.PublishedTemplateDll)! };
        info.ArgumentList.Add(Repository.PublishedTemplateDll);
        info.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        await using var app = ChildProcess.Start(info);
        while (clock.Elapsed < StartTimeout)
        {
            if (app.HasExited) throw new InvalidOperationException($"The template exited during start-up. Its output:{Environment.NewLine}{app.Output()}");
            try
            {
                using var response = await http.GetAsync("/", ct);
                if (response.StatusCode == HttpStatusCode.OK) return clock.Elapsed.TotalMilliseconds;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(5, ct);
        }
        throw new TimeoutException($"The template gave no 200 for GET / within {StartTimeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{app.Output()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
