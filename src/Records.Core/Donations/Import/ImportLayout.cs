using Records.Core.Donations;

namespace Records.Core.Donations.Import;

public enum ImportLayoutKind { Stripe, PayPal, Generic, GitHubSponsors }

/// <summary>How a generic file's dates are written, as chosen when mapping it: the order to try first for dates like 05/04/2025.</summary>
public enum DateFormatChoice { YearMonthDay, MonthDayYear, DayMonthYear }

/// <summary>Which way a date written with the year last (05/04/2025) is read.</summary>
public enum DateOrder { MonthFirst, DayFirst }

/// <summary>What a column of a processor's file says about a payment.</summary>
public enum ImportField
{
    TransactionId, Date, Amount, Currency, Status, Type, Fee, Email, Name, Recurring, Refunded,
    Captured, DisputeStatus, DisputedAmount, Reference, BalanceImpact, Handle, Public, Tier, CardName,
}

/// <summary>Which header of a generic file holds each field; null for a field the file does not have.</summary>
public sealed record ColumnMap(
    string Date, string Amount, string Currency, string TransactionId,
    string? Fee = null, string? Email = null, string? Name = null, string? Recurring = null,
    string? Status = null, string? Type = null, string? Refunded = null);

/// <summary>
/// One layout a processor has written its export in over the years: the headers each field may have (compared without
/// case or spaces), and the fields without which a row cannot be judged.
/// </summary>
public sealed record ExportVariant(string Name, IReadOnlyDictionary<ImportField, string[]> Headers, IReadOnlyList<ImportField> Required);

/// <summary>
/// A processor's export as the import reads it: the layouts it may come in, which channel its gifts came through, how
/// its dates are written, and where its header is. <see cref="ImportFile"/> finds the header and the layout in the file.
/// </summary>
public sealed record ImportLayout(ImportLayoutKind Kind, DonationChannel Channel, IReadOnlyList<ExportVariant> Variants, bool DatesInUtc)
{
    /// <summary>The currency of every row of a file that has no currency column (GitHub pays in US dollars).</summary>
    public string? FixedCurrency { get; init; }

    /// <summary>The line the header is on, found at upload or pointed at by the user; null to find it while reading.</summary>
    public int? HeaderLine { get; init; }

    /// <summary>The field separator, found at upload; null to try a comma, a semicolon and a tab.</summary>
    public char? Separator { get; init; }

    /// <summary>The order to read dates like 05/04/2025 in when nothing in the file settles it.</summary>
    public DateOrder? PreferredOrder { get; init; }

    /// <summary>The order a person confirmed, or switched to, after seeing the dry run: lets a file whose dates read either way be committed.</summary>
    public DateOrder? ConfirmedOrder { get; init; }

    public DateOrder OrderToTry => ConfirmedOrder ?? PreferredOrder ?? DateOrder.MonthFirst;

    /// <summary>"Stripe", "PayPal", "GitHub Sponsors" or "CSV", as people name the file.</summary>
    public string KindName => Kind switch
    {
        ImportLayoutKind.GitHubSponsors => "GitHub Sponsors",
        ImportLayoutKind.Generic => "CSV",
        _ => Kind.ToString(),
    };

    private static readonly ImportField[] PaymentFields = [ImportField.TransactionId, ImportField.Date, ImportField.Amount, ImportField.Currency, ImportField.Status];

    private static Dictionary<ImportField, string[]> StripeHeaders(string created) => new()
    {
        [ImportField.TransactionId] = ["id"], [ImportField.Date] = [created], [ImportField.Amount] = ["Amount"], [ImportField.Currency] = ["Currency"],
        [ImportField.Status] = ["Status"], [ImportField.Fee] = ["Fee"], [ImportField.Email] = ["Customer Email"],
        [ImportField.Name] = ["Customer Description", "Customer Name"], [ImportField.CardName] = ["Card Name"], [ImportField.Recurring] = ["Description"],
        [ImportField.Refunded] = ["Amount Refunded"], [ImportField.Captured] = ["Captured"], [ImportField.DisputeStatus] = ["Dispute Status"],
        [ImportField.DisputedAmount] = ["Disputed Amount"],
    };

    public static readonly ImportLayout Stripe = new(ImportLayoutKind.Stripe, DonationChannel.Card,
        [
            new ExportVariant("Stripe payments export", StripeHeaders("Created date (UTC)"), PaymentFields),
            new ExportVariant("Stripe payments export, older layout", StripeHeaders("Created (UTC)"), PaymentFields),
        ], DatesInUtc: true);

