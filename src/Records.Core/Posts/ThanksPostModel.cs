using Records.Core.Amounts;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Sponsors;

namespace Records.Core.Posts;

/// <summary>
/// What a thank-you post is written from: the gifts of a campaign or a period and the sponsors whose sponsorships ran
/// in it. Anonymous donors are counted but never named.
/// </summary>
public sealed record ThanksPostModel(
    string Foundation, string FoundationShort, string Campaign, string Period, int DonorCount, int GiftCount, int SponsorCount, bool ShowTotals,
    IReadOnlyList<ThanksPostModel.TotalEntry> Totals, bool NameDonors, IReadOnlyList<string> Donors, IReadOnlyList<ThanksPostModel.TierEntry> Tiers)
{
    public sealed record TotalEntry(string Currency, string Amount, long Minor);
    public sealed record TierEntry(string Name, IReadOnlyList<string> Sponsors);

    public const string OtherSponsors = "Other sponsors";

    public static readonly IReadOnlyList<string> Fields =
    [
        "foundation", "foundation_short", "campaign", "period", "donor_count", "gift_count", "sponsor_count", "show_totals", "totals (each: currency, amount, minor)",
        "name_donors", "donors", "tiers (each: name, sponsors)",
    ];

    /// <summary>
    /// For a campaign: the gifts made to it, and the gifts with no campaign received during its dates (an import does not
    /// name a campaign), with the dates of its gifts when it has none; or for the period from–to, both days included.
    /// </summary>
    public static async Task<ThanksPostModel?> LoadAsync(RecordsDbContext db, int? campaignId, DateOnly? from, DateOnly? to, bool showTotals, bool nameDonors,
        PostSettings settings, CancellationToken ct = default)
    {
        var gifts = db.Donations.AsNoTracking();
        string? campaign = null;
        if (campaignId is { } id)
        {
            var c = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Name, c.StartsOn, c.EndsOn }).FirstOrDefaultAsync(ct);
            if (c is null) return null;
            campaign = PostText.Clean(c.Name);
            var tagged = gifts.Where(d => d.CampaignId == id);
            from = c.StartsOn ?? await tagged.MinAsync(d => (DateOnly?)d.ReceivedOn, ct);
            to = c.EndsOn ?? await tagged.MaxAsync(d => (DateOnly?)d.ReceivedOn, ct);
            var (starts, ends) = (c.StartsOn, c.EndsOn);
            gifts = starts is not null && ends is not null
                ? gifts.Where(d => d.CampaignId == id || (d.CampaignId == null && d.ReceivedOn >= starts && d.ReceivedOn <= ends))
                : tagged;
        }
        else if (from is { } f && to is { } t)
        {
            gifts = gifts.Where(d => d.ReceivedOn >= f && d.ReceivedOn <= t);
        }
        else return null;

        var totals = (await gifts.GroupBy(d => d.Currency).Select(g => new { Currency = g.Key, Minor = g.Sum(d => d.AmountMinor), Gifts = g.Count() }).ToListAsync(ct))
            .OrderBy(t => CurrencyPlace(t.Currency)).ThenBy(t => t.Currency, StringComparer.Ordinal).ToList();
        var people = await gifts.Where(d => d.PersonId != null).Select(d => d.PersonId).Distinct().CountAsync(ct);
        var unnamed = await gifts.CountAsync(d => d.PersonId == null && d.OrganisationId == null, ct);
        var donors = nameDonors
            ? await gifts.Where(d => d.PersonId != null && !d.IsAnonymous && !gifts.Any(a => a.PersonId == d.PersonId && a.IsAnonymous))
                .Select(d => d.Person!.Name).Distinct().OrderBy(n => n).ToListAsync(ct)
            : [];
        var tiers = from is { } start && to is { } end ? await TiersAsync(db, start, end, ct) : [];
        return new ThanksPostModel(settings.Foundation, settings.FoundationShort, campaign ?? "", PeriodText(from, to), people + unnamed, totals.Sum(t => t.Gifts),
            tiers.Sum(t => t.Sponsors.Count), showTotals,
            totals.Select(t => new TotalEntry(t.Currency, new Money(t.Minor, t.Currency).Format(), t.Minor)).ToList(),
            nameDonors, donors.Select(PostText.Clean).ToList(), tiers);
    }

    /// <summary>Each sponsor once, under the best-ranked package it held during the period; sponsorships outside the price list last.</summary>
    private static async Task<List<TierEntry>> TiersAsync(RecordsDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.Sponsorships.AsNoTracking()
            .Where(s => (s.Status == SponsorshipStatus.Approved || s.Status == SponsorshipStatus.Finalized) && s.StartsOn <= to && s.EndsOn >= from)
            .Select(s => new { s.SponsorId, Sponsor = s.Sponsor.Name, Tier = s.Package != null ? s.Package.Name : null, Rank = s.Package != null ? s.Package.Rank : int.MaxValue })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.SponsorId)
            .Select(g => g.OrderBy(r => r.Rank).First())
            .GroupBy(r => r.Tier ?? OtherSponsors)
            .OrderBy(g => g.Min(r => r.Rank)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TierEntry(PostText.Clean(g.Key), g.Select(r => PostText.Clean(r.Sponsor)).Order(StringComparer.CurrentCultureIgnoreCase).ToList()))
            .ToList();
    }

    /// <summary>Amounts are listed per currency, never added across currencies: the usual currencies first ("$12,345.00 and €1,000.00").</summary>
    private static int CurrencyPlace(string currency) =>
        Currencies.Common.ToList().IndexOf(currency) is >= 0 and var place ? place : int.MaxValue;

    private static string PeriodText(DateOnly? from, DateOnly? to) =>
        from is { } f && to is { } t
            ? $"{f.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)} to {t.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}"
            : "";
}
