using System.Text.RegularExpressions;
using Records.Core.Amounts;

namespace Records.Core.Donations.Import;

/// <summary>Amounts as processors write them in accounts outside the US: 1.234,56 and 1 234,56 are read as 1234.56.</summary>
internal static partial class ImportAmounts
{
    public static string Normalise(string written)
    {
        if (written.Length > 40) return written;
        var squeezed = Spaces().Replace(written, "");
        return DecimalComma().IsMatch(squeezed) ? squeezed.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') : written;
    }

    public static string Format(long minor, string currency) => new Money(minor, currency).Format();

    [GeneratedRegex(@"[\s\u00A0\u202F]")]
    private static partial Regex Spaces();

    /// <summary>A decimal comma with one or two decimals, after whole digits or thousands grouped by points.</summary>
    [GeneratedRegex(@"^[-+]?[$€£¥]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d{1,2}(?:[A-Za-z]{3})?$")]
    private static partial Regex DecimalComma();
}
