using Records.Tests.Infrastructure;
using Records.Core.Donations;
using Records.Core.Donations.Import;
using Records.Tests.Mail;
using static Records.Tests.Donations.Import.ProcessorExports;

namespace Records.Tests.Donations.Import;

/// <summary>Files from giving platforms and banks read through mapped columns: report lines above the header, semicolons and decimal commas.</summary>
public class GenericExportTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly ImportLayout Platform = ImportLayout.Generic(
        new ColumnMap("Donation Date", "Amount", "Currency", "Reference", Email: "Donor Email", Name: "Donor Name", Recurring: "Recurring"),
        DateFormatChoice.YearMonthDay, DonationChannel.Card);

    [Fact]
    public async Task AGivingPlatformsReportDetailsAboveTheHeaderAreSteppedOverAndRowsKeepTheirLineNumbers()
    {
        var database = await fixture.CreateDatabaseAsync();

        var start = await DonationCsv.ReadStartAsync(new MemoryStream(ImportFiles.Bytes("generic-preamble.csv")), null);

        Assert.Equal((6, ','), (start.Line, start.Separator));
        Assert.Equal(["Donation Date", "Donor Name", "Donor Email", "Amount", "Currency", "Reference", "Recurring"], start.Headers);
        Assert.Equal("Giving report: online donations", start.FirstLines[0].Text);

        var report = await CommitAsync(database, "generic-preamble.csv", Platform);

        Assert.Equal((4, 3), (report.RowsRead, report.Added));
        var stored = await StoredAsync(database, report);
        Assert.Equal([
            ("GIVE-0001", new DateOnly(2025, 3, 2), 40_00L, 0L, "USD"),
            ("GIVE-0002", new DateOnly(2025, 3, 9), 15_00L, 0L, "USD"),
            ("GIVE-0004", new DateOnly(2025, 3, 23), 75_50L, 0L, "CAD"),
        ], stored.Select(Stored));
        Assert.Equal([false, true, false], stored.Select(d => d.IsRecurring));
        Assert.Equal("Rosalind Franklin", stored[0].Person!.Name);
        Assert.Equal(["9: The amount is missing."], Lines(report.BadRows));
    }

    [Fact]
    public async Task ReportDetailsPaddedToTheTablesWidthAsASpreadsheetSavesThemAreNotTakenForTheHeader()
    {
        var database = await fixture.CreateDatabaseAsync();

        var start = await DonationCsv.ReadStartAsync(new MemoryStream(ImportFiles.Bytes("generic-preamble-spreadsheet.csv")), null);

        Assert.Equal(6, start.Line);
        Assert.Equal(["Donation Date", "Donor Name", "Donor Email", "Amount", "Currency", "Reference", "Recurring"], start.Headers);

        var report = await CommitAsync(database, "generic-preamble-spreadsheet.csv", Platform);

        Assert.Equal(["GIVE-0101", "GIVE-0102", "GIVE-0104"], (await StoredAsync(database, report)).Select(d => d.TransactionId));
        Assert.Equal(["9: The amount is missing."], Lines(report.BadRows));
    }

    [Fact]
    public async Task ASemicolonSeparatedFileWithDecimalCommasIsReadAtItsRealAmounts()
    {
        var database = await fixture.CreateDatabaseAsync();
        var layout = ImportLayout.Generic(new ColumnMap("Datum", "Betrag", "Währung", "Referenz", Email: "E-Mail", Name: "Name"),
            DateFormatChoice.DayMonthYear, DonationChannel.BankTransfer);

        var report = await CommitAsync(database, "generic-semicolon.csv", layout);

        Assert.Equal((DateOrder.DayFirst, 3), (report.Dates!.Order, report.Dates.SettledBy!.Line));
        var stored = await StoredAsync(database, report);
        Assert.Equal([
            ("SEPA-0001", new DateOnly(2025, 4, 5), 1_234_56L, 0L, "EUR"),
            ("SEPA-0002", new DateOnly(2025, 4, 15), 50_00L, 0L, "EUR"),
            ("SEPA-0003", new DateOnly(2025, 4, 20), 250_50L, 0L, "EUR"),
        ], stored.Select(Stored));
        Assert.Equal(["Erika Mustermann", "Max Mustermann", "Lisa Müller"], stored.Select(d => d.Person!.Name));
        Assert.Empty(report.BadRows);
    }
}
