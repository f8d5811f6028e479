using Records.Tests.Infrastructure;
using Records.Core.Donations;
using Records.Core.Donations.Import;
using Records.Tests.Mail;
using static Records.Tests.Donations.Import.ProcessorExports;

namespace Records.Tests.Donations.Import;

/// <summary>Stripe's payments exports as they come: the older 51-column layout, the current one with a few columns or extra ones, and report lines above the header.</summary>
public class StripeExportTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task TheOlderStripeLayoutIsReadWithItsRefundsDisputesAndUncapturedPaymentsAsTheDryRunSays()
    {
        var database = await fixture.CreateDatabaseAsync();

        var dryRun = await DryRunAsync(database, "stripe-older.csv", ImportLayout.Stripe);
        var report = await CommitAsync(database, "stripe-older.csv", ImportLayout.Stripe);

        Assert.Equal("Stripe payments export, older layout", report.Variant);
        Assert.Equal((10, 5), (report.RowsRead, report.Added));
        Assert.Equal(dryRun.Added, report.Added);
        Assert.Equal(dryRun.Totals, report.Totals);
        Assert.Equal(new SortedDictionary<string, long> { ["EUR"] = 100_00, ["USD"] = 80_00 }, report.Totals);
        var stored = await StoredAsync(database, report);
        Assert.Equal([
            ("ch_1OlderPaid0001", new DateOnly(2025, 4, 5), 25_00L, 1_03L, "USD"),
            // 03:30:15 UTC on 6 April is 23:30 on 5 April in New York.
            ("ch_1OlderLate0002", new DateOnly(2025, 4, 5), 10_00L, 59L, "USD"),
            ("ch_1OlderPart0004", new DateOnly(2025, 4, 8), 25_00L, 1_46L, "USD"),
            ("ch_1OlderWonn0008", new DateOnly(2025, 4, 12), 20_00L, 88L, "USD"),
            ("ch_1OlderEuro0010", new DateOnly(2025, 4, 14), 100_00L, 1_65L, "EUR"),
        ], stored.Select(Stored));
        Assert.Equal(DonationChannel.Card, stored[0].Channel);
        Assert.Equal(("Ada Lovelace", "ada.lovelace@example.org"), (stored[0].Person!.Name, stored[0].Person!.Email));
        Assert.Equal([false, true, false, false, false], stored.Select(d => d.IsRecurring));
        Assert.True(stored[4].IsAnonymous);
        Assert.Equal(["5: Added at $25.00: partially refunded ($15.00 returned)."], Lines(report.Adjusted));
        Assert.Equal("ch_1OlderPart0004", report.Adjusted.Single().TransactionId);
        Assert.Equal([
            "4: Refunded in full.",
            "6: Not a completed payment: the status is 'Failed'.",
            "7: Disputed and lost: the payment was taken back.",
            "8: Disputed, not yet settled (the dispute is 'under review'): import the file again once the dispute is closed.",
            "10: Not a completed payment: authorised but never captured.",
        ], Lines(report.Skipped));
        Assert.Empty(report.BadRows);
    }

    [Fact]
    public async Task TheCurrentStripeLayoutWithOnlyItsRequiredColumnsIsRead()
    {
        var database = await fixture.CreateDatabaseAsync();

        var report = await CommitAsync(database, "stripe-current-minimal.csv", ImportLayout.Stripe);

        Assert.Equal("Stripe payments export", report.Variant);
        Assert.Equal([
            ("ch_3MinimalRow0001", new DateOnly(2025, 5, 1), 15_00L, 0L, "USD"),
            // 00:15 UTC on 2 May, no seconds, is the evening of 1 May in New York.
            ("ch_3MinimalRow0002", new DateOnly(2025, 5, 1), 7_50L, 0L, "USD"),
        ], (await StoredAsync(database, report)).Select(Stored));
        Assert.All(await StoredAsync(database, report), d => Assert.True(d.IsAnonymous));
        Assert.Equal(["4: Not a completed payment: the status is 'Failed'.", "5: Refunded in full."], Lines(report.Skipped));
        Assert.Empty(report.BadRows);
    }

    [Fact]
    public async Task UpperCaseCurrenciesAndColumnsStripeDoesNotDocumentChangeNothing()
    {
        var database = await fixture.CreateDatabaseAsync();

        var report = await CommitAsync(database, "stripe-current-extra-columns.csv", ImportLayout.Stripe);

        Assert.Equal("Stripe payments export", report.Variant);
        var stored = await StoredAsync(database, report);
        Assert.Equal([
            ("ch_3ExtraCols0001", new DateOnly(2025, 6, 1), 35_00L, 0L, "USD"),
            ("ch_3ExtraCols0002", new DateOnly(2025, 6, 2), 80_00L, 0L, "EUR"),
        ], stored.Select(Stored));
        Assert.Equal(["Hedy Lamarr", "Margaret Hamilton"], stored.Select(d => d.Person!.Name));
        Assert.Empty(report.BadRows);
        Assert.Empty(report.Skipped);
    }

    [Fact]
    public async Task AStripeFileWithReportLinesAboveItsHeaderIsReadFromTheHeaderOn()
    {
        var database = await fixture.CreateDatabaseAsync();

        var header = await DonationCsv.ReadStartAsync(new MemoryStream(ImportFiles.Bytes("stripe-preamble.csv")), ImportLayout.Stripe);
        var report = await CommitAsync(database, "stripe-preamble.csv", ImportLayout.Stripe);

        Assert.Equal((3, "Stripe payments export"), (header.Line, header.Variant!.Name));
        Assert.Equal("Stripe payments export", report.Variant);
        Assert.Equal([("ch_3PreambleRow001", new DateOnly(2025, 5, 1), 45_00L, 0L, "USD")], (await StoredAsync(database, report)).Select(Stored));
        Assert.Equal(["5: Not a completed payment: the status is 'Failed'."], Lines(report.Skipped));
    }
}
