using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Core.People;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.Import.ImportPages;

namespace Records.Tests.Donations.Import;

/// <summary>
/// In a database of its own: which of the file's donors already exist must not depend on the order other import
/// tests run in (the PayPal file names some of the same people).
/// </summary>
public class ImportFirstCommitTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private Task<List<Donation>> DonationsAsync(string prefix) =>
        app.WithDbAsync(db => db.Donations.AsNoTracking().Include(d => d.Person).Where(d => d.TransactionId!.StartsWith(prefix)).OrderBy(d => d.TransactionId).ToListAsync());

    [Fact]
    public async Task CommitAddsTheGoodRowsOnceWithDonorsMatchedByEmailAndAReimportAddsNothing()
    {
        var grace = await app.WithDbAsync(async db =>
        {
            var person = new Person { Name = "Grace B. Hopper", Email = "grace.hopper@example.org" };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        var client = await app.StaffAsync();

        var done = await ImportAsync(app, client, "stripe.csv", "Stripe");

        Assert.Equal("Added 5 donations; 0 duplicates, 2 rows that are not completed payments and 0 rows with problems left out; 2 new donors created, 1 donor matched by email.",
            TextOf(done, "[data-summary]"));
        Assert.Equal(["4 | ch_3QStripe00003 | Not a completed payment: the status is 'Failed'.", "5 | ch_3QStripe00004 | Refunded in full."],
            Rows(done, "[data-state=done] [data-skipped]"));
        var import = await app.WithDbAsync(db => db.DonationImports.SingleAsync(i => i.FileName == "stripe.csv"));
        Assert.Equal(("Stripe", 7, 5, 0, 0, 2, "staff@records.local"), (import.Layout, import.RowsRead, import.Added, import.Duplicates, import.BadRows, import.DonorsCreated, import.By));
        Assert.Equal(64, import.Sha256.Length);
        var added = await DonationsAsync("ch_3QStripe");
        Assert.Equal(["ch_3QStripe00001", "ch_3QStripe00002", "ch_3QStripe00005", "ch_3QStripe00006", "ch_3QStripe00007"], added.Select(d => d.TransactionId));
        Assert.All(added, d => Assert.Equal((import.Id, DonationChannel.Card), (d.ImportId, d.Channel)));
        Assert.Equal((grace, 10_00L, 59L, true, new DateOnly(2025, 3, 1)), (added[1].PersonId!.Value, added[1].AmountMinor, added[1].FeeMinor, added[1].IsRecurring, added[1].ReceivedOn));
        Assert.Equal(added[0].PersonId, added[3].PersonId);
        Assert.Equal(("Ada Lovelace", "ada.lovelace@example.org"), (added[0].Person!.Name, added[0].Person!.Email));
        Assert.Equal(("GBP", 1_000_00L), (added[2].Currency, added[2].AmountMinor));
        Assert.True(added[4].IsAnonymous);
        Assert.Null(added[4].PersonId);
        Assert.NotEqual(Guid.Empty, added[0].Version);

        var again = await CheckAsync(app, client, "stripe.csv", "Stripe");

        Assert.Equal("0 donations would be added, 5 duplicates and 2 rows that are not completed payments left out.", TextOf(again, "[data-summary]"));
        Assert.Null(again.QuerySelector("form[data-form=commit] button"));
        Assert.StartsWith("This very file was imported on ", TextOf(again, "[data-same-file]"));
        Assert.Equal(5, (await DonationsAsync("ch_3QStripe")).Count);
        Assert.Contains("stripe.csv", TextOf(again, "[data-recent-imports]"));
    }
}
