using Records.Core.Amounts;
namespace Records.Core.Sponsors;

/// <summary>The terms a sponsorship gets when Staff leave them out.</summary>
public static class SponsorshipTerms
{
    /// <summary>Twelve months from the start: a sponsorship starting Mar 1, 2024 ends Feb 28, 2025.</summary>
    public static DateOnly DefaultEnd(DateOnly startsOn) => startsOn.AddYears(1).AddDays(-1);

    /// <summary>Donated services count only where the package accepts them, or outside the price list.</summary>
    public static bool InKindAllowed(SponsorPackage? package) => package is null || package.InKindAccepted;

    /// <summary>A hundred million in the currency's major units: above it an amount is a typing mistake, not a sponsorship.</summary>
    public static long MaxAmountMinor(string currency) => 100_000_000L * Money.MinorPerMajor(currency);
}
