using System.Diagnostics;
using System.Net;

namespace Records.Benchmarks.Pages;

public sealed record LoadSettings(int Workers, TimeSpan Warmup, TimeSpan Duration);

/// <summary>What one address did under load. Errors count every non-200 or failed request, warm-up included.</summary>
public sealed record LoadResult(string Path, long Requests, long Errors, double RequestsPerSecond, double P50Ms, double P95Ms, string? FirstError);

/// <summary>
/// A closed-loop load: each worker sends the next GET as soon as its last one is read to the end. Requests that
/// finish inside the measured window count towards throughput and latency; the warm-up before it does not.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(HttpClient client, string path, LoadSettings settings, CancellationToken ct)
    {
        var measureFrom = Stopwatch.GetTimestamp() + Ticks(settings.Warmup);
        var measureTo = measureFrom + Ticks(settings.Duration);
        long errors = 0;
        string? firstError = null;

        async Task<List<long>> Worker()
        {
            var latencies = new List<long>();
            while (Stopwatch.GetTimestamp() < measureTo)
            {
                var begun = Stopwatch.GetTimestamp();
                var error = await GetAsync(client, path, ct);
                var ended = Stopwatch.GetTimestamp();
                if (error is not null)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
                else if (ended >= measureFrom && ended < measureTo)
                {
                    latencies.Add(ended - begun);
                }
            }
            return latencies;
        }

        var perWorker = await Task.WhenAll(Enumerable.Range(0, settings.Workers).Select(_ => Task.Run(Worker, ct)));
        var sorted = perWorker.SelectMany(l => l).Order().ToArray();
        return new LoadResult(path, sorted.Length, errors, sorted.Length / settings.Duration.TotalSeconds,
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), firstError);
    }

    private static async Task<string?> GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
            await response.Content.CopyToAsync(Stream.Null, ct);
            return response.StatusCode == HttpStatusCode.OK ? null : $"GET {path} answered {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return $"GET {path} failed: {e.Message}";
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
}
