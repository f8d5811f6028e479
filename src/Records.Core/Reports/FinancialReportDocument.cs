using Records.Core.Amounts;
using System.Globalization;
using Records.Core.Pdf;

namespace Records.Core.Reports;

/// <summary>The financial report as the Board reads it: the same figures, worded the same way, as its web page.</summary>
public static class FinancialReportDocument
{
    public static string Amounts(IReadOnlyList<Sum> sums) => sums.Count == 0 ? "—" : string.Join(" · ", sums.Select(s => s.Text));

    public const string LapsedNote = "New donors gave for the first time in the period; lapsed donors gave in the same period a year earlier but not in this one. Currencies are never added together.";

    public static string Count(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>The summary's rows: label, then the figure for this period and for each period it is compared with.</summary>
    public static IReadOnlyList<(string Label, IReadOnlyList<string> Figures)> Summary(FinancialReport r)
    {
        var periods = new[] { r.Current }.Concat(r.Comparisons).ToList();
        (string, IReadOnlyList<string>) Row(string label, Func<PeriodFigures, string> figure) => (label, periods.Select(figure).ToList());
        return
        [
            Row("Revenue", f => Amounts(f.Revenue)),
            Row("Donations", f => Amounts(f.Donations)),
            Row("Gifts", f => Count(f.Gifts)),
            Row("Sponsorship payments", f => Amounts(f.Sponsorships)),
            Row("Payments received", f => Count(f.Payments)),
            Row("Named donors", f => Count(f.Donors)),
            Row("New donors", f => Count(f.NewDonors)),
            Row("Returning donors", f => Count(f.ReturningDonors)),
            Row("Lapsed donors", f => Count(f.LapsedDonors)),
            Row("Anonymous gifts", f => Count(f.AnonymousGifts)),
        ];
    }

    public static PdfDocument Build(FinancialReport report, string foundation, DateTime generatedAt, FontSet? fonts = null)
    {
        fonts ??= FontSet.Default;
        var period = report.Current.Period;
        var title = $"Financial report: {period.Name}";
        var generated = generatedAt.ToString("MMM d, yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var blocks = new List<IBlock>
        {
            new Paragraph(title, TextStyle.Title),
            new Paragraph($"{foundation} · {period.From:MMM d, yyyy} to {period.To:MMM d, yyyy} · compared with {string.Join(" and ", report.Comparisons.Select(c => c.Period.Name))}", TextStyle.Small),
            new Spacer(8, new SkiaSharp.SKColor(0xd5, 0xdb, 0xe3)),
        };
        if (report.Current.IsEmpty)
        {
            blocks.Add(new Paragraph($"No gifts or sponsorship payments are recorded for {period.Name}.", TextStyle.Heading));
        }
        blocks.Add(Heading("Summary"));
        blocks.Add(new Table([new("Figure", 2.4f), new(period.Name, 1.6f, Align.Right), .. report.Comparisons.Select(c => new TableColumn(c.Period.Name, 1.6f, Align.Right))],
            Summary(report).Select(r => (IReadOnlyList<string>)[r.Label, .. r.Figures])));
        blocks.Add(new Paragraph(LapsedNote, TextStyle.Small));
        if (!report.Current.IsEmpty)
        {
            AddLines(blocks, "Sponsorship revenue by program and tier", "Program and tier", "Payments", report.Current.ByProgramAndTier);
            AddLines(blocks, "Donations by channel", "Channel", "Gifts", report.Current.ByChannel);
            AddLines(blocks, "Donations by campaign", "Campaign", "Gifts", report.Current.ByCampaign);
            AddLines(blocks, "Top sponsors", "Sponsor", "Payments", report.TopSponsors);
            foreach (var currency in TrendChart.Currencies(report))
            {
                blocks.Add(Heading(TrendChart.Heading(currency)));
                blocks.Add(new Chart(TrendChart.Plot(report, currency, fonts), TrendChart.Height));
            }
        }
        blocks.Add(Heading("Budget and reserve"));
        blocks.Add(report.Budget.Count == 0
            ? new Paragraph("Staff have not entered budget or reserve figures yet.", TextStyle.Body with { Italic = true })
            : new Table([new("Line", 3), new("Kind", 1.4f), new("As of", 1.2f), new("Amount", 1.4f, Align.Right)],
                report.Budget.Select(b => (IReadOnlyList<string>)[b.Label, b.Kind, b.AsOf.ToString("MMM d, yyyy", CultureInfo.InvariantCulture), b.Amount.Text])));

        return new PdfDocument(new DocumentInfo(title, foundation, $"Revenue, donors and reserve for {period.Name}", generatedAt), new Column(6, [.. blocks]))
        {
            Fonts = fonts,
            Header = page => page.Number == 1 ? new Spacer(0) : new Paragraph($"{foundation} · {title}", TextStyle.Small),
            Footer = page => new Paragraph($"Generated {generated} · Page {page.Number} of {page.Total}", TextStyle.Small with { Align = Align.Right }),
        };
    }

    private static Paragraph Heading(string text) => new(text, TextStyle.Heading with { LineHeight = 1.8f }, keepWithNext: true);

    private static void AddLines(List<IBlock> blocks, string heading, string what, string countLabel, IReadOnlyList<Line> lines)
    {
        blocks.Add(Heading(heading));
        blocks.Add(lines.Count == 0
            ? new Paragraph("None in this period.", TextStyle.Body with { Italic = true })
            : new Table([new(what, 3), new(countLabel, 1, Align.Right), new("Amount", 2, Align.Right)],
                lines.Select(l => (IReadOnlyList<string>)[l.Label, Count(l.Count), Amounts(l.Amounts)])));
    }
}
