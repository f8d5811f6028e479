using System.Text;
using Records.Core.Donations;
using Records.Core.Donations.Import;

namespace Records.Tests.Donations.Import;

public class DonationCsvTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static async Task<List<ImportRead>> ReadAsync(byte[] bytes, ImportLayout layout)
    {
        var reads = new List<ImportRead>();
        await using var text = new TextFileStream(new MemoryStream(bytes));
        await foreach (var read in DonationCsv.ReadAsync(text, layout, Today, NewYork)) reads.Add(read);
        return reads;
    }

    private static Task<List<ImportRead>> ReadFileAsync(string name, ImportLayout layout) => ReadAsync(ImportFiles.Bytes(name), layout);

    private static async Task<string> RefusalAsync(string name, ImportLayout? layout = null) =>
        (await Assert.ThrowsAsync<DonationFileException>(() => ReadFileAsync(name, layout ?? ImportLayout.Stripe))).Message;

    private static IEnumerable<string> Problems(IEnumerable<ImportRead> reads, RowOutcome outcome) =>
        reads.Where(r => r.Outcome == outcome).Select(r => $"{r.Problem!.Line}: {r.Problem.Reason}");

    [Fact]
    public async Task StripeRowsBecomeGiftsOnTheirDayInTheFoundationsZoneAndUnpaidOnesAreSkipped()
    {
        var reads = await ReadFileAsync("stripe.csv", ImportLayout.Stripe);

        var rows = reads.Where(r => r.Row is not null).Select(r => r.Row!).ToList();
        Assert.Equal(["ch_3QStripe00001", "ch_3QStripe00002", "ch_3QStripe00005", "ch_3QStripe00006", "ch_3QStripe00007"], rows.Select(r => r.TransactionId));
        var grace = rows[1];
        Assert.Equal((3, new DateOnly(2025, 3, 1), 10_00L, 59L, "USD", "GRACE.Hopper@Example.org", "Grace Hopper", true),
            (grace.Line, grace.ReceivedOn, grace.AmountMinor, grace.FeeMinor, grace.Currency, grace.Email, grace.Name, grace.IsRecurring));
        Assert.Equal((1_000_00L, 15_20L, "GBP", false), (rows[2].AmountMinor, rows[2].FeeMinor, rows[2].Currency, rows[2].IsRecurring));
        Assert.Null(rows[4].Email);
        Assert.Equal(["4: Not a completed payment: the status is 'Failed'.", "5: Refunded in full."], Problems(reads, RowOutcome.Skipped));
    }

    [Fact]
    public async Task AmountsAndFeesAreReadInTheRowsCurrencyAndDecimalsItCannotHoldMakeABadRowWithItsLine()
    {
        const string header = "id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Converted Amount,Fee,Taxes,Converted Currency,Status,Seller Message,Captured,Customer ID,Customer Description,Customer Email,Invoice ID\n";
        static string Row(string id, string amount, string currency, string fee) =>
            $"{id},Donation,2025-03-01 14:05:09,{amount},0,{currency},{amount},{fee},0,{currency},Paid,ok,true,cus,Ann,ann@example.org,\n";
        var csv = header + Row("fx_1", "5000", "jpy", "3") + Row("fx_2", "5000", "jpy", "3.20") + Row("fx_3", "250.00", "usd", "3.20")
                  + Row("fx_4", "100.500", "kwd", "0.125") + Row("fx_5", "1.2345", "kwd", "0") + Row("fx_6", "12345678901234567890123456789", "usd", "0");

        var reads = await ReadAsync(Encoding.UTF8.GetBytes(csv), ImportLayout.Stripe);

        Assert.Equal([("fx_1", 5000L, 3L, "JPY"), ("fx_3", 250_00L, 320L, "USD"), ("fx_4", 100_500L, 125L, "KWD")],
            reads.Where(r => r.Row is not null).Select(r => (r.Row!.TransactionId, r.Row.AmountMinor, r.Row.FeeMinor, r.Row.Currency)));
        Assert.Equal([
            "3: The fee: JPY has no minor unit: write 3 or 4, not 3.20.",
            "6: The amount: KWD has 3 decimals: write 1.234 or 1.235, not 1.2345.",
            "7: The amount: “12345678901234567890123456789” has more digits than any amount Records keeps: check it.",
        ], Problems(reads, RowOutcome.Bad));
    }

    [Fact]
    public async Task PayPalRefundsAndPendingPaymentsAreSkippedAndFeesReadAsPositive()
    {
        var reads = await ReadFileAsync("paypal.csv", ImportLayout.PayPal);

        var rows = reads.Where(r => r.Row is not null).Select(r => r.Row!).ToList();
        Assert.Equal([(new DateOnly(2025, 1, 15), 50_00L, 1_95L, false), (new DateOnly(2025, 1, 16), 5_00L, 45L, true), (new DateOnly(2025, 1, 19), 1_200_00L, 35_10L, false)],
            rows.Select(r => (r.ReceivedOn, r.AmountMinor, r.FeeMinor, r.IsRecurring)));
        Assert.Equal(["4: Not a gift: the type is 'Payment Refund'.", "5: Not a completed payment: the status is 'Pending'."], Problems(reads, RowOutcome.Skipped));
    }

    [Fact]
    public async Task GenericFileIsReadThroughItsColumnMapAndDateFormat()
    {
        var layout = ImportLayout.Generic(new ColumnMap("Gift date", "Amount", "Currency", "Reference", Fee: "Fee", Email: "Donor email", Name: "Donor name", Recurring: "Monthly"),
            DateFormatChoice.DayMonthYear, DonationChannel.BankTransfer);

        var reads = await ReadFileAsync("generic.csv", layout);

        Assert.Equal([("GEN-0001", new DateOnly(2025, 2, 15), 20_00L, false), ("GEN-0002", new DateOnly(2025, 2, 16), 35_50L, true), ("GEN-0004", new DateOnly(2025, 2, 17), 5000L, false)],
            reads.Where(r => r.Row is not null).Select(r => (r.Row!.TransactionId, r.Row.ReceivedOn, r.Row.AmountMinor, r.Row.IsRecurring)));
        Assert.Equal(["4: The date '31/02/2025' is not a day of the calendar, read either way."], Problems(reads, RowOutcome.Bad));
    }

    [Fact]
    public async Task EveryBadRowIsReportedWithItsLineAndReason()
    {
        var reads = await ReadFileAsync("bad-rows.csv", ImportLayout.Stripe);

        Assert.Equal(
        [
            "2: The amount -5.00 is not more than zero.",
            "3: The amount 20000000.00 is over 10,000,000 USD: most likely a typing error.",
            "4: 'xyz' is not a currency code (ISO 4217, such as USD or EUR).",
            "5: The date 2099-01-01 is in the future.",
            "8: The transaction id is missing.",
            "9: The date 'April 8th' is not a date the import reads (write it like 2025-04-05, 05/04/2025 or 5 Apr 2025).",
            "10: The fee 25.00 is more than the amount 20.00.",
            "11: The date is missing.",
            "12: The amount 0.00 is not more than zero.",
        ], Problems(reads, RowOutcome.Bad));
        Assert.Equal(["7: The same transaction id as line 6."], Problems(reads, RowOutcome.Duplicate));
        Assert.Equal(["ch_Bad0005", "ch_Bad0012"], reads.Where(r => r.Row is not null).Select(r => r.Row!.TransactionId));
    }

    [Fact]
    public async Task FilesThatAreNotUtf8CsvTextAreRefusedWithAReason()
    {
        Assert.StartsWith("This is not a CSV text file.", await RefusalAsync("binary.csv"));
        Assert.StartsWith("The file is not UTF-8 text", await RefusalAsync("latin1.csv"));
        Assert.Equal("The file is empty.", await RefusalAsync("empty.csv"));
        Assert.Equal("The file has its header but no rows under it.", await RefusalAsync("header-only.csv"));
        Assert.Equal("This is not a Stripe file as the import reads it: the first line lacks the columns \"id\", \"Currency\".", await RefusalAsync("missing-column.csv"));
        Assert.Equal("This is not a PayPal file as the import reads it: the first line lacks the columns \"Transaction ID\", \"Date\", \"Gross\".",
            await RefusalAsync("stripe.csv", ImportLayout.PayPal));
    }

    [Fact]
    public async Task ByteOrderMarkIsAcceptedAndTheHashIsOfTheWholeFile()
    {
        var bytes = ImportFiles.Bytes("stripe.csv");
        await using var text = new TextFileStream(new MemoryStream([.. Encoding.UTF8.Preamble, .. bytes]));
        var count = 0;
        await foreach (var read in DonationCsv.ReadAsync(text, ImportLayout.Stripe, Today, NewYork)) count++;

        Assert.Equal(7, count);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([.. Encoding.UTF8.Preamble, .. bytes])), text.Sha256);
    }

    /// <summary>A stream that hands out a few bytes per read, as a network upload may: every letter of two or more bytes is split.</summary>
    private sealed class Trickle(byte[] bytes, int size) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(size, buffer.Length)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(size, buffer.Length)], cancellationToken);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task LettersSplitBetweenReadsAreReadWhole(int size)
    {
        var bytes = Encoding.UTF8.GetBytes("Zoë Łukasz Stéphane 日本 🐍\n");
        await using var text = new TextFileStream(new Trickle(bytes, size));

        var read = await new StreamReader(text, Encoding.UTF8).ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.Equal("Zoë Łukasz Stéphane 日本 🐍\n", read);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), text.Sha256);
    }

    [Fact]
    public async Task ABadByteAfterASplitLetterIsNamedByItsPlaceInTheFile()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Zoë,"), 0xE9, .. Encoding.UTF8.GetBytes(",x\n")];
        await using var text = new TextFileStream(new Trickle(bytes, 2));

        var refused = await Assert.ThrowsAsync<DonationFileException>(() => new StreamReader(text, Encoding.UTF8).ReadToEndAsync(TestContext.Current.CancellationToken));

        Assert.Contains("byte 6 is not UTF-8", refused.Message);
    }

    [Theory]
    [InlineData("payments.csv", true)]
    [InlineData("PAYMENTS.TXT", true)]
    [InlineData("payments.xlsx", false)]
    [InlineData("payments", false)]
    public void OnlyCsvAndTextNamesAreTaken(string name, bool taken) => Assert.Equal(taken, DonationCsv.IsCsvName(name));
}
