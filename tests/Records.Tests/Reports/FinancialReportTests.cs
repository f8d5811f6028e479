using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Core.People;
using Records.Core.Reports;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;
using Records.Tests.Pdf;

namespace Records.Tests.Reports;

public class FinancialReportTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private static readonly DateTime Generated = new(2026, 11, 27, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Generated);

    private Task SeedAsync() => ReportData.SeedAsync(app);

    [Fact]
    public async Task TheYearsFiguresAreSummedByTheDatabaseWithNewReturningAndLapsedDonors()
    {
        await SeedAsync();

        var report = await app.WithDbAsync(db => FinancialReport.LoadAsync(db, ReportPeriod.Year(1980), Today));

        var f = report.Current;
        Assert.Equal([new Sum("EUR", 10_00), new Sum("USD", 325_50)], f.Donations);
        Assert.Equal([new Sum("USD", 5_000_00)], f.Sponsorships);
        Assert.Equal([new Sum("EUR", 10_00), new Sum("USD", 5_325_50)], f.Revenue);
        Assert.Equal((3, 2, 2, 1, 1, 1), (f.Gifts, f.Donors, f.Payments, f.NewDonors, f.ReturningDonors, f.LapsedDonors));
        Assert.Equal(1, f.AnonymousGifts);
        Assert.Equal("Card", f.ByChannel[0].Label);
        Assert.Contains(f.ByCampaign, l => l.Label == "1980 spring drive" && l.Amounts.Single().Minor == 250_00);
        Assert.Equal("Acme Computing", report.TopSponsors.Single().Label);
        Assert.Equal([new Sum("USD", 140_00)], report.Previous.Donations);
        Assert.Equal("1979", report.Previous.Period.Name);
        Assert.Equal(Enumerable.Range(1, 12), report.Trend.Where(m => m.Currency == "USD").Select(m => m.MonthNumber));
        Assert.Single(report.Comparisons);
        Assert.Equal(3_000_00, report.Trend.Single(m => m.Currency == "USD" && m.MonthNumber == 3).SponsorshipsMinor);
    }

    [Fact]
    public async Task ThePdfStatesTheSameFiguresAsTheReport()
    {
        await SeedAsync();
        var report = await app.WithDbAsync(db => FinancialReport.LoadAsync(db, ReportPeriod.Year(1980), Today));

        var pdf = FinancialReportDocument.Build(report, "Python Software Foundation", Generated).ToBytes();
        if (Environment.GetEnvironmentVariable("RECORDS_PDF_OUT") is { Length: > 0 } folder) File.WriteAllBytes(Path.Combine(folder, "financial-1980.pdf"), pdf);

        var text = string.Join("\n", PdfLayoutTests.PageTexts(pdf));
        foreach (var (label, figures) in FinancialReportDocument.Summary(report))
        {
            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal));
            Assert.True(line is not null, $"No line for {label}:\n{text}");
            Assert.Equal($"{label} {string.Join(" ", figures)}", line.Trim());
        }
        Assert.Contains("€10.00 · $5,325.50", text);
        Assert.Contains("Gold 1980", text);
        Assert.Contains("Acme Computing", text);
        Assert.Contains("Page 1 of", text);
    }

    [Fact]
    public async Task TheYearsPdfEmbedsOnlyTheGlyphsItUsesAndStaysUnder150Kilobytes()
    {
        await SeedAsync();
        var report = await app.WithDbAsync(db => FinancialReport.LoadAsync(db, ReportPeriod.Year(1980), Today));

        var pdf = FinancialReportDocument.Build(report, "Python Software Foundation", Generated).ToBytes();

        Assert.True(pdf.Length < 150_000, $"{pdf.Length:#,0} bytes");
        Assert.NotEmpty(TrendChart.Currencies(report));
    }

    [Fact]
    public async Task AYearWithNoDataSaysSoInsteadOfPrintingEmptyTables()
    {
        var report = await app.WithDbAsync(db => FinancialReport.LoadAsync(db, ReportPeriod.Year(1901), Today));

        var text = string.Join("\n", PdfLayoutTests.PageTexts(FinancialReportDocument.Build(report, "PSF", Generated).ToBytes()));

        Assert.True(report.Current.IsEmpty);
        Assert.Contains("No gifts or sponsorship payments are recorded for 1901.", text);
        Assert.DoesNotContain("Donations by channel", text);
    }

    [Fact]
    public void PeriodsAreComparedWithThePeriodBeforeAndTheSamePeriodAYearEarlier()
    {
        Assert.Equal("Q4 2025", ReportPeriod.Quarter(2026, 1).Previous().Name);
        Assert.Equal("Q1 2025", ReportPeriod.Quarter(2026, 1).YearEarlier().Name);
        var (custom, _) = ReportPeriod.Custom(new(2026, 3, 10), new(2026, 3, 19));
        Assert.Equal((new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 9)), (custom!.Previous().From, custom.Previous().To));
        Assert.Equal(new DateOnly(2025, 3, 10), custom.YearEarlier().From);
        var (none, problem) = ReportPeriod.Custom(new(2026, 3, 10), new(2026, 3, 9));
        Assert.Null(none);
        Assert.Equal("The period cannot end before it starts.", problem);
    }
}
