using System.Buffers;
using System.Diagnostics;
using System.Net;

namespace Records.Benchmarks.Pages;

public sealed record LoadSettings(int Workers, TimeSpan Warmup, TimeSpan Duration);

/// <summary>
/// What one address did under load. Errors count every non-200 or failed request, warm-up included; Bytes is the mean
/// body length of the measured responses.
/// </summary>
public sealed record LoadResult(string Path, long Requests, long Errors, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, double Bytes, string? FirstError);

/// <summary>
/// A closed-loop load: each worker sends the next GET as soon as its last one is read to the end. Requests begun
/// inside the measured window count towards latency, even those that end after it (so a page slower than the window
/// still gets a figure); throughput is those requests over the time from the window's start to the last one's end.
/// The warm-up before the window does not count.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(HttpClient client, string path, LoadSettings settings, CancellationToken ct)
    {
        var measureFrom = Stopwatch.GetTimestamp() + Ticks(settings.Warmup);
        var measureTo = measureFrom + Ticks(settings.Duration);
        long errors = 0;
        long bytes = 0;
        string? firstError = null;

        async Task<(List<long> Latencies, long LastEnd)> Worker()
        {
            var latencies = new List<long>();
            var lastEnd = measureFrom;
            while (Stopwatch.GetTimestamp() < measureTo)
            {
                var begun = Stopwatch.GetTimestamp();
                var (error, length) = await GetAsync(client, path, ct);
                var ended = Stopwatch.GetTimestamp();
                if (error is not null)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
                else if (begun >= measureFrom)
                {
                    latencies.Add(ended - begun);
                    lastEnd = Math.Max(lastEnd, ended);
                    Interlocked.Add(ref bytes, length);
                }
            }
            return (latencies, lastEnd);
        }

        var perWorker = await Task.WhenAll(Enumerable.Range(0, settings.Workers).Select(_ => Task.Run(Worker, ct)));
        var sorted = perWorker.SelectMany(w => w.Latencies).Order().ToArray();
        var seconds = Math.Max(perWorker.Max(w => w.LastEnd), measureTo) - measureFrom;
        return new LoadResult(path, sorted.Length, errors, sorted.Length / ((double)seconds / Stopwatch.Frequency),
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.Length == 0 ? double.NaN : (double)bytes / sorted.Length, firstError);
    }

    private static async Task<(string? Error, long Bytes)> GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
            long length = 0;
            try
            {
                int read;
                while ((read = await body.ReadAsync(buffer, ct)) > 0) length += read;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return (response.StatusCode == HttpStatusCode.OK ? null : $"GET {path} answered {(int)response.StatusCode}", length);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return ($"GET {path} failed: {e.Message}", 0);
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    public static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
}
