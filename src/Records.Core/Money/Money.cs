using System.Globalization;

namespace Records.Core.Money;

/// <summary>An amount in whole minor units (cents) of an ISO 4217 currency. Never a float.</summary>
public readonly record struct Money(long Minor, string Currency)
{
    public static int Exponent(string currency) => currency.ToUpperInvariant() switch
    {
        "JPY" or "KRW" or "CLP" or "ISK" or "VND" => 0,
        "BHD" or "KWD" or "OMR" or "JOD" or "TND" => 3,
        _ => 2,
    };

    /// <summary>Formats like "$627,000.00" for USD and "1,500.00 EUR" for others; whole amounts can drop the minor part.</summary>
    public string Format(bool dropZeroMinor = false)
    {
        var exponent = Exponent(Currency);
        var factor = (long)Math.Pow(10, exponent);
        var whole = Math.Abs(Minor) / factor;
        var fraction = Math.Abs(Minor) % factor;
        var sign = Minor < 0 ? "-" : "";
        var number = whole.ToString("#,0", CultureInfo.InvariantCulture);
        if (exponent > 0 && !(dropZeroMinor && fraction == 0))
        {
            number += "." + fraction.ToString(new string('0', exponent), CultureInfo.InvariantCulture);
        }
        return Currency.ToUpperInvariant() switch
        {
            "USD" => $"{sign}${number}",
            "EUR" => $"{sign}€{number}",
            "GBP" => $"{sign}£{number}",
            _ => $"{sign}{number} {Currency.ToUpperInvariant()}",
        };
    }

    public override string ToString() => Format();

    /// <summary>Parses what a person types ("1,500", "1500.5", "$20") into minor units; false when it is not an amount.</summary>
    public static bool TryParse(string? text, string currency, out long minor)
    {
        minor = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var cleaned = text.Trim().TrimStart('$', '€', '£').Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return false;
        var scaled = value * (decimal)Math.Pow(10, Exponent(currency));
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue) return false;
        minor = (long)scaled;
        return true;
    }

    public static Money FromMajor(long major, string currency) => new(major * (long)Math.Pow(10, Exponent(currency)), currency);
}
