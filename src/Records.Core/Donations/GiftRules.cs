using Records.Core.Amounts;

namespace Records.Core.Donations;

/// <summary>What a gift may be: a positive amount under a ceiling no real gift reaches, fee and benefit within it.</summary>
public static class GiftRules
{
    /// <summary>Ten million in the gift's currency: above it an amount is a typing slip (an extra zero or two), not a gift.</summary>
    public const long LargestMajor = 10_000_000;

    public static long LargestMinor(string currency) => Money.FromMajor(LargestMajor, currency).Minor;

    public static bool IsPlausibleAmount(long minor, string currency) => minor > 0 && minor <= LargestMinor(currency);

    /// <summary>A fee or a quid-pro-quo value: not negative and never more than the gift.</summary>
    public static bool IsWithinGift(long partMinor, long amountMinor) => partMinor >= 0 && partMinor <= amountMinor;
}

/// <summary>The written acknowledgement US practice asks for: above a threshold, stating any goods or services given in return.</summary>
public static class Acknowledgement
{
    public const string NothingInReturn = "No goods or services were provided in exchange for this gift.";

    public static bool IsNeeded(long amountMinor, string currency, long thresholdMinor, string thresholdCurrency) =>
        string.Equals(currency, thresholdCurrency, StringComparison.OrdinalIgnoreCase) && amountMinor >= thresholdMinor;

    /// <summary>
    /// The gifts not acknowledged yet that <see cref="IsNeeded"/> says need it, as a query: gifts keep their currency
    /// code in capitals, so the code is compared exactly there.
    /// </summary>
    public static IQueryable<Donation> Awaiting(IQueryable<Donation> donations, long thresholdMinor, string thresholdCurrency)
    {
        var currency = thresholdCurrency.ToUpperInvariant();
        return donations.Where(d => d.AcknowledgedOn == null && d.Currency == currency && d.AmountMinor >= thresholdMinor);
    }

    /// <summary>The quid-pro-quo statement: the value received in return and the deductible part, or that there was none.</summary>
    public static string QuidProQuo(long amountMinor, long quidProQuoMinor, string currency)
    {
        if (quidProQuoMinor <= 0) return NothingInReturn;
        var received = new Money(quidProQuoMinor, currency).Format();
        var deductible = new Money(Math.Max(0, amountMinor - quidProQuoMinor), currency).Format();
        return $"You received goods or services valued at {received} in return; the deductible part of your gift is {deductible}.";
    }
}
