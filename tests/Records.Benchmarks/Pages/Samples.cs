using Records.Benchmarks.Summary;

namespace Records.Benchmarks.Pages;

/// <summary>Several measured windows of one address, taken in turn with its baseline's: the median and the spread.</summary>
public sealed record Samples(IReadOnlyList<LoadResult> Runs)
{
    public double RequestsPerSecond => Median(r => r.RequestsPerSecond);
    public double P50Ms => Median(r => r.P50Ms);
    public double P95Ms => Median(r => r.P95Ms);
    public double P99Ms => Median(r => r.P99Ms);
    public double Bytes => Median(r => r.Bytes);
    public long Errors => Runs.Sum(r => r.Errors);
    public long Requests => Runs.Sum(r => r.Requests);
    public string? FirstError => Runs.Select(r => r.FirstError).FirstOrDefault(e => e is not null);
    public string Path => Runs[0].Path;

    /// <summary>The lowest and highest of the samples, as "low–high", or the one value when there is one sample.</summary>
    public string Spread(Func<LoadResult, double> figure, Func<double, string> format)
    {
        var values = Runs.Select(figure).Where(v => !double.IsNaN(v)).Order().ToArray();
        return values.Length switch
        {
            0 => "n/a",
            1 => format(values[0]),
            _ => $"{format(values[0])}–{format(values[^1])}",
        };
    }

    public static string SpreadOf(Samples app, Samples baseline, Func<LoadResult, double> figure, Func<double, string> format) =>
        $"{app.Spread(figure, format)}; {baseline.Spread(figure, format)}";

    public static string Sizes(Samples app, Samples baseline) => $"{Format.Bytes(app.Bytes)}; {Format.Bytes(baseline.Bytes)}";

    private double Median(Func<LoadResult, double> figure)
    {
        var values = Runs.Select(figure).Where(v => !double.IsNaN(v)).Order().ToArray();
        if (values.Length == 0) return double.NaN;
        return values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
    }
}
