using Records.Core.Amounts;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Text;

namespace Records.Core.Reports;

/// <summary>The wording US practice asks of an acknowledgement: what the donor got back, and so what they may deduct.</summary>
public static class QuidProQuo
{
    public static long Deductible(long amountMinor, long quidProQuoMinor) => Math.Max(0, amountMinor - quidProQuoMinor);

    public static string Statement(long amountMinor, long quidProQuoMinor, string currency, bool severalGifts = false) => quidProQuoMinor > 0
        ? $"You received goods or services valued at {new Money(quidProQuoMinor, currency).Format()} in return; the deductible part of your {(severalGifts ? "gifts" : "gift")} is {new Money(Deductible(amountMinor, quidProQuoMinor), currency).Format()}."
        : $"No goods or services were provided in exchange for {(severalGifts ? "these gifts" : "this gift")}.";

    public static string Day(DateOnly day) => day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}

/// <summary>One gift as its acknowledgement letter states it.</summary>
public sealed record Acknowledgement(int DonationId, string Donor, string? Email, long AmountMinor, string Currency, DateOnly ReceivedOn, long QuidProQuoMinor)
{
    public const string AnonymousRefusal = "This gift was given anonymously: there is no named donor to thank, so no acknowledgement letter can be written.";

    public string Amount => new Money(AmountMinor, Currency).Format();
    public string ThankYou => $"Thank you for your gift of {Amount} received on {QuidProQuo.Day(ReceivedOn)}.";
    public string QuidProQuoStatement => QuidProQuo.Statement(AmountMinor, QuidProQuoMinor, Currency);

    /// <summary>The letter, or null and the reason it cannot be written; null and null when there is no such gift.</summary>
    public static async Task<(Acknowledgement? Letter, string? Refusal)> LoadAsync(RecordsDbContext db, int donationId, CancellationToken ct = default)
    {
        var gift = await db.Donations.AsNoTracking().Where(d => d.Id == donationId)
            .Select(d => new
            {
                d.Id, d.IsAnonymous, d.AmountMinor, d.Currency, d.ReceivedOn, d.QuidProQuoMinor,
                Person = d.Person == null ? null : d.Person.Name, PersonEmail = d.Person == null ? null : d.Person.Email,
                Organisation = d.Organisation == null ? null : d.Organisation.Name,
                OrganisationEmail = d.Organisation == null ? null : d.Organisation.PrimaryContactEmail ?? d.Organisation.AccountingContactEmail,
            }).SingleOrDefaultAsync(ct);
        if (gift is null) return (null, null);
        if (gift.IsAnonymous || (gift.Person ?? gift.Organisation) is null) return (null, AnonymousRefusal);
        return (new Acknowledgement(gift.Id, gift.Person ?? gift.Organisation!, gift.Person is null ? gift.OrganisationEmail : gift.PersonEmail,
            gift.AmountMinor, gift.Currency, gift.ReceivedOn, gift.QuidProQuoMinor), null);
    }
}

/// <summary>A donor's gifts of one calendar year, for their tax records; anonymous gifts are left out, as on every named list.</summary>
public sealed record GivingStatement(int PersonId, string Donor, string? Email, int Year, IReadOnlyList<int> Years,
    IReadOnlyList<GivingStatement.Gift> Gifts, IReadOnlyList<GivingStatement.Total> Totals)
{
    public sealed record Gift(int Id, DateOnly ReceivedOn, string Channel, string? Campaign, long AmountMinor, long QuidProQuoMinor, string Currency)
    {
        public long DeductibleMinor => QuidProQuo.Deductible(AmountMinor, QuidProQuoMinor);
    }

    public sealed record Total(string Currency, int Count, long AmountMinor, long QuidProQuoMinor, long DeductibleMinor)
    {
        public string Statement => QuidProQuo.Statement(AmountMinor, QuidProQuoMinor, Currency, severalGifts: Count > 1);
    }

    public static string NoGifts(string donor, int year) => $"{donor} made no named gifts in {year}.";

    public IReadOnlyList<IReadOnlyList<string>> GiftRows() => Gifts.Select(g => (IReadOnlyList<string>)[
        g.ReceivedOn.ToString("MMM d, yyyy", CultureInfo.InvariantCulture), g.Channel, g.Campaign ?? "—", M(g.AmountMinor, g.Currency),
        M(g.QuidProQuoMinor, g.Currency), M(g.DeductibleMinor, g.Currency)]).ToList();

    public IReadOnlyList<IReadOnlyList<string>> TotalRows() => Totals.Select(t => (IReadOnlyList<string>)[
        t.Currency, t.Count.ToString("#,0", CultureInfo.InvariantCulture), M(t.AmountMinor, t.Currency), M(t.QuidProQuoMinor, t.Currency), M(t.DeductibleMinor, t.Currency)]).ToList();

    private static string M(long minor, string currency) => new Money(minor, currency).Format();

    /// <summary>
    /// Null when there is no such person; a statement with no gifts when they gave nothing named that year. Without a year, the
    /// latest they gave in (or <paramref name="thisYear"/> when they never gave). Four queries.
    /// </summary>
    public static async Task<GivingStatement?> LoadAsync(RecordsDbContext db, int personId, int? year, int thisYear, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Name, p.Email }).SingleOrDefaultAsync(ct);
        if (person is null) return null;
        var named = db.Donations.AsNoTracking().Where(d => d.PersonId == personId && !d.IsAnonymous);
        var years = await named.Select(d => d.ReceivedOn.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var chosen = year ?? (years.Count > 0 ? years[0] : thisYear);
        var (from, to) = (new DateOnly(chosen, 1, 1), new DateOnly(chosen, 12, 31));
        var ofYear = named.Where(d => d.ReceivedOn >= from && d.ReceivedOn <= to);
        var gifts = await ofYear.OrderBy(d => d.ReceivedOn).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.ReceivedOn, d.Channel, Campaign = d.Campaign == null ? null : d.Campaign.Name, d.AmountMinor, d.QuidProQuoMinor, d.Currency })
            .ToListAsync(ct);
        var totals = await ofYear.GroupBy(d => d.Currency).OrderBy(g => g.Key)
            .Select(g => new Total(g.Key, g.Count(), g.Sum(d => d.AmountMinor), g.Sum(d => d.QuidProQuoMinor),
                g.Sum(d => d.QuidProQuoMinor > d.AmountMinor ? 0 : d.AmountMinor - d.QuidProQuoMinor)))
            .ToListAsync(ct);
        return new GivingStatement(personId, person.Name, person.Email, chosen, years,
            gifts.Select(g => new Gift(g.Id, g.ReceivedOn, g.Channel.DisplayName(), g.Campaign, g.AmountMinor, g.QuidProQuoMinor, g.Currency)).ToList(),
            totals);
    }
}
