using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Records.Benchmarks.Summary;

namespace Records.Benchmarks.Startup;

public sealed record StartupResult(IReadOnlyList<double> VolumeMs, IReadOnlyList<double> SmallMs)
{
    public double VolumeMedianMs => Median(VolumeMs);
    public double SmallMedianMs => Median(SmallMs);

    public SummaryRow Row() => new($"Start-up to first 200 of `GET /` (median of {VolumeMs.Count})",
        $"{Format.Ms(VolumeMedianMs)} (measured db)", $"{Format.Ms(SmallMedianMs)} (small seeded db)", Format.Ratio(VolumeMedianMs, SmallMedianMs));

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>
/// The Release build of the app as its own process, from start to the first 200 of <c>GET /</c>: on the measured
/// database, and on a small database the app migrates and seeds itself, runs alternating so both see the same machine.
/// </summary>
public static class StartupBenchmark
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public static async Task<StartupResult> RunAsync(BenchOptions options, CancellationToken ct)
    {
        if (!File.Exists(Repository.ReleaseWebDll))
        {
            throw new FileNotFoundException($"No Release build of the app at {Repository.ReleaseWebDll}: run dotnet build -c Release first.");
        }
        var folder = Path.Combine(Path.GetTempPath(), "records-benchmarks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var small = Path.Combine(folder, "small.db");
            var created = await TimeStartAsync(small, folder, ct);
            Console.WriteLine($"Start-up: created the small database in {Format.Ms(created)}");
            var volume = new List<double>();
            var seeded = new List<double>();
            for (var run = 1; run <= options.StartupRuns; run++)
            {
                volume.Add(await TimeStartAsync(options.DatabasePath, folder, ct));
                seeded.Add(await TimeStartAsync(small, folder, ct));
                Console.WriteLine($"  run {run}: measured db {Format.Ms(volume[^1])}, small db {Format.Ms(seeded[^1])}");
            }
            return new StartupResult(volume, seeded);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<double> TimeStartAsync(string database, string folder, CancellationToken ct)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var info = new ProcessStartInfo(ChildProcess.DotnetHost) { WorkingDirectory = Path.GetDirectoryName(Repository.ReleaseWebDll)! };
        info.ArgumentList.Add(Repository.ReleaseWebDll);
        info.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The web project's folder, so static files and the seed resolve as they do for a person running the app.
        info.Environment["ASPNETCORE_CONTENTROOT"] = Repository.WebProject;
        info.Environment["Records__DatabasePath"] = database;
        info.Environment["Records__Mail__PickupFolder"] = Path.Combine(folder, "mail-pickup");

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        await using var app = ChildProcess.Start(info);
        var last = "no answer";
        while (clock.Elapsed < StartTimeout)
        {
            if (app.HasExited) throw new InvalidOperationException($"The app exited during start-up. Its output:{Environment.NewLine}{app.Output()}");
            try
            {
                using var response = await http.GetAsync("/", ct);
                if (response.StatusCode == HttpStatusCode.OK) return clock.Elapsed.TotalMilliseconds;
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
