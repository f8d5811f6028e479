using Records.Core.Amounts;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Sponsors;
using Records.Core.Text;

namespace Records.Core.Reports;

/// <summary>An amount in one currency; reports keep currencies apart and never add them together.</summary>
public sealed record Sum(string Currency, long Minor)
{
    public string Text => new Money(Minor, Currency).Format();
}

public sealed record Line(string Label, IReadOnlyList<Sum> Amounts, int Count);

public sealed record DonorCounts(int Donors, int Returning, int Lapsed);

/// <summary>The figures of one period, every aggregate computed by the database.</summary>
public sealed record PeriodFigures(
    ReportPeriod Period,
    IReadOnlyList<Sum> Donations, int Gifts, IReadOnlyList<Sum> Sponsorships, int Payments,
    IReadOnlyList<Line> ByProgramAndTier, IReadOnlyList<Line> ByChannel, IReadOnlyList<Line> ByCampaign,
    int Donors, int NewDonors, int ReturningDonors, int LapsedDonors, int AnonymousGifts)
{
    public bool IsEmpty => Gifts == 0 && Payments == 0;

    public IReadOnlyList<Sum> Revenue => Donations.Concat(Sponsorships).GroupBy(s => s.Currency)
        .Select(g => new Sum(g.Key, g.Sum(s => s.Minor))).OrderBy(s => s.Currency).ToList();

    public static async Task<PeriodFigures> LoadAsync(RecordsDbContext db, ReportPeriod period, CancellationToken ct = default)
    {
        var (from, to) = (period.From, period.To);
        var gifts = db.Donations.AsNoTracking().Where(d => d.ReceivedOn >= from && d.ReceivedOn <= to);
        var payments = db.Payments.AsNoTracking().Where(p => p.ReceivedOn >= from && p.ReceivedOn <= to);

        // Sums over gifts come from the daily sums: a report's periods are whole days.
        var days = db.DonationDays.AsNoTracking().Where(d => d.Day >= from && d.Day <= to);
        var donationSums = await days.GroupBy(d => d.Currency).Select(g => new { Currency = g.Key, Minor = g.Sum(d => d.AmountMinor), Count = g.Sum(d => d.Gifts) }).ToListAsync(ct);
        var paymentSums = await payments.GroupBy(p => p.Currency).Select(g => new { Currency = g.Key, Minor = g.Sum(p => p.AmountMinor), Count = g.Count() }).ToListAsync(ct);

        var tiers = await (from p in payments
                           join s in db.Sponsorships on p.SponsorshipId equals s.Id
                           group p by new { Program = s.Program.Name, Tier = s.Package != null ? s.Package.Name : null, p.Currency } into g
                           select new { g.Key.Program, g.Key.Tier, g.Key.Currency, Minor = g.Sum(p => p.AmountMinor), Count = g.Count() }).ToListAsync(ct);
        var channels = await days.GroupBy(d => new { d.Channel, d.Currency })
            .Select(g => new { g.Key.Channel, g.Key.Currency, Minor = g.Sum(d => d.AmountMinor), Count = g.Sum(d => d.Gifts) }).ToListAsync(ct);
        var campaigns = await (from d in days
                               group d by new { d.CampaignId, d.Currency } into g
                               select new { g.Key.CampaignId, g.Key.Currency, Minor = g.Sum(d => d.AmountMinor), Count = g.Sum(d => d.Gifts) } into t
                               join c in db.Campaigns on t.CampaignId equals c.Id into named
                               from c in named.DefaultIfEmpty()
                               select new { Name = c != null ? c.Name : null, t.Currency, t.Minor, t.Count }).ToListAsync(ct);

        // The period's distinct donors are gathered once and each looked up once, not once per gift; the year
        // earlier's donors are lapsed when they are not among them.
        var (lastFrom, lastTo) = (from.AddYears(-1), to.AddYears(-1));
        var counts = await db.Database.SqlQuery<DonorCounts>($"""
            WITH "Givers" AS (SELECT DISTINCT "PersonId" FROM "Donations"
                              WHERE "ReceivedOn" >= {from} AND "ReceivedOn" <= {to} AND "PersonId" IS NOT NULL)
            SELECT (SELECT COUNT(*) FROM "Givers") AS "Donors",
                   (SELECT COUNT(*) FROM "Givers" AS p
                    WHERE EXISTS (SELECT 1 FROM "Donations" AS e WHERE e."PersonId" = p."PersonId" AND e."ReceivedOn" < {from})) AS "Returning",
                   (SELECT COUNT(*) FROM (SELECT DISTINCT "PersonId" FROM "Donations"
                        WHERE "ReceivedOn" >= {lastFrom} AND "ReceivedOn" <= {lastTo} AND "PersonId" IS NOT NULL) AS p
                    WHERE p."PersonId" NOT IN (SELECT "PersonId" FROM "Givers")) AS "Lapsed"
            """).SingleAsync(ct);
        var (donorCount, returning, lapsed) = (counts.Donors, counts.Returning, counts.Lapsed);
        var anonymous = await gifts.CountAsync(d => d.PersonId == null && d.OrganisationId == null, ct);

        static List<Line> Lines<T>(IEnumerable<T> rows, Func<T, string> label, Func<T, string> currency, Func<T, long> minor, Func<T, int> count) =>
            rows.GroupBy(label).Select(g => new Line(g.Key, g.GroupBy(currency).Select(c => new Sum(c.Key, c.Sum(minor))).OrderBy(s => s.Currency).ToList(), g.Sum(count)))
                .OrderByDescending(l => l.Amounts.Sum(a => a.Minor)).ThenBy(l => l.Label, StringComparer.Ordinal).ToList();

        return new PeriodFigures(period,
            donationSums.Select(s => new Sum(s.Currency, s.Minor)).OrderBy(s => s.Currency).ToList(), donationSums.Sum(s => s.Count),
            paymentSums.Select(s => new Sum(s.Currency, s.Minor)).OrderBy(s => s.Currency).ToList(), paymentSums.Sum(s => s.Count),
            Lines(tiers, t => t.Tier is null ? $"{t.Program}: outside the price list" : $"{t.Program}: {t.Tier}", t => t.Currency, t => t.Minor, t => t.Count),
            Lines(channels, c => c.Channel.DisplayName(), c => c.Currency, c => c.Minor, c => c.Count),
            Lines(campaigns, c => c.Name ?? "No campaign", c => c.Currency, c => c.Minor, c => c.Count),
            donorCount, donorCount - returning, returning, lapsed, anonymous);
    }
}

