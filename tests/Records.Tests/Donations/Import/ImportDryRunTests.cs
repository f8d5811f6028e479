using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.People;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.Import.ImportPages;

namespace Records.Tests.Donations.Import;

public class ImportDryRunTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task EveryBadRowIsListedWithItsLineAndNothingIsSaved()
    {
        var client = await app.StaffAsync();
        var before = await app.WithDbAsync(db => db.Donations.CountAsync());

        var report = await CheckAsync(app, client, "bad-rows.csv", "Stripe");

        Assert.Equal("2 donations would be added, 1 duplicate and 0 rows that are not completed payments left out. 9 rows with problems would be left out.", TextOf(report, "[data-summary]"));
        Assert.Equal(
        [
            "2 | ch_Bad0001 | The amount -5.00 is not more than zero.",
            "3 | ch_Bad0002 | The amount 20000000.00 is over 10,000,000 USD: most likely a typing error.",
            "4 | ch_Bad0003 | 'xyz' is not a currency code (ISO 4217, such as USD or EUR).",
            "5 | ch_Bad0004 | The date 2099-01-01 is in the future.",
            "8 | — | The transaction id is missing.",
            "9 | ch_Bad0008 | The date 'April 8th' is not a date the import reads (write it like 2025-04-05, 05/04/2025 or 5 Apr 2025).",
            "10 | ch_Bad0009 | The fee 25.00 is more than the amount 20.00.",
            "11 | ch_Bad0010 | The date is missing.",
            "12 | ch_Bad0011 | The amount 0.00 is not more than zero.",
        ], Rows(report, "[data-bad-rows]"));
        Assert.Equal(["7 | ch_Bad0005 | The same transaction id as line 6."], Rows(report, "[data-duplicates]"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Donations.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Email == "first@example.org")));
    }

    [Fact]
    public async Task ProblemsDownloadHoldsEveryLineLeftOut()
    {
        var client = await app.StaffAsync();
        var report = await CheckAsync(app, client, "bad-rows.csv", "Stripe");

        var csv = await client.GetStringAsync(report.QuerySelector("[data-problems-csv]")!.GetAttribute("href"));

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Line,Transaction,Kind,Reason", lines[0]);
        Assert.Equal(11, lines.Length);
        Assert.Contains("2,ch_Bad0001,Bad,The amount -5.00 is not more than zero.", lines);
        Assert.Contains("7,ch_Bad0005,Duplicate,The same transaction id as line 6.", lines);
    }

    [Fact]
    public async Task StripeDryRunCountsDonorsTotalsAndSkippedPayments()
    {
        await app.WithDbAsync(db =>
        {
            db.People.Add(new Person { Name = "Barbara Liskov", Email = "Barbara.Liskov@example.org" });
            return db.SaveChangesAsync();
        });
        var client = await app.StaffAsync();

        var report = await CheckAsync(app, client, "stripe.csv", "Stripe");

        Assert.Equal("5 donations would be added, 0 duplicates and 2 rows that are not completed payments left out.", TextOf(report, "[data-summary]"));
        Assert.Equal("1 donor matched by email (case ignored), 2 new donors to be created.", TextOf(report, "[data-donors]"));
        Assert.Equal(["GBP | £1,000.00", "USD | $80.00"], Rows(report, "[data-totals]"));
        Assert.Equal(["4 | ch_3QStripe00003 | Not a completed payment: the status is 'Failed'.", "5 | ch_3QStripe00004 | Refunded in full."],
            Rows(report, "[data-skipped]"));
        Assert.Null(report.QuerySelector("[data-bad-rows]"));
    }

    [Fact]
    public async Task ProgressOfAnUnknownUploadIsNotFound()
    {
        var client = await app.StaffAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Url}?handler=Progress&token={new string('a', 32)}")).StatusCode);
        var page = await client.GetPageAsync($"{Url}?token={new string('b', 32)}", HttpStatusCode.NotFound);
        Assert.StartsWith("This upload is no longer here", TextOf(page, "[data-refusal]"));
    }

    [Fact]
    public async Task BoardIsRefusedTheImportButReadsTheLedgerWithoutItsLink()
    {
        var board = app.Browser();
        await board.LoginAsRoleAsync("Board");
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync(Url)).StatusCode);
        Assert.Null((await board.GetPageAsync("/Donations")).QuerySelector("[data-import]"));

        var staff = await app.StaffAsync();
        Assert.Equal(Url, (await staff.GetPageAsync("/Donations")).QuerySelector("[data-import]")!.GetAttribute("href"));
        var upload = await staff.GetPageAsync(Url);
        Assert.NotNull(upload.QuerySelector("form[data-form=upload] input[type=file]"));
    }
}
