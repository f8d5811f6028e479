using System.Text.RegularExpressions;
using CsvHelper;
using Records.Core.Amounts;
using Records.Core.People;

namespace Records.Core.Donations.Import;

/// <summary>One record of a processor file as written, and the checks it must pass to become a donation.</summary>
internal sealed partial class ImportRecord(string?[] values)
{
    /// <summary>Ten million in the currency's major units: more than any gift the foundation has had, so a typing error.</summary>
    public const long AbsurdMajor = 10_000_000;

    private static readonly int FieldCount = Enum.GetValues<ImportField>().Length;

    private string this[ImportField field] => values[(int)field] ?? "";

    /// <summary>Whether the file has the column at all (a field of a column it lacks reads as empty).</summary>
    private bool Has(ImportField field) => values[(int)field] is not null;

    public string Date => this[ImportField.Date];
    public string TransactionId => this[ImportField.TransactionId];

    public bool IsBlank => values.All(v => string.IsNullOrEmpty(v));

    public static ImportRecord Read(CsvReader reader, int[] columns)
    {
        var values = new string?[FieldCount];
        for (var f = 0; f < FieldCount; f++)
        {
            var index = columns[f];
            values[f] = index < 0 ? null : index < reader.FieldCount ? (reader.GetString(index) ?? "").Trim() : "";
        }
        return new ImportRecord(values);
    }

    public static ImportRecord From(string[] fields, int[] columns)
    {
        var values = new string?[FieldCount];
        for (var f = 0; f < FieldCount; f++) values[f] = columns[f] < 0 ? null : columns[f] < fields.Length ? fields[columns[f]] : "";
        return new ImportRecord(values);
    }

    /// <summary>A refund row of a PayPal file: the payment it returns and how much, for <see cref="ImportFacts"/>.</summary>
    public (string Reference, long Minor)? Refund(ImportLayout layout)
    {
        var reference = this[ImportField.Reference];
        if (layout.Kind != ImportLayoutKind.PayPal || reference.Length == 0 || !IsRefundType) return null;
        var currency = CurrencyCode(layout);
        return MoneyText.Read(ImportAmounts.Normalise(this[ImportField.Amount]), Currencies.IsKnown(currency) ? currency : "USD").Minor is { } minor and not 0
            ? (reference, Math.Abs(minor))
            : null;
    }

    /// <summary>A good row; or the row skipped as not a completed payment; or bad, with every reason found.</summary>
    public ImportRead Judge(int line, ImportLayout layout, DateOnly today, TimeZoneInfo zone, ImportFacts facts, DateReading dates)
    {
        var id = TransactionId.Length == 0 ? null : TransactionId;
        var currency = CurrencyCode(layout);
        var amountCurrency = Currencies.IsKnown(currency) ? currency : "USD";
        var status = new PaymentStatus(this, layout, facts, amountCurrency);
        if (status.Skipped is { } skipped) return ImportRead.Left(RowOutcome.Skipped, line, id, skipped);

        var reasons = new List<string>();
        if (status.Problem is { } problem) reasons.Add(problem);
        if (id is null) reasons.Add("The transaction id is missing.");
        else if (id.Length > 200) reasons.Add("The transaction id is longer than 200 characters.");

        var date = ReadDate(layout, zone, dates, reasons);
        if (date > today) reasons.Add($"The date {date:yyyy-MM-dd} is in the future.");

        if (currency.Length == 0) reasons.Add("The currency is missing.");
        else if (!Currencies.IsKnown(currency)) reasons.Add($"'{this[ImportField.Currency]}' is not a currency code (ISO 4217, such as USD or EUR).");

        var amount = ReadAmount(amountCurrency, status.Returned, reasons);
        long fee = 0;
        var feeText = this[ImportField.Fee];
        if (feeText.Length > 0)
        {
            var read = MoneyText.Read(ImportAmounts.Normalise(feeText), amountCurrency);
            if (read.Error is { } error) reasons.Add($"The fee: {error}");
            fee = Math.Abs(read.Minor ?? 0); // PayPal writes the fee it takes as a negative number.
            if (amount is { } a && fee > a) reasons.Add($"The fee {feeText} is more than the amount {(status.Returned > 0 ? ImportAmounts.Format(a, amountCurrency) + " kept" : this[ImportField.Amount])}.");
        }

        var isPrivate = ReadPrivacy(layout, reasons);
        var email = isPrivate || this[ImportField.Email].Length == 0 ? null : this[ImportField.Email];
        if (email is not null && !EmailRule.IsValid(email)) reasons.Add($"The email '{email}' is not an email address.");
        var name = isPrivate ? null : DonorName(layout);
        if (name is { Length: > 200 }) reasons.Add("The name is longer than 200 characters.");

        if (reasons.Count > 0) return ImportRead.Left(RowOutcome.Bad, line, id, string.Join(" ", reasons));
        return ImportRead.Good(new ImportRow(line, id!, date!.Value, amount!.Value, fee, currency, email, name, IsRecurring(layout))
        {
            IsPrivate = isPrivate,
            GitHub = !isPrivate && layout.Kind == ImportLayoutKind.GitHubSponsors && GitHubHandle().IsMatch(this[ImportField.Handle].TrimStart('@'))
                ? this[ImportField.Handle].TrimStart('@') : null,
            Notes = Notes(layout, isPrivate),
            Adjustment = status.Returned > 0 ? status.Adjustment(ImportAmounts.Format(amount!.Value, amountCurrency)) : null,
        });
    }

