using Records.Core.Donations;

namespace Records.Core.Donations.Import;

public enum ImportLayoutKind { Stripe, PayPal, Generic }

/// <summary>How the dates of a generic file are written.</summary>
public enum DateFormatChoice { YearMonthDay, MonthDayYear, DayMonthYear }

/// <summary>Which header of the file holds each field; null for a field the file does not have.</summary>
public sealed record ColumnMap(
    string Date, string Amount, string Currency, string TransactionId,
    string? Fee = null, string? Email = null, string? Name = null, string? Recurring = null,
    string? Status = null, string? Type = null, string? Refunded = null);

/// <summary>
/// A processor's export as the import reads it: its columns, how its dates are written, which channel its gifts came
/// through, and which rows are completed payments.
/// </summary>
public sealed record ImportLayout(ImportLayoutKind Kind, DonationChannel Channel, ColumnMap Columns, string[] DateFormats, bool DatesInUtc,
    IReadOnlyList<string> CompletedStatuses)
{
    public static readonly ImportLayout Stripe = new(ImportLayoutKind.Stripe, DonationChannel.Card,
        new ColumnMap(Date: "Created date (UTC)", Amount: "Amount", Currency: "Currency", TransactionId: "id", Fee: "Fee",
            Email: "Customer Email", Name: "Customer Description", Recurring: "Description", Status: "Status", Refunded: "Amount Refunded"),
        DateFormatsFor(DateFormatChoice.YearMonthDay), DatesInUtc: true, ["Paid", "succeeded"]);

    public static readonly ImportLayout PayPal = new(ImportLayoutKind.PayPal, DonationChannel.PayPal,
        new ColumnMap(Date: "Date", Amount: "Gross", Currency: "Currency", TransactionId: "Transaction ID", Fee: "Fee",
            Email: "From Email Address", Name: "Name", Recurring: "Type", Status: "Status", Type: "Type"),
        DateFormatsFor(DateFormatChoice.MonthDayYear), DatesInUtc: false, ["Completed"]);

    public static ImportLayout Generic(ColumnMap columns, DateFormatChoice dates, DonationChannel channel) =>
        new(ImportLayoutKind.Generic, channel, columns, DateFormatsFor(dates), DatesInUtc: false, []);

    public static ImportLayout? Preset(ImportLayoutKind kind) => kind switch
    {
        ImportLayoutKind.Stripe => Stripe,
        ImportLayoutKind.PayPal => PayPal,
        _ => null,
    };

    /// <summary>The headers the file must have, in the order they are named to people.</summary>
    public IEnumerable<string> RequiredColumns =>
        new[] { Columns.TransactionId, Columns.Date, Columns.Amount, Columns.Currency, Columns.Status, Columns.Type }
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);

    public static string Example(DateFormatChoice choice) => choice switch
    {
        DateFormatChoice.MonthDayYear => "MM/DD/YYYY",
        DateFormatChoice.DayMonthYear => "DD/MM/YYYY",
        _ => "YYYY-MM-DD",
    };

    private static string[] DateFormatsFor(DateFormatChoice choice)
    {
        string[] days = choice switch
        {
            DateFormatChoice.MonthDayYear => ["M/d/yyyy"],
            DateFormatChoice.DayMonthYear => ["d/M/yyyy", "d.M.yyyy"],
            _ => ["yyyy-MM-dd"],
        };
        string[] times = ["", " H:mm", " H:mm:ss", "'T'H:mm:ss", "'T'H:mm:ss'Z'", "'T'H:mm:ssK", " H:mm:ss zzz"];
        return [.. days.SelectMany(d => times.Select(t => d + t))];
    }
}
