using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Sponsors;
using Records.Web.Infrastructure;
using Records.Web.Pages.Sponsors.Sponsorships;

namespace Records.Web.Pages.Sponsors;

/// <summary>The sponsor list's rows for one page, each with its fees, payments and balance due summed in SQL per currency.</summary>
public static class SponsorList
{
    public static readonly string[] Sorts = ["tier", "name", "added"];

    /// <summary>The package a sponsor holds today; the top-ranked one when it holds several.</summary>
    public sealed record Tier(int PackageId, string Package, string Program, int Year, int Rank)
    {
        public string Title => $"{Package} · {Program} {Year}";
    }

    public sealed record Row(int Id, string Name, string? Website, DateTime CreatedAt, Tier? Tier)
    {
        public IReadOnlyList<Total> Totals { get; init; } = [];
    }

    /// <summary>One sponsor's sums in one currency; rejected sponsorships are left out of its fees and balance.</summary>
    public sealed record Total(string Currency, long FeesMinor, long PaidMinor, long DueMinor);

    /// <summary>A sponsor beside the package it holds today, in a shape EF can order and project again.</summary>
    private sealed class Ranked
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public string? Website { get; init; }
        public DateTime CreatedAt { get; init; }
        public int? PackageId { get; init; }
        public string? Package { get; init; }
        public string? Program { get; init; }
        public int? Year { get; init; }
        public int? Rank { get; init; }
    }

    /// <summary>
    /// The matching sponsors in order, each beside its tier today: the top package among its current sponsorships
    /// (one indexed lookup per sponsor), joined to the price list for its name and rank.
    /// </summary>
    private static IQueryable<Ranked> Ordered(RecordsDbContext db, IQueryable<Sponsor> matching, DateOnly today, string sort)
    {
        var held = matching.Select(s => new
        {
            s.Id, s.Name, s.Website, s.CreatedAt,
            PackageId = db.Sponsorships
                .Where(x => x.SponsorId == s.Id && x.PackageId != null && x.Status != SponsorshipStatus.Rejected && x.StartsOn <= today && x.EndsOn >= today)
                .OrderBy(x => x.Package!.Rank).ThenBy(x => x.Program.Name).ThenByDescending(x => x.Package!.Year).ThenBy(x => x.PackageId)
                .Select(x => x.PackageId)
                .FirstOrDefault(),
        });
        var rows = from s in held
                   join k in db.SponsorPackages on s.PackageId equals k.Id into tier
                   from k in tier.DefaultIfEmpty()
                   select new Ranked
                   {
                       Id = s.Id, Name = s.Name, Website = s.Website, CreatedAt = s.CreatedAt, PackageId = s.PackageId,
                       Package = k == null ? null : k.Name, Program = k == null ? null : k.Program.Name,
                       Year = k == null ? (int?)null : k.Year, Rank = k == null ? (int?)null : k.Rank,
                   };
        return sort switch
        {
            "name" => rows.OrderBy(r => r.Name).ThenBy(r => r.Id),
            "added" => rows.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Name).ThenBy(r => r.Id),
            _ => rows.OrderBy(r => r.PackageId == null).ThenBy(r => r.Rank).ThenBy(r => r.Program).ThenByDescending(r => r.Year)
                .ThenBy(r => r.PackageId).ThenBy(r => r.Name).ThenBy(r => r.Id),
        };
    }

    public static IQueryable<Row> Rows(RecordsDbContext db, IQueryable<Sponsor> matching, DateOnly today, string sort) =>
        Ordered(db, matching, today, sort).Select(r => new Row(r.Id, r.Name, r.Website, r.CreatedAt,
            r.PackageId == null ? null : new Tier(r.PackageId.Value, r.Package!, r.Program!, r.Year!.Value, r.Rank!.Value)));

    /// <summary>Every matching sponsor's id in the list's order: what the page keeps per data version and day.</summary>
    public static IQueryable<int> OrderedIds(RecordsDbContext db, IQueryable<Sponsor> matching, DateOnly today, string sort) =>
        Ordered(db, matching, today, sort).Select(r => r.Id);

    /// <summary>The rows of the given sponsors, in the order of <paramref name="ids"/>.</summary>
    public static async Task<IReadOnlyList<Row>> RowsInOrderAsync(RecordsDbContext db, IReadOnlyList<int> ids, DateOnly today, CancellationToken ct)
    {
        var rows = await Rows(db, db.Sponsors.AsNoTracking().Where(s => ids.Contains(s.Id)), today, "name").ToListAsync(ct);
        return rows.InOrderOf(ids, r => r.Id);
    }

    /// <summary>The page's sponsors with their sums: one GROUP BY over only their sponsorships.</summary>
    public static async Task<IReadOnlyList<Row>> WithTotalsAsync(RecordsDbContext db, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return rows;
        var ids = rows.Select(r => r.Id).ToList();
        // A rejected sponsorship owes nothing, but its payments still count as received.
        var sums = (await db.Sponsorships.AsNoTracking()
                .Where(s => ids.Contains(s.SponsorId))
                .Select(s => new
                {
                    s.SponsorId,
                    s.Currency,
                    Owed = s.Status != SponsorshipStatus.Rejected && s.FeeMinor != null,
                    Fee = s.Status != SponsorshipStatus.Rejected ? s.FeeMinor ?? 0 : 0,
                    Paid = s.Payments.Sum(p => (long?)p.AmountMinor) ?? 0,
                })
                .GroupBy(x => new { x.SponsorId, x.Currency })
                .Select(g => new { g.Key.SponsorId, Total = new Total(g.Key.Currency, g.Sum(x => x.Fee), g.Sum(x => x.Paid), g.Sum(x => x.Owed && x.Fee > x.Paid ? x.Fee - x.Paid : 0)) })
                .ToListAsync(ct))
            .ToLookup(x => x.SponsorId, x => x.Total);
        return [.. rows.Select(r => r with { Totals = [.. sums[r.Id].OrderBy(t => t.Currency, StringComparer.Ordinal)] })];
    }

    /// <summary>The matching sponsors' sums per currency, with how many sponsorships each currency has.</summary>
    public static Task<IReadOnlyList<SponsorshipList.Total>> TotalsAsync(RecordsDbContext db, IQueryable<Sponsor> matching, CancellationToken ct) =>
        SponsorshipList.TotalsAsync(db.Sponsorships.AsNoTracking().Where(s => matching.Select(m => m.Id).Contains(s.SponsorId)), ct);
}
