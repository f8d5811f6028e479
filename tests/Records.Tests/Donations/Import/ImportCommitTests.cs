using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Core.People;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.Import.ImportPages;

namespace Records.Tests.Donations.Import;

public class ImportCommitTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private Task<List<Donation>> DonationsAsync(string prefix) =>
        app.WithDbAsync(db => db.Donations.AsNoTracking().Include(d => d.Person).Where(d => d.TransactionId!.StartsWith(prefix)).OrderBy(d => d.TransactionId).ToListAsync());

    [Fact]
    public async Task PostingTheCommitTwiceAddsNothingTheSecondTime()
    {
        var client = await app.StaffAsync();
        var report = await CheckAsync(app, client, "paypal.csv", "PayPal");

        var first = await CommitAsync(client, report);
        await WaitAsync(app, client, first.Headers.Location!.OriginalString);
        var second = await CommitAsync(client, report);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("paypal.csv has already been committed from this upload; nothing more was added. To import more rows, upload the file again: rows already in the ledger are recognised as duplicates.",
            TextOf(await second.ReadPageAsync(), "[data-refusal]"));
        Assert.Equal(2, await app.WithDbAsync(db => db.Donations.CountAsync(d => d.ImportId != null && d.Channel == DonationChannel.PayPal)));
        Assert.Equal(1, await app.WithDbAsync(db => db.DonationImports.CountAsync(i => i.FileName == "paypal.csv")));
    }

    [Fact]
    public async Task GenericFileIsMappedThenImportedThroughTheChosenChannel()
    {
        var client = await app.StaffAsync();
        var mapping = await CheckAsync(app, client, "generic.csv", "Generic");
        Assert.NotNull(mapping.QuerySelector("[data-state=mapping]"));
        Assert.Equal(["Gift date", "Amount", "Currency", "Fee", "Donor email", "Donor name", "Reference", "Monthly"],
            mapping.QuerySelectorAll("select[name='Input.Date'] option").Skip(1).Select(o => o.TextContent));

        var map = new Dictionary<string, string>
        {
            ["Input.Date"] = "Gift date", ["Input.Amount"] = "Amount", ["Input.Currency"] = "Currency", ["Input.TransactionId"] = "Reference",
            ["Input.Fee"] = "Fee", ["Input.Email"] = "Donor email", ["Input.Name"] = "Donor name", ["Input.Recurring"] = "Monthly",
            ["Input.DateFormat"] = "DayMonthYear", ["Input.Channel"] = "Cheque",
        };
        var unmapped = await client.SubmitFormAsync(mapping, Url, new Dictionary<string, string>(map) { ["Input.TransactionId"] = "", ["Input.Fee"] = "Nope" }, "form[data-form=map]");
        Assert.Equal(HttpStatusCode.BadRequest, unmapped.StatusCode);
        var refused = await unmapped.ReadPageAsync();
        Assert.Equal("Choose the column with the transaction id: it keeps a gift from being imported twice.", refused.FieldError("Input.TransactionId"));
        Assert.Equal("'Nope' is not a column of this file.", refused.FieldError("Input.Fee"));

        var mapped = await client.SubmitFormAsync(mapping, Url, map, "form[data-form=map]");
        Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        var report = await WaitAsync(app, client, mapped.Headers.Location!.OriginalString);
        Assert.Equal(["4 | GEN-0003 | The date '31/02/2025' is not a day of the calendar, read either way."], Rows(report, "[data-bad-rows]"));
        var commit = await CommitAsync(client, report);
        await WaitAsync(app, client, commit.Headers.Location!.OriginalString);

        var added = await DonationsAsync("GEN-");
        Assert.Equal([("GEN-0001", 20_00L, "USD", false), ("GEN-0002", 35_50L, "CAD", true), ("GEN-0004", 5000L, "JPY", false)],
            added.Select(d => (d.TransactionId!, d.AmountMinor, d.Currency, d.IsRecurring)));
        Assert.All(added, d => Assert.Equal(DonationChannel.Cheque, d.Channel));
        Assert.Equal("Yukihiro Matsumoto", added[2].Person!.Name);
    }

    [Fact]
    public async Task NothingIsSavedWhenTheCommitFailsPartWay()
    {
        var client = await app.StaffAsync();
        var upload = await UploadAsync(client, File("bad-rows.csv"), "Stripe");
        var location = upload.Headers.Location!.OriginalString;
        var report = await WaitAsync(app, client, location);
        // The kept file changes under the commit: its good rows are written, then a Latin-1 line stops the read.
        var kept = Path.Combine(app.Folder, "uploads", Token(location) + ".upload");
        await System.IO.File.AppendAllTextAsync(kept, "ch_Late0001,Donation,2025-04-13 10:00:00,9.00,0.00,usd,9.00,0.10,0.00,usd,Paid,x,true,cus,Zoë,zoe@example.org,\n", Encoding.Latin1);

        var commit = await CommitAsync(client, report);
        var failed = await WaitAsync(app, client, commit.Headers.Location!.OriginalString, HttpStatusCode.BadRequest);

        Assert.StartsWith("The file is not UTF-8 text", failed.FieldError("Input.File"));
        Assert.Empty(await DonationsAsync("ch_Bad"));
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Email == "first@example.org" || p.Email == "good.row@example.org")));
        Assert.False(await app.WithDbAsync(db => db.DonationImports.AnyAsync(i => i.FileName == "bad-rows.csv")));
    }
}