    private string CurrencyCode(ImportLayout layout)
    {
        var written = this[ImportField.Currency];
        return (written.Length == 0 && layout.FixedCurrency is { } fixedCode ? fixedCode : written).ToUpperInvariant();
    }

    private bool IsRefundType => RefundWords().IsMatch(this[ImportField.Type]);

    private DateOnly? ReadDate(ImportLayout layout, TimeZoneInfo zone, DateReading dates, List<string> reasons)
    {
        if (Date.Length == 0)
        {
            reasons.Add("The date is missing.");
            return null;
        }
        if (ImportDates.Read(Date, dates.Order, layout.DatesInUtc, zone) is { } day) return day;
        reasons.Add(ImportDates.Shape(Date) switch
        {
            DateShape.DayFirstOnly or DateShape.MonthFirstOnly when dates.SettledBy is { } settled =>
                $"The date '{Date}' can only be read {(dates.Order == DateOrder.DayFirst ? "month" : "day")} first, but line {settled.Line} ({settled.Reason}) settles this file as {ImportLayout.Describe(dates.Order)}.",
            DateShape.DayFirstOnly or DateShape.MonthFirstOnly =>
                $"The date '{Date}' can only be read {(dates.Order == DateOrder.DayFirst ? "month" : "day")} first, but the file is read {ImportLayout.Describe(dates.Order)}.",
            _ when ImportDates.LooksLikeADate(Date) => $"The date '{Date}' is not a day of the calendar, read either way.",
            _ => $"The date '{Date}' is not a date the import reads (write it like 2025-04-05, 05/04/2025 or 5 Apr 2025).",
        });
        return null;
    }

    private long? ReadAmount(string currency, long returned, List<string> reasons)
    {
        var written = this[ImportField.Amount];
        if (written.Length == 0)
        {
            reasons.Add("The amount is missing.");
            return null;
        }
        var reading = MoneyText.Read(ImportAmounts.Normalise(written), currency);
        if (reading.Minor is not { } minor)
        {
            reasons.Add($"The amount: {reading.Error}");
            return null;
        }
        minor -= returned;
        var limit = Money.FromMajor(AbsurdMajor, currency).Minor;
        if (minor <= 0) reasons.Add($"The amount {written} is not more than zero.");
        else if (minor > limit) reasons.Add($"The amount {written} is over {AbsurdMajor:#,0} {currency}: most likely a typing error.");
        else return minor;
        return null;
    }

