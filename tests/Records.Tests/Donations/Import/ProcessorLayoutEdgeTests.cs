using Records.Tests.Infrastructure;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Core.Donations.Import;
using Records.Core.People;
using Records.Tests.Mail;

namespace Records.Tests.Donations.Import;

/// <summary>Layouts and lines found in real exports beyond the common ones: through the Core import on a real database.</summary>
public class ProcessorLayoutEdgeTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTime At = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    private static MemoryStream File(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task PayPalBalanceAffectingDownloadWithoutAStatusColumnIsReadAsCompletedPayments()
    {
        var database = await fixture.CreateDatabaseAsync();
        await using var db = database.Open();
        const string csv = """
            "Date","Time","TimeZone","Description","Currency","Gross","Fee","Net","Balance","Transaction ID","From Email Address","Name","Reference Txn ID"
            "14/03/2025","09:00:00","GMT","Donation Payment","GBP","25.00","-0.95","24.05","24.05","7PB11111AA1111111","ann@example.org","Ann Example",""
            "15/03/2025","09:00:00","GMT","General Withdrawal","GBP","-24.05","0.00","-24.05","0.00","7PB22222AA2222222","","",""
            """;

        var report = await DonationImporter.CommitAsync(db, File(csv), ImportLayout.PayPal, new ImportCommit("pp.csv", "staff@records.local", At), Today, Zone);

        Assert.Equal("PayPal activity download, balance-affecting layout (no Status column)", report.Variant);
        var gift = await db.Donations.AsNoTracking().SingleAsync();
        Assert.Equal((new DateOnly(2025, 3, 14), 25_00L, 95L, "GBP"), (gift.ReceivedOn, gift.AmountMinor, gift.FeeMinor, gift.Currency));
        Assert.Equal(["3: Not a gift: the type is 'General Withdrawal'."], report.Skipped.Select(s => $"{s.Line}: {s.Reason}"));
    }

    [Fact]
    public async Task TotalsUnderTheRowsAreSkippedButARowMissingItsDateAndIdIsBad()
    {
        var database = await fixture.CreateDatabaseAsync();
        await using var db = database.Open();
        const string csv = """
            Gift date,Amount,Currency,Reference,Donor email
            2025-02-15,20.00,USD,GEN-1,ann@example.org
            ,35.00,USD,,bob@example.org
            ,55.00,,,
            """;
        var layout = ImportLayout.Generic(new ColumnMap("Gift date", "Amount", "Currency", "Reference", Email: "Donor email"), DateFormatChoice.YearMonthDay, DonationChannel.BankTransfer);

        var report = await DonationImporter.DryRunAsync(db, File(csv), layout, Today, Zone);

        Assert.Equal(1, report.Added);
        Assert.Equal(["3: The transaction id is missing. The date is missing."], report.BadRows.Select(b => $"{b.Line}: {b.Reason}"));
        Assert.Equal(["4: Not a payment: a line with neither a date nor a transaction id (a total or a note under the rows)."], report.Skipped.Select(s => $"{s.Line}: {s.Reason}"));
    }

    [Fact]
    public async Task APublicGitHubSponsorsMonthlyGiftsGatherUnderOnePersonFoundByTheirGitHubLink()
    {
        var database = await fixture.CreateDatabaseAsync();
        await using var db = database.Open();
        const string header = "Sponsor Handle,Sponsor Profile Name,Sponsor Public Email,Is Public?,Transaction ID,Tier Name,Processed Amount,Status,Transaction Date";
        var january = $"{header}\nmona-dev,Mona Example,,true,ch_gh_1,$5 a month,$5.00,settled,2025-01-05\nmona-dev,Mona Example,,true,ch_gh_2,$50 one time,$50.00,settled,2025-01-20\n";
        var february = $"{header}\nMONA-DEV,Mona Example,,true,ch_gh_3,$5 a month,$5.00,settled,2025-02-05\n";

        var first = await DonationImporter.CommitAsync(db, File(january), ImportLayout.GitHubSponsors, new ImportCommit("jan.csv", "staff@records.local", At), Today, Zone);
        var second = await DonationImporter.CommitAsync(db, File(february), ImportLayout.GitHubSponsors, new ImportCommit("feb.csv", "staff@records.local", At), Today, Zone);

        Assert.Equal((1, 0, 0, 1), (first.DonorsCreated, first.DonorsMatched, second.DonorsCreated, second.DonorsMatched));
        var mona = await db.People.AsNoTracking().Include(p => p.Links).SingleAsync();
        Assert.Equal("Mona Example", mona.Name);
        Assert.Equal([(LinkKind.GitHub, "https://github.com/mona-dev")], mona.Links.Select(l => (l.Kind, l.Url)));
        var gifts = await db.Donations.AsNoTracking().OrderBy(d => d.TransactionId).ToListAsync();
        Assert.All(gifts, g => Assert.Equal((mona.Id, DonationChannel.GitHubSponsors, "USD", false), (g.PersonId!.Value, g.Channel, g.Currency, g.IsAnonymous)));
        Assert.Equal([true, false, true], gifts.Select(g => g.IsRecurring));
    }

    [Fact]
    public async Task AOneOffCardPaymentWithoutACustomerIsNamedByTheNameOnTheCard()
    {
        var database = await fixture.CreateDatabaseAsync();
        await using var db = database.Open();
        const string csv = """
            id,Created (UTC),Amount,Currency,Status,Customer Description,Customer Email,Card Name
            ch_card_1,2025-04-05 13:45,25.00,usd,Paid,,,Carla Card
            ch_card_2,2025-04-06 13:45,30.00,usd,Paid,Dora Customer,dora@example.org,D CUSTOMER
            """;

        await DonationImporter.CommitAsync(db, File(csv), ImportLayout.Stripe, new ImportCommit("cards.csv", "staff@records.local", At), Today, Zone);

        var donors = await db.Donations.AsNoTracking().OrderBy(d => d.TransactionId).Select(d => d.Person!.Name).ToListAsync();
        Assert.Equal(["Carla Card", "Dora Customer"], donors);
    }
}
