using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Amounts;

namespace Records.Web.Pages.Donations;

/// <summary>The ledger's rows and totals for a filter: what the page shows and the export writes.</summary>
public static class Ledger
{
    public const string Anonymous = "Anonymous";

    /// <summary>
    /// With no dates in the query the ledger shows the last <see cref="DefaultDays"/> days: totals over every gift
    /// ever received would read the whole table on each visit. Clearing the dates asks for all time.
    /// </summary>
    public const int DefaultDays = 30;

    public sealed record Row(int Id, DateOnly ReceivedOn, string Donor, bool Named, long AmountMinor, long FeeMinor, string Currency,
        DonationChannel Channel, string? Campaign, string? TransactionId, bool IsRecurring, DateOnly? AcknowledgedOn, int? PersonId = null, int? OrganisationId = null)
    {
        /// <summary>The donor's page; none for an anonymous gift, whose donor ids never leave the database.</summary>
        public string? DonorLink => PersonId is { } p ? DonorModel.PersonLink(p) : OrganisationId is { } o ? DonorModel.OrganisationLink(o) : null;

        public Money Amount => new(AmountMinor, Currency);
        public Money Fee => new(FeeMinor, Currency);
        public Money Net => new(AmountMinor - FeeMinor, Currency);
    }

    public sealed record Total(string Currency, int Count, long GrossMinor, long FeesMinor)
    {
        public Money Gross => new(GrossMinor, Currency);
        public Money Fees => new(FeesMinor, Currency);
        public Money Net => new(GrossMinor - FeesMinor, Currency);
    }

    public static readonly string[] Sorts = ["date", "amount", "donor"];

    /// <summary>
    /// The filter's totals. A filter of dates, channel and campaign alone covers whole days of the daily sums, which
    /// answer without reading a gift; a donor, amount or acknowledgement filter needs the gifts themselves.
    /// </summary>
    public static async Task<IReadOnlyList<Total>> TotalsAsync(RecordsDbContext db, LedgerFilter filter, IQueryable<Donation> matching, CancellationToken ct = default)
    {
        if (!filter.NeedsGifts) return await TotalsAsync(filter.Apply(db.DonationDays.AsNoTracking()), ct);
        return await TotalsAsync(matching, ct);
    }

    /// <summary>
    /// The filter's totals, kept until a gift or campaign changes: even the daily sums of all time grow with the days
    /// and the gifts' mix. A donor filter matches names, which change without a finance record, so it is never kept.
    /// </summary>
    public static async Task<IReadOnlyList<Total>> TotalsAsync(RecordsDbContext db, VersionedCache cache, LedgerFilter filter, IQueryable<Donation> matching, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(filter.Donor)
            ? await cache.GetAsync(db, DataVersions.Finance, $"ledger-totals\n{filter.Query()}", c => TotalsAsync(db, filter, matching, c), ct)
            : await TotalsAsync(db, filter, matching, ct);

    private static async Task<IReadOnlyList<Total>> TotalsAsync(IQueryable<DonationDay> days, CancellationToken ct) =>
        (await days.GroupBy(d => d.Currency)
            .Select(g => new { Currency = g.Key, Count = g.Sum(d => d.Gifts), Gross = g.Sum(d => d.AmountMinor), Fees = g.Sum(d => d.FeeMinor) })
            .ToListAsync(ct))
        .Select(t => new Total(t.Currency, t.Count, t.Gross, t.Fees))
        .OrderBy(t => t.Currency, StringComparer.Ordinal)
        .ToList();

    /// <summary>Count, gross and fees per currency in one GROUP BY.</summary>
    public static async Task<IReadOnlyList<Total>> TotalsAsync(IQueryable<Donation> matching, CancellationToken ct = default) =>
        (await matching.GroupBy(d => d.Currency)
            .Select(g => new { Currency = g.Key, Count = g.Count(), Gross = g.Sum(d => d.AmountMinor), Fees = g.Sum(d => d.FeeMinor) })
            .ToListAsync(ct))
        .Select(t => new Total(t.Currency, t.Count, t.Gross, t.Fees))
        .OrderBy(t => t.Currency, StringComparer.Ordinal)
        .ToList();

    public static IQueryable<Row> Rows(IQueryable<Donation> matching, string sort)
    {
        var ordered = sort switch
        {
            "amount" => matching.OrderByDescending(d => d.AmountMinor).ThenByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Id),
            "donor" => matching.OrderBy(d => d.IsAnonymous ? Anonymous : d.Person != null ? d.Person.Name : d.Organisation != null ? d.Organisation.Name : Anonymous)
                .ThenByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Id),
            _ => matching.OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Id),
        };
        // The name is chosen in SQL so an anonymous donor's name never leaves the database.
        return ordered.Select(d => new Row(d.Id, d.ReceivedOn,
            d.IsAnonymous ? Anonymous : d.Person != null ? d.Person.Name : d.Organisation != null ? d.Organisation.Name : Anonymous,
            !d.IsAnonymous && (d.Person != null || d.Organisation != null),
            d.AmountMinor, d.FeeMinor, d.Currency, d.Channel, d.Campaign != null ? d.Campaign.Name : null, d.TransactionId, d.IsRecurring, d.AcknowledgedOn,
            d.IsAnonymous ? null : d.PersonId, d.IsAnonymous ? null : d.OrganisationId));
    }
}