    /// <summary>A GitHub sponsor who chose to be private: never named on anything the foundation publishes.</summary>
    private bool ReadPrivacy(ImportLayout layout, List<string> reasons)
    {
        if (layout.Kind != ImportLayoutKind.GitHubSponsors) return false;
        var written = this[ImportField.Public];
        switch (written.ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "1" or "public": return false;
            case "false" or "no" or "n" or "0" or "private": return true;
            default:
                reasons.Add(written.Length == 0
                    ? "Whether the sponsor is public is missing: the sponsor is taken as private until it is known."
                    : $"'{written}' does not say whether the sponsor is public (true or false).");
                return true;
        }
    }

    private string? DonorName(ImportLayout layout)
    {
        var name = this[ImportField.Name];
        if (name.Length > 0) return name;
        if (this[ImportField.CardName] is { Length: > 0 } onCard) return onCard;
        var handle = this[ImportField.Handle];
        return layout.Kind == ImportLayoutKind.GitHubSponsors && handle.Length > 0 ? "@" + handle.TrimStart('@') : null;
    }

    private string? Notes(ImportLayout layout, bool isPrivate)
    {
        if (layout.Kind != ImportLayoutKind.GitHubSponsors) return null;
        var handle = this[ImportField.Handle].TrimStart('@');
        var tier = this[ImportField.Tier];
        var who = isPrivate ? $"Private GitHub sponsor @{handle}" : $"GitHub sponsor @{handle}";
        return tier.Length > 0 ? $"{who}, tier {tier}" : who;
    }

    private bool IsRecurring(ImportLayout layout)
    {
        var recurring = this[ImportField.Recurring];
        if (layout.Kind == ImportLayoutKind.GitHubSponsors)
        {
            var tier = this[ImportField.Tier];
            if (OneTime().IsMatch(tier)) return false;
            return IsYes(recurring) || Periodic().IsMatch(tier);
        }
        return recurring.Length > 0 && (recurring.Contains("subscription", StringComparison.OrdinalIgnoreCase) || recurring.Contains("recurring", StringComparison.OrdinalIgnoreCase)
            || IsYes(recurring) || recurring.ToLowerInvariant() is "monthly" or "yearly" or "annual");
    }

    private static bool IsYes(string text) => text.ToLowerInvariant() is "true" or "yes" or "y" or "1";

    /// <summary>
    /// Whether the row is a completed payment, how much of it was returned (refunds, lost disputes), and why it is
    /// skipped or cannot be judged, by each processor's own words for it.
    /// </summary>
    private sealed class PaymentStatus
    {
        public string? Skipped { get; }
        public string? Problem { get; }
        public long Returned { get; }
        private readonly string what = "";