    private static Dictionary<ImportField, string[]> PayPalHeaders() => new()
    {
        [ImportField.TransactionId] = ["Transaction ID"], [ImportField.Date] = ["Date"], [ImportField.Amount] = ["Gross"],
        [ImportField.Currency] = ["Currency"], [ImportField.Status] = ["Status"], [ImportField.Type] = ["Type", "Description"],
        [ImportField.Fee] = ["Fee"], [ImportField.Email] = ["From Email Address"], [ImportField.Name] = ["Name"],
        [ImportField.Recurring] = ["Type", "Description"], [ImportField.Reference] = ["Reference Txn ID"],
        [ImportField.BalanceImpact] = ["Balance Impact"],
    };

    public static readonly ImportLayout PayPal = new(ImportLayoutKind.PayPal, DonationChannel.PayPal,
        [
            new ExportVariant("PayPal activity download", PayPalHeaders(), [.. PaymentFields, ImportField.Type]),
            new ExportVariant("PayPal activity download, balance-affecting layout (no Status column)", PayPalHeaders(),
                [ImportField.TransactionId, ImportField.Date, ImportField.Amount, ImportField.Currency, ImportField.Type]),
        ], DatesInUtc: false);

    public static readonly ImportLayout GitHubSponsors = new(ImportLayoutKind.GitHubSponsors, DonationChannel.GitHubSponsors,
        [
            new ExportVariant("GitHub Sponsors transactions export", new Dictionary<ImportField, string[]>
            {
                [ImportField.TransactionId] = ["Transaction ID"], [ImportField.Date] = ["Transaction Date", "Processed Date"],
                [ImportField.Amount] = ["Processed Amount", "Amount"], [ImportField.Currency] = ["Currency"], [ImportField.Status] = ["Status"],
                [ImportField.Handle] = ["Sponsor Handle", "Sponsor Login"], [ImportField.Name] = ["Sponsor Profile Name", "Sponsor Name"],
                [ImportField.Email] = ["Sponsor Public Email", "Sponsor Email"], [ImportField.Public] = ["Is Public?", "Is Public", "Privacy Level", "Privacy"],
                [ImportField.Tier] = ["Tier Name"], [ImportField.Recurring] = ["Is Yearly?", "Is Yearly"], [ImportField.Refunded] = ["Refunded Amount", "Amount Refunded"],
            }, [ImportField.TransactionId, ImportField.Date, ImportField.Amount, ImportField.Handle, ImportField.Public]),
        ], DatesInUtc: true) { FixedCurrency = "USD" };

    public static ImportLayout Generic(ColumnMap columns, DateFormatChoice dates, DonationChannel channel)
    {
        var headers = new Dictionary<ImportField, string[]>();
        void Map(ImportField field, string? header)
        {
            if (!string.IsNullOrWhiteSpace(header)) headers[field] = [header];
        }
        Map(ImportField.Date, columns.Date);
        Map(ImportField.Amount, columns.Amount);
        Map(ImportField.Currency, columns.Currency);
        Map(ImportField.TransactionId, columns.TransactionId);
        Map(ImportField.Fee, columns.Fee);
        Map(ImportField.Email, columns.Email);
        Map(ImportField.Name, columns.Name);
        Map(ImportField.Recurring, columns.Recurring);
        Map(ImportField.Status, columns.Status);
        Map(ImportField.Type, columns.Type);
        Map(ImportField.Refunded, columns.Refunded);
        ImportField[] required = [.. new[] { ImportField.TransactionId, ImportField.Date, ImportField.Amount, ImportField.Currency, ImportField.Status, ImportField.Type }
            .Where(headers.ContainsKey)];
        return new ImportLayout(ImportLayoutKind.Generic, channel, [new ExportVariant("CSV file with mapped columns", headers, required)], DatesInUtc: false)
        {
            PreferredOrder = dates switch
            {
                DateFormatChoice.DayMonthYear => DateOrder.DayFirst,
                DateFormatChoice.MonthDayYear => DateOrder.MonthFirst,
                _ => null,
            },
        };
    }

    public static ImportLayout? Preset(ImportLayoutKind kind) => kind switch
    {
        ImportLayoutKind.Stripe => Stripe,
        ImportLayoutKind.PayPal => PayPal,
        ImportLayoutKind.GitHubSponsors => GitHubSponsors,
        _ => null,
    };

    public static string Example(DateFormatChoice choice) => choice switch
    {
        DateFormatChoice.MonthDayYear => "MM/DD/YYYY",
        DateFormatChoice.DayMonthYear => "DD/MM/YYYY",
        _ => "YYYY-MM-DD",
    };

    public static string Describe(DateOrder order) => order == DateOrder.DayFirst ? "day first (DD/MM/YYYY)" : "month first (MM/DD/YYYY)";
}
