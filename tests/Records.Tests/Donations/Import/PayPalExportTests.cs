using Records.Tests.Infrastructure;
using Records.Core.Donations;
using Records.Core.Donations.Import;
using Records.Tests.Mail;
using static Records.Tests.Donations.Import.ProcessorExports;

namespace Records.Tests.Donations.Import;

/// <summary>PayPal activity downloads from accounts that write dates day first or month first, and files whose dates do not say which.</summary>
public class PayPalExportTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task PayPalUkDatesAreReadDayFirstAndNeverAMonthWrong()
    {
        var database = await fixture.CreateDatabaseAsync();

        var header = await DonationCsv.ReadStartAsync(new MemoryStream(ImportFiles.Bytes("paypal-uk.csv")), ImportLayout.PayPal);
        var report = await CommitAsync(database, "paypal-uk.csv", ImportLayout.PayPal);

        Assert.Equal((1, "Date", "Time zone", 41), (header.Line, header.Headers[0], header.Headers[2], header.Headers.Count));
        Assert.Equal("PayPal activity download", report.Variant);
        Assert.Equal((DateOrder.DayFirst, 2, false), (report.Dates!.Order, report.Dates.SettledBy!.Line, report.Dates.NeedsConfirmation));
        Assert.Equal("Dates are read day first (DD/MM/YYYY): line 2 has 20/04/2025, which can only be read that way.", report.Dates.Explanation);
        var stored = await StoredAsync(database, report);
        Assert.Equal([
            ("7PY11111111111105", new DateOnly(2025, 4, 15), 1_250_00L, 36_55L, "GBP"),
            ("7PY11111111111106", new DateOnly(2025, 4, 12), 20_00L, 1_17L, "GBP"),
            // 05/04/2025 is 5 April, not 4 May.
            ("7PY11111111111109", new DateOnly(2025, 4, 5), 25_00L, 1_08L, "GBP"),
            ("7PY11111111111110", new DateOnly(2025, 4, 1), 5_00L, 45L, "GBP"),
        ], stored.Select(Stored));
        Assert.All(stored, d => Assert.Equal(DonationChannel.PayPal, d.Channel));
        Assert.Equal([false, false, false, true], stored.Select(d => d.IsRecurring));
        Assert.Equal("Grace Hopper", stored[2].Person!.Name);
        Assert.Equal(["6: Added at £20.00: partially refunded on line 2 (£10.00 returned)."], Lines(report.Adjusted));
        Assert.Equal([
            "2: Not a gift: the type is 'Payment Refund'.",
            "3: Not a gift: the type is 'Payment Refund'.",
            "4: Not a gift: the type is 'General Currency Conversion'.",
            "7: Not a gift: the type is 'General Withdrawal'.",
            "8: Refunded in full (line 3).",
        ], Lines(report.Skipped));
        Assert.Empty(report.BadRows);
    }

    [Fact]
    public async Task PayPalUsDatesAreReadMonthFirstOnceADateSettlesIt()
    {
        var database = await fixture.CreateDatabaseAsync();

        var report = await CommitAsync(database, "paypal-us.csv", ImportLayout.PayPal);

        Assert.Equal("PayPal activity download", report.Variant);
        Assert.Equal((DateOrder.MonthFirst, 3, "04/25/2025", false), (report.Dates!.Order, report.Dates.SettledBy!.Line, report.Dates.SettledBy.Reason, report.Dates.NeedsConfirmation));
        Assert.Equal([
            ("8US22222222222201", new DateOnly(2025, 5, 6), 1_000_00L, 29_30L, "USD"),
            ("8US22222222222202", new DateOnly(2025, 4, 25), 50_00L, 1_95L, "USD"),
            ("8US22222222222203", new DateOnly(2025, 4, 3), 10_00L, 59L, "USD"),
            ("8US22222222222204", new DateOnly(2024, 12, 1), 20_00L, 88L, "USD"),
        ], (await StoredAsync(database, report)).Select(Stored));
        Assert.Empty(report.Skipped);
        Assert.Empty(report.BadRows);
    }

    [Fact]
    public async Task AFileWhoseDatesReadEitherWayCannotBeCommittedUntilTheOrderIsConfirmed()
    {
        var database = await fixture.CreateDatabaseAsync();

        var dryRun = await DryRunAsync(database, "paypal-ambiguous.csv", ImportLayout.PayPal);

        Assert.True(dryRun.Dates!.NeedsConfirmation);
        Assert.Equal((DateOrder.MonthFirst, 4), (dryRun.Dates.Order, dryRun.Dates.EitherWay));
        Assert.Null(dryRun.Dates.SettledBy);
        Assert.Equal([
            (2, "05/04/2025", new DateOnly(2025, 5, 4), new DateOnly(2025, 4, 5)),
            (3, "03/02/2025", new DateOnly(2025, 3, 2), new DateOnly(2025, 2, 3)),
            (4, "07/01/2025", new DateOnly(2025, 7, 1), new DateOnly(2025, 1, 7)),
        ], dryRun.Dates.Samples.Select(s => (s.Line, s.Written, s.ReadAs, s.OtherWay)));
        Assert.Equal(("€20.00", "Erika Mustermann"), (dryRun.Dates.Samples[0].Amount, dryRun.Dates.Samples[0].Donor));

        var before = await DonationCountAsync(database);
        var refused = await Assert.ThrowsAsync<DonationFileException>(() => CommitAsync(database, "paypal-ambiguous.csv", ImportLayout.PayPal));
        Assert.Contains("nothing was added", refused.Message);
        Assert.Equal(before, await DonationCountAsync(database));

        var dayFirst = ImportLayout.PayPal with { ConfirmedOrder = DateOrder.DayFirst };
        var confirmed = await DryRunAsync(database, "paypal-ambiguous.csv", dayFirst);
        Assert.Equal((DateOrder.DayFirst, false), (confirmed.Dates!.Order, confirmed.Dates.NeedsConfirmation));
        Assert.Equal([new DateOnly(2025, 4, 5), new DateOnly(2025, 2, 3), new DateOnly(2025, 1, 7)], confirmed.Dates.Samples.Select(s => s.ReadAs));

        var report = await CommitAsync(database, "paypal-ambiguous.csv", dayFirst);
        Assert.Equal(before + 4, await DonationCountAsync(database));
        Assert.Equal([
            ("9AM33333333333301", new DateOnly(2025, 4, 5), 20_00L, 89L, "EUR"),
            ("9AM33333333333302", new DateOnly(2025, 2, 3), 35_00L, 1_37L, "EUR"),
            ("9AM33333333333303", new DateOnly(2025, 1, 7), 50_00L, 1_80L, "EUR"),
            ("9AM33333333333304", new DateOnly(2024, 10, 11), 15_00L, 71L, "EUR"),
        ], (await StoredAsync(database, report)).Select(Stored));
    }

    [Fact]
    public async Task ADateThatCanOnlyBeReadTheOtherWayFromTheSettlingLineIsABadRowNamingIt()
    {
        var database = await fixture.CreateDatabaseAsync();

        var report = await CommitAsync(database, "paypal-dates-conflict.csv", ImportLayout.PayPal);

        Assert.Equal((DateOrder.DayFirst, 3), (report.Dates!.Order, report.Dates.SettledBy!.Line));
        Assert.Equal([
            ("9CF44444444444401", new DateOnly(2025, 4, 5), 20_00L, 89L, "GBP"),
            ("9CF44444444444402", new DateOnly(2025, 4, 25), 30_00L, 1_17L, "GBP"),
        ], (await StoredAsync(database, report)).Select(Stored));
        Assert.Equal(["4: The date '04/26/2025' can only be read month first, but line 3 (25/04/2025) settles this file as day first (DD/MM/YYYY)."],
            Lines(report.BadRows));
    }
}
