using Microsoft.EntityFrameworkCore;
using Records.Core.Sponsors;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Sponsors.Sponsorships;

/// <summary>The list's rows and totals for a filter: what the page shows and the export writes.</summary>
public static class SponsorshipList
{
    public static readonly string[] Sorts = ["starts", "ends", "sponsor", "fee", "due"];

    public sealed record Row(int Id, int SponsorId, string Sponsor, string Program, string? Package, int? PackageYear, string? Description,
        DateOnly StartsOn, DateOnly EndsOn, long? FeeMinor, long? InKindValueMinor, string Currency, SponsorshipStatus Status, ContractStatus ContractStatus, long PaidMinor)
    {
        public long? DueMinor => BalanceDue.Of(FeeMinor, PaidMinor, Status);
        public string What => Package is { } p ? $"{p} {PackageYear}" : Description ?? "Outside the price list";
    }

    /// <summary>Per currency: sponsorships, fees agreed (not counting rejected ones), payments received and balance due.</summary>
    public sealed record Total(string Currency, int Count, long FeesMinor, long PaidMinor, long DueMinor);

    /// <summary>One GROUP BY over the matching sponsorships, each with its payments summed in SQL.</summary>
    public static async Task<IReadOnlyList<Total>> TotalsAsync(IQueryable<Sponsorship> matching, CancellationToken ct = default)
    {
        var totals = await matching
            .Select(s => new
            {
                s.Currency,
                Owed = s.Status != SponsorshipStatus.Rejected && s.FeeMinor != null,
                Fee = s.Status != SponsorshipStatus.Rejected ? s.FeeMinor ?? 0 : 0,
                Paid = s.Payments.Sum(p => (long?)p.AmountMinor) ?? 0,
            })
            .GroupBy(x => x.Currency)
            .Select(g => new Total(g.Key, g.Count(), g.Sum(x => x.Fee), g.Sum(x => x.Paid), g.Sum(x => x.Owed && x.Fee > x.Paid ? x.Fee - x.Paid : 0)))
            .ToListAsync(ct);
        return [.. totals.OrderBy(t => t.Currency, StringComparer.Ordinal)];
    }

    private static IQueryable<Sponsorship> Ordered(IQueryable<Sponsorship> matching, string sort) => sort switch
    {
        "ends" => matching.OrderBy(s => s.EndsOn).ThenBy(s => s.Id),
        "sponsor" => matching.OrderBy(s => s.Sponsor.Name).ThenByDescending(s => s.StartsOn).ThenBy(s => s.Id),
        "fee" => matching.OrderByDescending(s => s.FeeMinor ?? s.InKindValueMinor ?? -1).ThenByDescending(s => s.StartsOn).ThenBy(s => s.Id),
        "due" => matching.OrderByDescending(s => s.Status == SponsorshipStatus.Rejected || s.FeeMinor == null ? -1
                : s.FeeMinor!.Value - (s.Payments.Sum(p => (long?)p.AmountMinor) ?? 0))
            .ThenByDescending(s => s.StartsOn).ThenBy(s => s.Id),
        _ => matching.OrderByDescending(s => s.StartsOn).ThenBy(s => s.Sponsor.Name).ThenBy(s => s.Id),
    };

    public static IQueryable<Row> Rows(IQueryable<Sponsorship> matching, string sort) =>
        Ordered(matching, sort).Select(s => new Row(s.Id, s.SponsorId, s.Sponsor.Name, s.Program.Name, s.Package != null ? s.Package.Name : null,
            s.Package != null ? s.Package.Year : null, s.Description, s.StartsOn, s.EndsOn, s.FeeMinor, s.InKindValueMinor, s.Currency, s.Status, s.ContractStatus,
            s.Payments.Sum(p => (long?)p.AmountMinor) ?? 0));

    /// <summary>Every matching sponsorship's id in the list's order: what the page keeps per data version.</summary>
    public static IQueryable<int> OrderedIds(IQueryable<Sponsorship> matching, string sort) => Ordered(matching, sort).Select(s => s.Id);

    /// <summary>The rows of the given sponsorships, in the order of <paramref name="ids"/>.</summary>
    public static async Task<IReadOnlyList<Row>> RowsInOrderAsync(IQueryable<Sponsorship> sponsorships, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var rows = await Rows(sponsorships.Where(s => ids.Contains(s.Id)), "ends").ToListAsync(ct);
        return rows.InOrderOf(ids, r => r.Id);
    }
}