/// <summary>The Board's financial report: a period, the two it is compared with, top sponsors, the monthly trend and the budget lines.</summary>
public sealed record FinancialReport(
    PeriodFigures Current, PeriodFigures Previous, PeriodFigures YearEarlier,
    IReadOnlyList<Line> TopSponsors, IReadOnlyList<FinancialReport.Month> Trend, IReadOnlyList<FinancialReport.BudgetFigure> Budget)
{
    /// <summary>Every month of the period up to today, with zeros where nothing came in.</summary>
    public sealed record Month(int Year, int MonthNumber, string Currency, long DonationsMinor, long SponsorshipsMinor);

    /// <summary>The periods compared with: both, unless they are the same (a year's previous period is the year before).</summary>
    public IReadOnlyList<PeriodFigures> Comparisons => Previous.Period == YearEarlier.Period ? [Previous] : [Previous, YearEarlier];
    public sealed record BudgetFigure(string Label, string Kind, DateOnly AsOf, Sum Amount, string? Source);

    /// <summary>The report of a period as it stands on <paramref name="today"/>: months after it are not in the trend.</summary>
    public static async Task<FinancialReport> LoadAsync(RecordsDbContext db, ReportPeriod period, DateOnly today, CancellationToken ct = default)
    {
        var current = await PeriodFigures.LoadAsync(db, period, ct);
        var previous = await PeriodFigures.LoadAsync(db, period.Previous(), ct);
        var yearEarlier = period.YearEarlier() == previous.Period ? previous : await PeriodFigures.LoadAsync(db, period.YearEarlier(), ct);
        var (start, end) = (period.From, period.To);

        var top = await (from p in db.Payments.AsNoTracking()
                         where p.ReceivedOn >= start && p.ReceivedOn <= end
                         join s in db.Sponsorships on p.SponsorshipId equals s.Id
                         group p by new { s.SponsorId, s.Sponsor.Name, p.Currency } into g
                         select new { g.Key.Name, g.Key.Currency, Minor = g.Sum(p => p.AmountMinor), Count = g.Count() })
            .OrderByDescending(t => t.Minor).Take(10).ToListAsync(ct);

        var donationMonths = await db.DonationDays.AsNoTracking().Where(d => d.Day >= start && d.Day <= end)
            .GroupBy(d => new { d.Day.Year, d.Day.Month, d.Currency })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Currency, Minor = g.Sum(d => d.AmountMinor) }).ToListAsync(ct);
        var paymentMonths = await db.Payments.AsNoTracking().Where(p => p.ReceivedOn >= start && p.ReceivedOn <= end)
            .GroupBy(p => new { p.ReceivedOn.Year, p.ReceivedOn.Month, p.Currency })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Currency, Minor = g.Sum(p => p.AmountMinor) }).ToListAsync(ct);
        var currencies = donationMonths.Select(m => m.Currency).Union(paymentMonths.Select(m => m.Currency)).Order(StringComparer.Ordinal).ToList();
        var months = new List<(int Year, int Month)>();
        var lastMonth = new DateOnly(today.Year, today.Month, 1);
        for (var m = new DateOnly(start.Year, start.Month, 1); m <= end && m <= lastMonth; m = m.AddMonths(1)) months.Add((m.Year, m.Month));
        var trend = currencies.SelectMany(c => months.Select(m => (m.Year, m.Month, Currency: c)))
            .Select(k => new Month(k.Year, k.Month, k.Currency,
                donationMonths.Where(m => (m.Year, m.Month, m.Currency) == k).Sum(m => m.Minor),
                paymentMonths.Where(m => (m.Year, m.Month, m.Currency) == k).Sum(m => m.Minor)))
            .ToList();

        // A line is stated as of a day for its year: it applies to periods in that year, up to the period's end.
        var firstDay = new DateOnly(start.Year, 1, 1);
        var budget = await db.BudgetLines.AsNoTracking().Where(l => l.AsOf >= firstDay && l.AsOf <= end).OrderByDescending(l => l.AsOf).ThenByDescending(l => l.Id).Take(12)
            .Select(l => new { l.Label, l.Kind, l.AsOf, l.AmountMinor, l.Currency, l.Source }).ToListAsync(ct);

        return new FinancialReport(current, previous, yearEarlier,
            top.Select(t => new Line(t.Name, [new Sum(t.Currency, t.Minor)], t.Count)).ToList(), trend,
            budget.Select(l => new BudgetFigure(l.Label, l.Kind.DisplayName(), l.AsOf, new Sum(l.Currency, l.AmountMinor), l.Source)).ToList());
    }
}
