using System.Globalization;

namespace Records.Benchmarks.Summary;

/// <summary>Figures as the summary shows them: invariant culture, units spelled out.</summary>
public static class Format
{
    public static string Number(double value) => double.IsNaN(value) ? "n/a" : value.ToString(value >= 100 ? "#,0" : "#,0.0", CultureInfo.InvariantCulture);

    public static string Ms(double milliseconds) => double.IsNaN(milliseconds) ? "n/a" : milliseconds.ToString("#,0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Bytes(double bytes) => double.IsNaN(bytes) ? "n/a" : bytes switch
    {
        >= 1024 * 1024 => (bytes / 1024 / 1024).ToString("#,0.0", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024).ToString("#,0.0", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString("#,0", CultureInfo.InvariantCulture) + " B",
    };

    public static string Duration(double nanoseconds) => nanoseconds switch
    {
        >= 1_000_000 => (nanoseconds / 1_000_000).ToString("#,0.00", CultureInfo.InvariantCulture) + " ms",
        >= 1_000 => (nanoseconds / 1_000).ToString("#,0.0", CultureInfo.InvariantCulture) + " µs",
        _ => nanoseconds.ToString("#,0", CultureInfo.InvariantCulture) + " ns",
    };

    public static string Ratio(double figure, double baseline) =>
        double.IsNaN(figure) || double.IsNaN(baseline) || baseline == 0 ? "n/a" : (figure / baseline).ToString("0.00", CultureInfo.InvariantCulture);
}
