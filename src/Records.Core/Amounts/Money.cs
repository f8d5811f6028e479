using System.Globalization;

namespace Records.Core.Amounts;

/// <summary>An amount in whole minor units (cents) of an ISO 4217 currency. Never a float.</summary>
public readonly record struct Money(long Minor, string Currency)
{
    /// <summary>ISO 4217 currencies without a minor unit (a yen is never split).</summary>
    public static readonly IReadOnlyList<string> ZeroDecimals =
        ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];

    /// <summary>ISO 4217 currencies with thousandths (a Kuwaiti dinar has 1,000 fils).</summary>
    public static readonly IReadOnlyList<string> ThreeDecimals = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    /// <summary>Digits of the minor part: 0 for JPY, 3 for KWD, 2 for the rest.</summary>
    public static int Exponent(string currency)
    {
        var code = currency.Trim().ToUpperInvariant();
        return ZeroDecimals.Contains(code) ? 0 : ThreeDecimals.Contains(code) ? 3 : 2;
    }

    /// <summary>Minor units in one major unit: 100 cents in a dollar, 1 for JPY, 1,000 fils in a Kuwaiti dinar.</summary>
    public static long MinorPerMajor(string currency) => Exponent(currency) switch { 0 => 1, 3 => 1_000, _ => 100 };

    /// <summary>
    /// The amount without symbol or thousands separator, with the currency's decimals ("1234.50", "3" for JPY): what a
    /// spreadsheet reads as a number and what <see cref="MoneyText.Read"/> reads back from an input box.
    /// </summary>
    public string Plain()
    {
        var exponent = Exponent(Currency);
        return (Minor / (decimal)MinorPerMajor(Currency)).ToString("F" + exponent, CultureInfo.InvariantCulture);
    }

    public static string Plain(long minor, string currency) => new Money(minor, currency).Plain();

    /// <summary>Formats like "$627,000.00" for USD and "1,500.00 EUR" for others; whole amounts can drop the minor part.</summary>
    public string Format(bool dropZeroMinor = false)
    {
        var sign = Minor < 0 ? "-" : "";
        var number = Digits(dropZeroMinor);
        return Currency.ToUpperInvariant() switch
        {
            "USD" => $"{sign}${number}",
            "EUR" => $"{sign}€{number}",
            "GBP" => $"{sign}£{number}",
            _ => $"{sign}{number} {Currency.ToUpperInvariant()}",
        };
    }

    /// <summary>The amount as <see cref="Format"/> writes it but without the currency: "1,500.00", "-20.00".</summary>
    public string Number(bool dropZeroMinor = false) => (Minor < 0 ? "-" : "") + Digits(dropZeroMinor);

    public override string ToString() => Format();

    private string Digits(bool dropZeroMinor)
    {
        var exponent = Exponent(Currency);
        var factor = MinorPerMajor(Currency);
        var whole = Math.Abs(Minor) / factor;
        var fraction = Math.Abs(Minor) % factor;
        var number = whole.ToString("#,0", CultureInfo.InvariantCulture);
        if (exponent > 0 && !(dropZeroMinor && fraction == 0))
        {
            number += "." + fraction.ToString(new string('0', exponent), CultureInfo.InvariantCulture);
        }
        return number;
    }

    /// <summary>Parses what a person types ("1,500", "1500.5", "$20") into minor units; false when it is not an amount (see <see cref="MoneyText.Read"/>).</summary>
    public static bool TryParse(string? text, string currency, out long minor)
    {
        var read = MoneyText.Read(text, currency);
        minor = read.Minor ?? 0;
        return read.Minor is not null;
    }

    public static Money FromMajor(long major, string currency) => new(major * MinorPerMajor(currency), currency);
}