        public PaymentStatus(ImportRecord r, ImportLayout layout, ImportFacts facts, string currency)
        {
            var status = r[ImportField.Status];
            var type = r[ImportField.Type];
            var said = status.ToLowerInvariant().Replace('_', ' ').Trim();
            long Minor(ImportField field) => MoneyText.Read(ImportAmounts.Normalise(r[field]), currency).Minor ?? 0;
            if (r.IsRefundType || NotAGift().IsMatch(type))
            {
                Skipped = $"Not a gift: the type is '{type}'.";
                return;
            }
            if (r.Date.Length == 0 && r.TransactionId.Length == 0 && (r[ImportField.Amount].Length == 0 || !r[ImportField.Amount].Any(char.IsAsciiDigit) || r[ImportField.Email].Length == 0))
            {
                Skipped = "Not a payment: a line with neither a date nor a transaction id (a total or a note under the rows).";
                return;
            }
            switch (layout.Kind)
            {
                case ImportLayoutKind.Stripe:
                    if (said is not ("paid" or "succeeded" or "refunded" or "partially refunded" or "disputed"))
                    {
                        Skipped = NotCompleted(status);
                        return;
                    }
                    if (r[ImportField.Captured].ToLowerInvariant() is "false" or "no")
                    {
                        Skipped = "Not a completed payment: authorised but never captured.";
                        return;
                    }
                    var refunded = Math.Max(0, Minor(ImportField.Refunded));
                    var hasRefundColumn = r[ImportField.Refunded].Length > 0;
                    if (said == "refunded" && !hasRefundColumn) refunded = long.MaxValue;
                    if (said == "partially refunded" && !hasRefundColumn)
                    {
                        Problem = "Partially refunded, but the file has no Amount Refunded column to say how much: export it with that column.";
                        return;
                    }
                    var dispute = r[ImportField.DisputeStatus].ToLowerInvariant().Replace('_', ' ').Trim();
                    if (said == "disputed" && dispute.Length == 0)
                    {
                        Skipped = "Disputed, and the file has no Dispute Status column to say how the dispute ended.";
                        return;
                    }
                    if (dispute.Contains("needs response") || dispute.Contains("under review"))
                    {
                        Skipped = $"Disputed, not yet settled (the dispute is '{dispute}'): import the file again once the dispute is closed.";
                        return;
                    }
                    long lost = 0;
                    if (dispute == "lost")
                    {
                        lost = r[ImportField.DisputedAmount].Length > 0 ? Math.Max(0, Minor(ImportField.DisputedAmount)) : long.MaxValue;
                        if (lost >= Minor(ImportField.Amount) - Math.Min(refunded, Minor(ImportField.Amount)))
                        {
                            Skipped = "Disputed and lost: the payment was taken back.";
                            return;
                        }
                    }
                    if (refunded >= Minor(ImportField.Amount) && Minor(ImportField.Amount) > 0)
                    {
                        Skipped = "Refunded in full.";
                        return;
                    }
                    Returned = refunded + lost;
                    what = lost > 0 ? $"disputed and lost {ImportAmounts.Format(lost, currency)}" + (refunded > 0 ? $", refunded {ImportAmounts.Format(refunded, currency)}" : "")
                        : $"partially refunded ({ImportAmounts.Format(refunded, currency)} returned)";
                    return;
                case ImportLayoutKind.PayPal:
                    if (r[ImportField.BalanceImpact].Equals("debit", StringComparison.OrdinalIgnoreCase) || Minor(ImportField.Amount) < 0)
                    {
                        Skipped = $"Money going out, not a gift (the type is '{type}').";
                        return;
                    }
                    if (facts.Refunds.TryGetValue(r.TransactionId, out var refund))
                    {
                        if (refund.Minor >= Minor(ImportField.Amount))
                        {
                            Skipped = $"Refunded in full (line {refund.Line}).";
                            return;
                        }
                        if (said is "completed" or "partially refunded" or "refunded")
                        {
                            Returned = refund.Minor;
                            what = $"partially refunded on line {refund.Line} ({ImportAmounts.Format(refund.Minor, currency)} returned)";
                            return;
                        }
                    }
                    if (said == "partially refunded")
                    {
                        Problem = "Partially refunded, but the refund is not in this file to say how much: export a period that includes it.";
                        return;
                    }
                    // The balance-affecting download has no Status column: it lists completed payments only.
                    if (said != "completed" && r.Has(ImportField.Status)) Skipped = NotCompleted(status);
                    return;
                case ImportLayoutKind.GitHubSponsors:
                    if (said is "refunded") Skipped = "Refunded in full.";
                    else if (said.Length == 0 ? r.Has(ImportField.Status) : said is not ("settled" or "succeeded" or "success" or "paid" or "completed" or "complete" or "processed"))
                        Skipped = NotCompleted(status);
                    return;
                default:
                    if (r[ImportField.Refunded].Length == 0) return;
                    var back = Math.Max(0, Minor(ImportField.Refunded));
                    if (back > 0 && back >= Minor(ImportField.Amount)) Skipped = "Refunded in full.";
                    Returned = back;
                    what = $"partially refunded ({ImportAmounts.Format(back, currency)} returned)";
                    return;
            }
        }

        private static string NotCompleted(string status) =>
            status.Length == 0 ? "Not a completed payment: the status is missing." : $"Not a completed payment: the status is '{status}'.";

        public string Adjustment(string added) => $"Added at {added}: {what}.";
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubHandle();

    [GeneratedRegex("refund|reversal|chargeback", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RefundWords();

    [GeneratedRegex("currency conversion|withdrawal|transfer|hold on|account hold|authori[sz]ation|^release|fee reversal", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAGift();

    [GeneratedRegex(@"one[\s-]?time", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OneTime();

    [GeneratedRegex("month|year|annual", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Periodic();
}
