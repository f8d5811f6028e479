using Records.Core.Amounts;
using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Donations;

namespace Records.Web.Pages.Donations;

/// <summary>
/// The ledger's filter as typed in the query string (text, so a wrong value gets a message instead of a binding
/// failure), shared by the ledger and its CSV export so both select exactly the same donations.
/// </summary>
public sealed class LedgerFilter
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Channel { get; set; }
    public string? Campaign { get; set; }
    public string? Donor { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }
    public string? Acknowledged { get; set; }

    public bool IsEmpty =>
        new[] { From, To, Channel, Campaign, Donor, Min, Max }.All(string.IsNullOrWhiteSpace) && AcknowledgedChoice is null;

    public DateOnly? FromDate => ParseDate(From);
    public DateOnly? ToDate => ParseDate(To);
    public decimal? MinAmount => ParseAmount(Min);
    public decimal? MaxAmount => ParseAmount(Max);
    public DonationChannel? ChannelChoice => Enum.TryParse<DonationChannel>(Channel, ignoreCase: true, out var c) && Enum.IsDefined(c) && !int.TryParse(Channel, out _) ? c : null;
    public int? CampaignId => int.TryParse(Campaign, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    public bool? AcknowledgedChoice => Acknowledged?.Trim().ToLowerInvariant() switch { "yes" => true, "no" => false, _ => null };

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static decimal? ParseAmount(string? text) =>
        decimal.TryParse(text?.Trim().TrimStart('$', '€', '£').Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var v) && v <= 1_000_000_000_000m ? v : null;

    /// <summary>No dates in the query at all: the last <see cref="Ledger.DefaultDays"/> days (empty dates mean all time).</summary>
    public void UseDefaultPeriod(Microsoft.AspNetCore.Http.IQueryCollection query, DateOnly today)
    {
        if (query.ContainsKey("from") || query.ContainsKey("to")) return;
        From = today.AddDays(1 - Ledger.DefaultDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The query string that reproduces this filter (for sort links, pages and the export); dates always, even empty.</summary>
    public string Query()
    {
        var parts = new (string Key, string? Value)[]
        {
            ("from", From), ("to", To), ("channel", Channel), ("campaign", Campaign), ("donor", Donor), ("min", Min), ("max", Max), ("acknowledged", Acknowledged),
        };
        return string.Join("&", parts.Where(p => p.Key is "from" or "to" || !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value?.Trim() ?? "")}"));
    }

    /// <summary>Whether the filter asks about more than a gift's day, channel and campaign, the keys of <see cref="DonationDay"/>.</summary>
    public bool NeedsGifts => !string.IsNullOrWhiteSpace(Donor) || MinAmount is not null || MaxAmount is not null || AcknowledgedChoice is not null;

    /// <summary>The daily sums of the days, channel and campaign chosen; only for a filter that does not <see cref="NeedsGifts"/>.</summary>
    public IQueryable<DonationDay> Apply(IQueryable<DonationDay> days)
    {
        if (FromDate is { } from) days = days.Where(d => d.Day >= from);
        if (ToDate is { } to) days = days.Where(d => d.Day <= to);
        if (ChannelChoice is { } channel) days = days.Where(d => d.Channel == channel);
        if (CampaignId is { } campaign) days = days.Where(d => d.CampaignId == campaign);
        return days;
    }

    /// <summary>Only valid filters reach here (see <see cref="Validator"/>).</summary>
    public IQueryable<Donation> Apply(IQueryable<Donation> donations, IDatabaseProvider provider)
    {
        if (FromDate is { } from) donations = donations.Where(d => d.ReceivedOn >= from);
        if (ToDate is { } to) donations = donations.Where(d => d.ReceivedOn <= to);
        if (ChannelChoice is { } channel) donations = donations.Where(d => d.Channel == channel);
        if (CampaignId is { } campaign) donations = donations.Where(d => d.CampaignId == campaign);
        if (AcknowledgedChoice is { } acknowledged) donations = acknowledged ? donations.Where(d => d.AcknowledgedOn != null) : donations.Where(d => d.AcknowledgedOn == null);
        if (!string.IsNullOrWhiteSpace(Donor))
        {
            // An anonymous gift never matches a name, so a search cannot reveal who gave it.
            donations = donations.Where(d => !d.IsAnonymous)
                .Where(provider.ContainsIgnoringCase<Donation>(Donor.Trim(), d => d.Person!.Name, d => d.Organisation!.Name));
        }
        if (MinAmount is { } min)
        {
            var (m0, m2, m3) = (Minor(min, 0, up: true), Minor(min, 2, up: true), Minor(min, 3, up: true));
            donations = donations.Where(d => ZeroDecimal.Contains(d.Currency) ? d.AmountMinor >= m0
                : ThreeDecimals.Contains(d.Currency) ? d.AmountMinor >= m3 : d.AmountMinor >= m2);
        }
        if (MaxAmount is { } max)
        {
            var (m0, m2, m3) = (Minor(max, 0, up: false), Minor(max, 2, up: false), Minor(max, 3, up: false));
            donations = donations.Where(d => ZeroDecimal.Contains(d.Currency) ? d.AmountMinor <= m0
                : ThreeDecimals.Contains(d.Currency) ? d.AmountMinor <= m3 : d.AmountMinor <= m2);
        }
        return donations;
    }

    // The same lists as Money.Exponent: amounts are typed in major units, stored in each currency's minor units.
    private static readonly string[] ZeroDecimal = [.. Money.ZeroDecimals];
    private static readonly string[] ThreeDecimals = [.. Money.ThreeDecimals];

    private static long Minor(decimal major, int exponent, bool up)
    {
        var scaled = major * (decimal)Math.Pow(10, exponent);
        return (long)(up ? decimal.Ceiling(scaled) : decimal.Floor(scaled));
    }

    public sealed class Validator : AbstractValidator<LedgerFilter>
    {
        /// <summary>Built once: the rules hold no state, and building them is most of a validation's cost.</summary>
        public static readonly Validator Instance = new();

        public Validator()
        {
            RuleFor(f => f.From).Must(v => ParseDate(v) is not null).When(f => !string.IsNullOrWhiteSpace(f.From))
                .WithMessage("Enter a date like 2025-01-31.");
            RuleFor(f => f.To).Must(v => ParseDate(v) is not null).When(f => !string.IsNullOrWhiteSpace(f.To))
                .WithMessage("Enter a date like 2025-12-31.");
            RuleFor(f => f.To).Must((f, _) => f.ToDate >= f.FromDate).When(f => f.FromDate is not null && f.ToDate is not null)
                .WithMessage("The end date is before the start date.");
            RuleFor(f => f.Channel).Must((f, _) => f.ChannelChoice is not null).When(f => !string.IsNullOrWhiteSpace(f.Channel))
                .WithMessage("Choose one of the channels in the list.");
            RuleFor(f => f.Campaign).Must((f, _) => f.CampaignId is not null).When(f => !string.IsNullOrWhiteSpace(f.Campaign))
                .WithMessage("Choose one of the campaigns in the list.");
            RuleFor(f => f.Donor).MaximumLength(Limits.Name).WithMessage("A donor's name is at most 200 characters.");
            RuleFor(f => f.Min).Must(v => ParseAmount(v) is not null).When(f => !string.IsNullOrWhiteSpace(f.Min))
                .WithMessage("Enter an amount like 250 or 99.50.");
            RuleFor(f => f.Max).Must(v => ParseAmount(v) is not null).When(f => !string.IsNullOrWhiteSpace(f.Max))
                .WithMessage("Enter an amount like 1000 or 99.50.");
            RuleFor(f => f.Max).Must((f, _) => f.MaxAmount >= f.MinAmount).When(f => f.MinAmount is not null && f.MaxAmount is not null)
                .WithMessage("The largest amount is below the smallest.");
            RuleFor(f => f.Acknowledged).Must(v => v is "yes" or "no" or "any").When(f => !string.IsNullOrWhiteSpace(f.Acknowledged))
                .WithMessage("Choose yes, no or any.");
        }
    }
}
