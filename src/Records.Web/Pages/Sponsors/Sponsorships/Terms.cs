using System.Globalization;
using Records.Core.Amounts;
using Records.Core.Sponsors;

namespace Records.Web.Pages.Sponsors.Sponsorships;

/// <summary>How the sponsorship pages read and write dates and amounts, and how they date a change in the history.</summary>
public static class Terms
{
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string IsoDate(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    public static string Period(DateOnly starts, DateOnly ends) => $"{Day(starts)} – {Day(ends)}";

    /// <summary>An amount typed in major units, or null when it is not one (or the currency is not a code).</summary>
    public static long? ParseAmount(string? text, string? currency) =>
        Currencies.IsKnown(currency) ? MoneyText.Read(text, currency!.Trim()).Minor : null;

    /// <summary>An amount for an input box: "15000.00", which <see cref="MoneyText.Read"/> reads back.</summary>
    public static string Plain(long minor, string currency) => Money.Plain(minor, currency);

    public static string Fee(long? feeMinor, long? inKindMinor, string currency) =>
        (feeMinor, inKindMinor) switch
        {
            ({ } fee, { } value) => $"{Format(fee, currency)} + {Format(value, currency)} in kind",
            ({ } fee, null) => Format(fee, currency),
            (null, { } value) => $"{Format(value, currency)} in kind",
            _ => "not stated",
        };

    public static string Format(long minor, string currency) => new Money(minor, currency).Format(dropZeroMinor: true);

    /// <summary>Adds a dated row to the history; the caller saves it with the change itself.</summary>
    public static void Record(Sponsorship sponsorship, SponsorshipChange change, string? from, string? to, string? note, string by, DateTime at) =>
        sponsorship.History.Add(new SponsorshipEvent { Change = change, From = from, To = to, Note = note, By = by, At = at });

    public static string Who(System.Security.Claims.ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
