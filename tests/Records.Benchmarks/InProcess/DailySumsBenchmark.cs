using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Home;
using Records.Web.Pages.Donations;

namespace Records.Benchmarks.InProcess;

/// <summary>
/// This year's totals of the Staff and Board home panels from the daily sums, against the same totals summed over
/// every gift of the year as the panels did before the daily sums.
/// </summary>
public class HomeTotalsFromDailySumsBenchmark
{
    private readonly DateOnly today = DateOnly.FromDateTime(DateTime.UtcNow);
    private DbContextOptions<RecordsDbContext> options = null!;

    [GlobalSetup]
    public void Setup()
    {
        options = DailySums.Options();
        var (days, gifts) = (DailySumsAsync().GetAwaiter().GetResult(), SumOverGiftsAsync().GetAwaiter().GetResult());
        if (!days.OrderBy(t => t.Currency).SequenceEqual(gifts.OrderBy(t => t.Currency)))
        {
            throw new InvalidOperationException($"The daily sums read [{string.Join(", ", days)}] where the gifts sum to [{string.Join(", ", gifts)}].");
        }
    }

    [Benchmark(Description = "daily sums")]
    public async Task<List<Total>> DailySumsAsync()
    {
        await using var db = new RecordsDbContext(options);
        return await Total.DonationsThisYearAsync(db, today, CancellationToken.None);
    }

    [Benchmark(Baseline = true, Description = "SUM over the year's gifts")]
    public async Task<List<Total>> SumOverGiftsAsync()
    {
        await using var db = new RecordsDbContext(options);
        var yearStart = new DateOnly(today.Year, 1, 1);
        return await db.Donations.AsNoTracking().Where(d => d.ReceivedOn >= yearStart && d.ReceivedOn <= today)
            .GroupBy(d => d.Currency).Select(g => new Total(g.Key, g.Sum(d => d.AmountMinor), g.Count())).ToListAsync();
    }
}

/// <summary>The ledger's totals for every gift of the last ten years: from the daily sums, against the GROUP BY over the gifts.</summary>
public class LedgerTotalsFromDailySumsBenchmark
{
    private readonly LedgerFilter tenYears = new()
    {
        From = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
    private DbContextOptions<RecordsDbContext> options = null!;

    [GlobalSetup]
    public void Setup()
    {
        options = DailySums.Options();
        var (days, gifts) = (DailySumsAsync().GetAwaiter().GetResult(), SumOverGiftsAsync().GetAwaiter().GetResult());
        if (!days.SequenceEqual(gifts))
        {
            throw new InvalidOperationException($"The daily sums read [{string.Join(", ", days)}] where the gifts sum to [{string.Join(", ", gifts)}].");
        }
    }

    [Benchmark(Description = "daily sums")]
    public async Task<IReadOnlyList<Ledger.Total>> DailySumsAsync()
    {
        await using var db = new RecordsDbContext(options);
        return await Ledger.TotalsAsync(db, tenYears, tenYears.Apply(db.Donations.AsNoTracking(), DatabaseProvider.For(db)));
    }

    [Benchmark(Baseline = true, Description = "GROUP BY over the gifts")]
    public async Task<IReadOnlyList<Ledger.Total>> SumOverGiftsAsync()
    {
        await using var db = new RecordsDbContext(options);
        return await Ledger.TotalsAsync(tenYears.Apply(db.Donations.AsNoTracking(), DatabaseProvider.For(db)));
    }
}

internal static class DailySums
{
    public static DbContextOptions<RecordsDbContext> Options()
    {
        var builder = new DbContextOptionsBuilder<RecordsDbContext>();
        RecordsDatabase.Configure(builder, DonationTotalsBenchmark.DatabasePath, TimeProvider.System);
        return builder.Options;
    }
}
