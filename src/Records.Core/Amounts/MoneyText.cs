using System.Globalization;
using System.Text.RegularExpressions;

namespace Records.Core.Amounts;

/// <summary>An amount as typed, read in one currency: the minor units, or why it is not an amount in that currency.</summary>
public readonly record struct MoneyReading(long? Minor, string? Error)
{
    public bool IsAmount => Minor is not null;
}

/// <summary>
/// The one reading of an amount typed by a person or written in a file, in the currency it is in. Digits the
/// currency cannot hold (3.20 yen, 1.005 dollars) are an error, never rounded away; so are more digits than any amount.
/// </summary>
public static partial class MoneyText
{
    /// <summary>Fifteen digits of minor units: more are refused before they are read, so reading never overflows.</summary>
    public const int MaxDigits = 15;

    /// <summary>
    /// The largest amount Records keeps, in minor units of any currency: 999,999,999,999 (just under ten billion
    /// dollars, or a trillion yen). Every amount field and import refuses more, so a SQL sum of nine million such
    /// amounts still fits in a 64-bit integer (long.MaxValue is about 9.2 × 10^18).
    /// </summary>
    public const long MaxMinor = 999_999_999_999;

    public static MoneyReading Read(string? text, string currency)
    {
        var code = currency.Trim().ToUpperInvariant();
        var exponent = Money.Exponent(code);
        if (string.IsNullOrWhiteSpace(text)) return Fail($"Enter an amount in {code}, such as {Example(exponent)}.");
        var typed = text.Trim();
        var cleaned = Spaces().Replace(typed, "");
        if (cleaned.EndsWith(code, StringComparison.OrdinalIgnoreCase)) cleaned = cleaned[..^code.Length];
        var match = Amount().Match(cleaned);
        if (!match.Success || !cleaned.Any(char.IsAsciiDigit))
        {
            return CommaDecimal().IsMatch(cleaned)
                ? Fail($"Write the decimals after a point, such as {Example(exponent)}: a comma only separates thousands (1,500).")
                : Fail($"“{Shorten(typed)}” is not an amount: write it in {code} like {Example(exponent)}.");
        }
        var whole = match.Groups["whole"].Value.Replace(",", "", StringComparison.Ordinal).TrimStart('0');
        var fraction = match.Groups["fraction"].Value.TrimEnd('0');
        if (whole.Length + exponent > MaxDigits) return Fail($"“{Shorten(typed)}” has more digits than any amount Records keeps: check it.");
        if (fraction.Length > exponent) return Fail(TooPrecise(code, exponent, match.Groups["whole"].Value.Replace(",", "", StringComparison.Ordinal), fraction, typed));
        var minor = long.Parse((whole.Length == 0 ? "0" : whole) + fraction.PadRight(exponent, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        if (minor > MaxMinor) return Fail($"“{Shorten(typed)}” is more than any amount Records keeps: the largest is {Largest(exponent)} {code}.");
        return new MoneyReading(match.Groups["sign"].Value == "-" ? -minor : minor, null);
    }

    /// <summary>"JPY has no minor unit: write 3 or 4, not 3.20."</summary>
    private static string TooPrecise(string code, int exponent, string whole, string fraction, string typed)
    {
        var kept = decimal.Parse((whole.Length == 0 ? "0" : whole) + (exponent == 0 ? "" : "." + fraction[..exponent]), CultureInfo.InvariantCulture);
        var step = 1m / (decimal)Math.Pow(10, exponent);
        string Plain(decimal d) => d.ToString("F" + exponent, CultureInfo.InvariantCulture);
        var what = exponent == 0 ? $"{code} has no minor unit" : $"{code} has {exponent} decimals";
        return $"{what}: write {Plain(kept)} or {Plain(kept + step)}, not {Shorten(typed.TrimStart('-', '+'))}.";
    }

    private static string Largest(int exponent) =>
        (MaxMinor / (decimal)Math.Pow(10, exponent)).ToString(exponent == 0 ? "N0" : "N" + exponent, CultureInfo.InvariantCulture);

    public static string Example(int exponent) => exponent switch
    {
        0 => "250 or 1,500",
        3 => "250 or 99.500",
        _ => "250 or 99.50",
    };

    private static MoneyReading Fail(string error) => new(null, error);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";

    [GeneratedRegex(@"[\s\u00A0\u202F']")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?<sign>[-+]?)[$€£¥]?(?<whole>\d{1,3}(?:,\d{3})+|\d*)(?:\.(?<fraction>\d*))?$")]
    private static partial Regex Amount();

    [GeneratedRegex(@"^[-+]?[$€£¥]?\d+,\d{1,2}$")]
    private static partial Regex CommaDecimal();
}
