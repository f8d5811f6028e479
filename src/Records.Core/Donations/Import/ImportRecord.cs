using Records.Core.People;
using System.Globalization;
using CsvHelper;
using Records.Core.Money;

namespace Records.Core.Donations.Import;

/// <summary>One record of a processor file as written, and the checks it must pass to become a donation.</summary>
internal sealed record ImportRecord(string Date, string Amount, string Currency, string TransactionId, string Fee, string Email,
    string Name, string Recurring, string Status, string Type, string Refunded)
{
    /// <summary>Ten million in the currency's major units: more than any gift the foundation has had, so a typing error.</summary>
    public const long AbsurdMajor = 10_000_000;

    public bool IsBlank => Date.Length == 0 && Amount.Length == 0 && Currency.Length == 0 && TransactionId.Length == 0 && Email.Length == 0 && Name.Length == 0;

    /// <summary>Where each field is in this file; -1 for a field it lacks.</summary>
    internal sealed record Columns(int Date, int Amount, int Currency, int TransactionId, int Fee, int Email, int Name, int Recurring, int Status, int Type, int Refunded)
    {
        public static Columns Find(IReadOnlyList<string> headers, ImportLayout layout)
        {
            int Index(string? name) => name is null ? -1 : IndexOf(headers, name);
            var missing = layout.RequiredColumns.Where(c => Index(c) < 0).ToList();
            if (missing.Count > 0)
            {
                throw new DonationFileException(
                    $"This is not a {layout.Kind} file as the import reads it: the first line lacks the column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(m => $"\"{m}\""))}.");
            }
            var c = layout.Columns;
            return new Columns(Index(c.Date), Index(c.Amount), Index(c.Currency), Index(c.TransactionId), Index(c.Fee), Index(c.Email),
                Index(c.Name), Index(c.Recurring), Index(c.Status), Index(c.Type), Index(c.Refunded));
        }

        private static int IndexOf(IReadOnlyList<string> headers, string name)
        {
            for (var i = 0; i < headers.Count; i++) if (string.Equals(headers[i], name, StringComparison.Ordinal)) return i;
            for (var i = 0; i < headers.Count; i++) if (string.Equals(headers[i], name, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }
    }

    public static ImportRecord Read(CsvReader reader, Columns c)
    {
        string Field(int index) => index >= 0 && index < reader.FieldCount ? (reader.GetString(index) ?? "").Trim() : "";
        return new ImportRecord(Field(c.Date), Field(c.Amount), Field(c.Currency), Field(c.TransactionId), Field(c.Fee), Field(c.Email),
            Field(c.Name), Field(c.Recurring), Field(c.Status), Field(c.Type), Field(c.Refunded));
    }

    /// <summary>A good row; or the row skipped as not a completed payment; or bad, with every reason found.</summary>
    public ImportRead Judge(int line, ImportLayout layout, DateOnly today, TimeZoneInfo zone)
    {
        var id = TransactionId.Length == 0 ? null : TransactionId;
        if (NotAPayment(layout) is { } skipped) return ImportRead.Left(RowOutcome.Skipped, line, id, skipped);

        var reasons = new List<string>();
        if (id is null) reasons.Add("The transaction id is missing.");
        else if (id.Length > 200) reasons.Add("The transaction id is longer than 200 characters.");

        var date = ReadDate(layout, zone, reasons);
        if (date > today) reasons.Add($"The date {date:yyyy-MM-dd} is in the future.");

        var currency = Currency.ToUpperInvariant();
        if (currency.Length == 0) reasons.Add("The currency is missing.");
        else if (!Currencies.IsKnown(currency)) reasons.Add($"'{Currency}' is not a currency code (ISO 4217, such as USD or EUR).");
        var amountCurrency = Currencies.IsKnown(currency) ? currency : "USD";

        var amount = ReadAmount(amountCurrency, reasons);
        long fee = 0;
        if (Fee.Length > 0)
        {
            var read = MoneyText.Read(Fee, amountCurrency);
            if (read.Error is { } error) reasons.Add($"The fee: {error}");
            fee = Math.Abs(read.Minor ?? 0); // PayPal writes the fee it takes as a negative number.
            if (amount is { } a && fee > a) reasons.Add($"The fee {Fee} is more than the amount {Amount}.");
        }

        var email = Email.Length == 0 ? null : Email;
        if (email is not null && !EmailRule.IsValid(email))
            reasons.Add($"The email '{email}' is not an email address.");
        if (Name.Length > 200) reasons.Add("The name is longer than 200 characters.");

        if (reasons.Count > 0) return ImportRead.Left(RowOutcome.Bad, line, id, string.Join(" ", reasons));
        return ImportRead.Good(new ImportRow(line, id!, date!.Value, amount!.Value, fee, currency, email, Name.Length == 0 ? null : Name, IsRecurring));
    }

    private string? NotAPayment(ImportLayout layout)
    {
        if (Type.Contains("refund", StringComparison.OrdinalIgnoreCase) || Type.Contains("reversal", StringComparison.OrdinalIgnoreCase))
            return $"Not a gift: the type is '{Type}'.";
        if (layout.CompletedStatuses.Count > 0 && !layout.CompletedStatuses.Contains(Status, StringComparer.OrdinalIgnoreCase))
            return Status.Length == 0 ? "Not a completed payment: the status is missing." : $"Not a completed payment: the status is '{Status}'.";
        var currency = Currencies.IsKnown(Currency) ? Currency : "USD";
        if (Refunded.Length > 0 && MoneyText.Read(Refunded, currency).Minor is > 0 and var refunded
            && MoneyText.Read(Amount, currency).Minor is { } amount && refunded >= amount)
            return "Refunded in full.";
        return null;
    }

    private DateOnly? ReadDate(ImportLayout layout, TimeZoneInfo zone, List<string> reasons)
    {
        if (Date.Length == 0)
        {
            reasons.Add("The date is missing.");
            return null;
        }
        var styles = layout.DatesInUtc ? DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal : DateTimeStyles.None;
        if (!DateTime.TryParseExact(Date, layout.DateFormats, CultureInfo.InvariantCulture, styles | DateTimeStyles.AllowWhiteSpaces, out var when))
        {
            reasons.Add($"The date '{Date}' is not a date written {ImportLayout.Example(Choice(layout))}.");
            return null;
        }
        return DateOnly.FromDateTime(layout.DatesInUtc ? TimeZoneInfo.ConvertTimeFromUtc(when, zone) : when);
    }

    private static DateFormatChoice Choice(ImportLayout layout) =>
        layout.DateFormats[0].StartsWith("M/", StringComparison.Ordinal) ? DateFormatChoice.MonthDayYear
        : layout.DateFormats[0].StartsWith("d", StringComparison.Ordinal) ? DateFormatChoice.DayMonthYear
        : DateFormatChoice.YearMonthDay;

    private long? ReadAmount(string currency, List<string> reasons)
    {
        if (Amount.Length == 0)
        {
            reasons.Add("The amount is missing.");
            return null;
        }
        var reading = MoneyText.Read(Amount, currency);
        if (reading.Minor is not { } minor)
        {
            reasons.Add($"The amount: {reading.Error}");
            return null;
        }
        if (Refunded.Length > 0)
        {
            var refund = MoneyText.Read(Refunded, currency);
            if (refund.Error is { } error)
            {
                reasons.Add($"The amount refunded: {error}");
                return null;
            }
            if (refund.Minor > 0) minor -= refund.Minor.Value;
        }
        var limit = Money.Money.FromMajor(AbsurdMajor, currency).Minor;
        if (minor <= 0) reasons.Add($"The amount {Amount} is not more than zero.");
        else if (minor > limit) reasons.Add($"The amount {Amount} is over {AbsurdMajor:#,0} {currency}: most likely a typing error.");
        else return minor;
        return null;
    }

    private bool IsRecurring =>
        Recurring.Length > 0 && (Recurring.Contains("subscription", StringComparison.OrdinalIgnoreCase) || Recurring.Contains("recurring", StringComparison.OrdinalIgnoreCase)
            || Recurring.ToLowerInvariant() is "true" or "yes" or "y" or "1" or "monthly" or "yearly" or "annual");
}
