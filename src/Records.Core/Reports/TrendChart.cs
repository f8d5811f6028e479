using Records.Core.Amounts;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Records.Core.Pdf;

namespace Records.Core.Reports;

/// <summary>
/// The monthly trend of one currency, drawn by ScottPlot the same way for the PDF (vectors on the page) and the web page (SVG).
/// Currencies are never added together, so each gets its own chart; months after today are left out, not drawn as zero.
/// </summary>
public static class TrendChart
{
    public const int Width = 700;
    public const int Height = 260;
    private const int MostLabels = 12;

    public static IReadOnlyList<string> Currencies(FinancialReport report) =>
        report.Trend.Select(m => m.Currency).Distinct().Order(StringComparer.Ordinal).ToList();

    public static string Heading(string currency) => $"Monthly trend in {currency}";

    public static string Label(FinancialReport.Month m) => new DateTime(m.Year, m.MonthNumber, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture);

    public static ScottPlot.Plot Plot(FinancialReport report, string currency, FontSet? fonts = null)
    {
        (fonts ?? FontSet.Default).UseForCharts();
        var months = report.Trend.Where(m => m.Currency == currency).ToList();
        double factor = Money.MinorPerMajor(currency);
        var plot = new ScottPlot.Plot();
        var positions = Enumerable.Range(0, months.Count).Select(i => (double)i).ToArray();
        var donations = plot.Add.Scatter(positions, months.Select(m => m.DonationsMinor / factor).ToArray());
        donations.LegendText = "Donations";
        var sponsorships = plot.Add.Scatter(positions, months.Select(m => m.SponsorshipsMinor / factor).ToArray());
        sponsorships.LegendText = "Sponsorship payments";

        // At most a dozen labels, turned so that "Sep 2026" never runs into "Oct 2026".
        var step = (months.Count + MostLabels - 1) / MostLabels;
        var ticks = positions.Where((_, i) => i % Math.Max(step, 1) == 0).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, ticks.Select(p => Label(months[(int)p])).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -40;
        plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleRight;
        plot.Axes.Left.Label.Text = currency;
        if (months.Count == 1) plot.Axes.SetLimitsX(-1, 1);
        // Below the plot, so the legend never covers a line.
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        return plot;
    }

    // Drawing a chart costs more than the rest of the page; a report from FinancialReportCache is shown to many
    // requests, so each of its charts is drawn once and goes when the report does.
    private static readonly ConditionalWeakTable<FinancialReport, ConcurrentDictionary<string, string>> Drawn = new();

    /// <summary>The chart as an SVG element that scales to its box, for the page.</summary>
    public static string Svg(FinancialReport report, string currency) =>
        Drawn.GetOrCreateValue(report).GetOrAdd(currency, c => Draw(report, c));

    private static string Draw(FinancialReport report, string currency)
    {
        var xml = Plot(report, currency).GetSvgXml(Width, Height);
        var start = xml.IndexOf("<svg", StringComparison.Ordinal);
        var svg = start < 0 ? xml : xml[start..];
        return svg.Replace("<svg ", $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Heading(currency)}\" ", StringComparison.Ordinal);
    }
}
