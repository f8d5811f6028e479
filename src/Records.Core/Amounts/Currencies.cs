namespace Records.Core.Amounts;

/// <summary>The ISO 4217 codes a gift or a goal may be recorded in: a typo such as "USS" is refused, not stored.</summary>
public static class Currencies
{
    /// <summary>The currencies offered first in lists: the ones the foundation's gifts actually arrive in.</summary>
    public static readonly IReadOnlyList<string> Common = ["USD", "EUR", "GBP", "CAD", "AUD", "JPY", "CHF"];

    /// <summary>Active ISO 4217 currency codes (funds, metals and testing codes left out).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND",
        "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF",
        "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD",
        "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW",
        "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR",
        "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN",
        "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN",
        "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES",
        "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>True for a known code as typed, after trimming and upper-casing ("usd" is USD).</summary>
    public static bool IsKnown(string? code) => code is not null && Known.Contains(Normalise(code));

    public static string Normalise(string code) => code.Trim().ToUpperInvariant();

    /// <summary>The common currencies first, then every other code in order: what a currency list offers.</summary>
    public static IEnumerable<string> ForLists() => Common.Concat(All.Except(Common));
}
