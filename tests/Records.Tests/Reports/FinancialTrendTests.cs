using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Records.Core.Accounts;
using Records.Core.Budget;
using Records.Core.Donations;
using Records.Core.People;
using Records.Core.Reports;
using Records.Tests.Infrastructure;
using Records.Tests.Nominations;
using Records.Tests.Pdf;

namespace Records.Tests.Reports;

/// <summary>1985, read on July 20, 1985: gifts in three currencies, and budget lines of 1984 and 1985.</summary>
public class FinancialTrendTests(FinancialTrendTests.App app) : IClassFixture<FinancialTrendTests.App>
{
    public class App : RecordsApp
    {
        public TestClock Clock { get; } = new(new DateTimeOffset(1985, 7, 20, 15, 0, 0, TimeSpan.FromHours(-4)));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private static readonly DateOnly Today = new(1985, 7, 20);
    private static readonly DateTime Generated = new(1985, 7, 20, 19, 0, 0, DateTimeKind.Utc);

    private async Task SeedAsync()
    {
        await app.WithDbAsync(async db =>
        {
            if (await db.People.AnyAsync(p => p.Name == "Trend Tessa")) return;
            var tessa = new Person { Name = "Trend Tessa" };
            Donation Gift(int month, long minor, string currency) =>
                new() { Person = tessa, AmountMinor = minor, Currency = currency, ReceivedOn = new(1985, month, 3), Channel = DonationChannel.Card };
            db.Donations.AddRange(Gift(1, 120_00, "USD"), Gift(3, 80_00, "USD"), Gift(7, 300_00, "USD"), Gift(2, 50_00, "EUR"), Gift(6, 70_00, "EUR"), Gift(5, 40_00, "GBP"));
            db.BudgetLines.AddRange(
                new BudgetLine { Kind = BudgetLineKind.Budget, Label = "Operating budget for 1984", AsOf = new(1984, 1, 15), AmountMinor = 900_000_00, Currency = "USD" },
                new BudgetLine { Kind = BudgetLineKind.Budget, Label = "Operating budget for 1985", AsOf = new(1985, 1, 15), AmountMinor = 950_000_00, Currency = "USD" });
            await db.SaveChangesAsync();
        });
    }

    private async Task<FinancialReport> ReportAsync()
    {
        await SeedAsync();
        return await app.WithDbAsync(db => FinancialReport.LoadAsync(db, ReportPeriod.Year(1985), Today));
    }

    [Fact]
    public async Task MonthsThatHaveNotHappenedAreNotChartedAndEveryCurrencyHasItsOwnChart()
    {
        var report = await ReportAsync();

        var pdf = FinancialReportDocument.Build(report, "Python Software Foundation", Generated).ToBytes();
        if (Environment.GetEnvironmentVariable("RECORDS_PDF_OUT") is { Length: > 0 } folder) File.WriteAllBytes(Path.Combine(folder, "financial-trend-1985.pdf"), pdf);
        var text = string.Join("\n", PdfLayoutTests.PageTexts(pdf));

        Assert.Equal(Enumerable.Range(1, 7), report.Trend.Where(m => m.Currency == "USD").Select(m => m.MonthNumber));
        foreach (var currency in new[] { "EUR", "GBP", "USD" }) Assert.Contains($"Monthly trend in {currency}", text);
        Assert.Contains("Jul 1985", text);
        foreach (var month in new[] { "Aug", "Sep", "Oct", "Nov", "Dec" }) Assert.DoesNotContain($"{month} 1985", text);
    }

    [Fact]
    public async Task TheLegendSitsAtTheFootOfEachChartNotOverItsLines()
    {
        var report = await ReportAsync();

        var pdf = FinancialReportDocument.Build(report, "Python Software Foundation", Generated).ToBytes();

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var charts = 0;
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().ToList();
            for (var i = 0; i + 2 < words.Count; i++)
            {
                if (words[i].Text != "Monthly" || words[i + 1].Text != "trend") continue;
                var heading = words[i];
                // PDF coordinates grow upwards; the chart is the 260 points under its heading, its legend the nearest one below.
                var legend = words.Where(w => w.Text == "Sponsorship" && w.BoundingBox.Top < heading.BoundingBox.Bottom && heading.BoundingBox.Bottom - w.BoundingBox.Top < 280)
                    .OrderByDescending(w => w.BoundingBox.Top).FirstOrDefault();
                Assert.True(legend is not null, $"No legend under the heading on page {page.Number}");
                Assert.True(heading.BoundingBox.Bottom - legend.BoundingBox.Top > 200,
                    $"The legend is {heading.BoundingBox.Bottom - legend.BoundingBox.Top:0} points under the heading: inside the plot, not below it");
                charts++;
            }
        }
        Assert.Equal(3, charts);
    }

    [Fact]
    public async Task OnlyTheBudgetLinesOfThePeriodsYearAreShown()
    {
        var report = await ReportAsync();

        Assert.Equal(["Operating budget for 1985"], report.Budget.Select(b => b.Label));
    }

    [Fact]
    public async Task TheWebPageShowsTheSameChartsAsSvgDrawnOnTheServer()
    {
        await SeedAsync();
        var board = app.Browser();
        await board.LoginAsRoleAsync(Roles.Board);

        var page = await board.GetPageAsync("/Reports/Financial?kind=year&year=1985");

        Assert.Equal(["EUR", "GBP", "USD"], page.QuerySelectorAll("figure[data-chart]").Select(f => f.GetAttribute("data-chart")));
        var usd = page.QuerySelector("figure[data-chart=USD] svg");
        Assert.NotNull(usd);
        Assert.Contains("Jul 1985", usd.TextContent);
        Assert.DoesNotContain("Aug 1985", usd.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.DoesNotContain("Aug 1985", page.QuerySelector("[data-trend]")!.TextContent);
        Assert.DoesNotContain("Operating budget for 1984", page.QuerySelector("main")!.TextContent);
    }
}
