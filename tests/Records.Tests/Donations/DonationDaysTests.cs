using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Donations.Import;
using Records.Core.People;
using Records.Tests.Infrastructure;

namespace Records.Tests.Donations;

/// <summary>
/// The daily sums against a full GROUP BY over the gifts, after every kind of change to the ledger: gifts added by
/// hand (with a campaign new in the same save), edited in any of the summed fields, deleted, imported; saves that
/// fail; the migration's backfill of a ledger that had gifts before the sums existed.
/// </summary>
public class DonationDaysTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] Currencies = ["USD", "EUR", "JPY"];
    private static readonly DonationChannel[] Channels = [DonationChannel.Card, DonationChannel.PayPal, DonationChannel.Cheque, DonationChannel.BankTransfer];
    private static readonly DateOnly First = new(2025, 12, 28);

    private static async Task<List<DonationDay>> FromGiftsAsync(RecordsDbContext db) =>
        (await db.Donations.AsNoTracking()
            .GroupBy(d => new { d.ReceivedOn, d.Currency, d.Channel, Campaign = d.CampaignId ?? 0 })
            .Select(g => new { g.Key, Gifts = g.Count(), Amount = g.Sum(d => d.AmountMinor), Fee = g.Sum(d => d.FeeMinor) })
            .ToListAsync())
        .Select(g => new DonationDay { Day = g.Key.ReceivedOn, Currency = g.Key.Currency, Channel = g.Key.Channel, CampaignId = g.Key.Campaign, Gifts = g.Gifts, AmountMinor = g.Amount, FeeMinor = g.Fee })
        .OrderBy(Sort).ToList();

    private static async Task<List<DonationDay>> SummaryAsync(RecordsDbContext db) => (await db.DonationDays.AsNoTracking().ToListAsync()).OrderBy(Sort).ToList();

    private static string Sort(DonationDay d) => $"{d.Day:yyyy-MM-dd}|{d.Currency}|{d.Channel}|{d.CampaignId:D9}";

    private static async Task AssertInStepAsync(TestDatabase database, string step)
    {
        await using var db = database.Open();
        var expected = await FromGiftsAsync(db);
        var actual = await SummaryAsync(db);
        Assert.True(expected.Select(Line).SequenceEqual(actual.Select(Line)),
            $"After {step}: summary\n{string.Join("\n", actual.Select(Line))}\ngifts\n{string.Join("\n", expected.Select(Line))}");
    }

    private static string Line(DonationDay d) => $"{Sort(d)} {d.Gifts} {d.AmountMinor} {d.FeeMinor}";

    private static Donation Gift(Random random, int? campaign, Person? donor) => new()
    {
        Person = donor, IsAnonymous = donor is null, AmountMinor = random.Next(1, 50_000), FeeMinor = random.Next(0, 300),
        Currency = Currencies[random.Next(Currencies.Length)], Channel = Channels[random.Next(Channels.Length)],
        ReceivedOn = First.AddDays(random.Next(6)), CampaignId = campaign,
    };

    [Fact]
    public async Task EveryKindOfChangeKeepsTheDailySumsEqualToTheGifts()
    {
        var database = await fixture.CreateDatabaseAsync();
        var random = new Random(17);
        var campaigns = new List<int>();
        await using (var db = database.Open())
        {
            db.People.Add(new Person { Name = "Rita Donor", Email = "rita@example.org" });
            foreach (var name in new[] { "Spring drive", "Year end" }) db.Campaigns.Add(new Campaign { Name = name, Currency = "USD" });
            await db.SaveChangesAsync();
            campaigns.AddRange(await db.Campaigns.Select(c => c.Id).ToListAsync());
        }

        var imports = 0;
        for (var step = 1; step <= 80; step++)
        {
            await using var db = database.Open();
            var ids = await db.Donations.Select(d => d.Id).ToListAsync();
            var donor = await db.People.FirstAsync();
            int? Campaign() => random.Next(3) == 0 ? null : campaigns[random.Next(campaigns.Count)];
            var kind = ids.Count < 5 ? 0 : random.Next(7);
            string what;
            switch (kind)
            {
                case 0:
                    var count = random.Next(1, 4);
                    for (var i = 0; i < count; i++) db.Donations.Add(Gift(random, Campaign(), random.Next(2) == 0 ? donor : null));
                    await db.SaveChangesAsync();
                    what = $"adding {count} gifts";
                    break;
                case 1:
                    var drive = new Campaign { Name = $"Drive {step}", Currency = "EUR" };
                    var withDrive = Gift(random, null, donor);
                    withDrive.Campaign = drive;
                    db.Donations.Add(withDrive);
                    await db.SaveChangesAsync();
                    campaigns.Add(drive.Id);
                    what = "adding a gift with a new campaign";
                    break;
                case 2:
                case 3:
                    var editId = ids[random.Next(ids.Count)];
                    var edited = await db.Donations.SingleAsync(d => d.Id == editId);
                    switch (random.Next(6))
                    {
                        case 0: edited.AmountMinor = random.Next(1, 50_000); break;
                        case 1: edited.ReceivedOn = First.AddDays(random.Next(6)); break;
                        case 2: edited.Currency = Currencies[random.Next(Currencies.Length)]; break;
                        case 3: edited.Channel = Channels[random.Next(Channels.Length)]; break;
                        case 4: edited.CampaignId = Campaign(); break;
                        default: edited.FeeMinor = random.Next(0, 300); edited.Notes = "corrected"; break;
                    }
                    await db.SaveChangesAsync();
                    what = $"editing gift {edited.Id}";
                    break;
                case 4:
                    var deleteId = ids[random.Next(ids.Count)];
                    var deleted = await db.Donations.SingleAsync(d => d.Id == deleteId);
                    db.Donations.Remove(deleted);
                    await db.DeleteCountAsync();
                    what = $"deleting gift {deleted.Id}";
                    break;
                case 5:
                    var report = await DonationImporter.CommitAsync(db, new MemoryStream(Stripe(++imports, random)), ImportLayout.Stripe,
                        new ImportCommit($"stripe-{imports}.csv", "staff@records.local", new DateTime(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc)),
                        new DateOnly(2026, 1, 5), TimeZoneInfo.Utc);
                    Assert.True(report.Added > 0);
                    what = $"importing {report.Added} gifts";
                    break;
                default:
                    // A gift breaking a check constraint fails the save with a good gift beside it and an edit: no sum moves.
                    db.Donations.Add(Gift(random, Campaign(), donor));
                    db.Donations.Add(new Donation { AmountMinor = 0, Currency = "USD", ReceivedOn = First, Channel = DonationChannel.Card, IsAnonymous = true });
                    var firstId = ids[0];
                    (await db.Donations.SingleAsync(d => d.Id == firstId)).AmountMinor += 1;
                    await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
                    what = "a save that failed";
                    break;
            }
            await AssertInStepAsync(database, $"step {step}, {what}");
        }
    }

    [Fact]
    public async Task AFailedSaveInsideTheCallersTransactionLeavesTheSumsAsTheyWere()
    {
        var database = await fixture.CreateDatabaseAsync();
        await using (var db = database.Open())
        {
            db.Donations.Add(new Donation { AmountMinor = 25_00, Currency = "USD", ReceivedOn = First, Channel = DonationChannel.Card, IsAnonymous = true });
            await db.SaveChangesAsync();
        }
        await using (var db = database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Donations.Add(new Donation { AmountMinor = 10_00, Currency = "USD", ReceivedOn = First, Channel = DonationChannel.Card, IsAnonymous = true });
            db.Donations.Add(new Donation { AmountMinor = -1, Currency = "USD", ReceivedOn = First, Channel = DonationChannel.Card, IsAnonymous = true });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.Donations.Add(new Donation { AmountMinor = 5_00, Currency = "USD", ReceivedOn = First, Channel = DonationChannel.Card, IsAnonymous = true });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        await AssertInStepAsync(database, "a failed save and a good one in one transaction");
        await using (var db = database.Open())
        {
            var day = await db.DonationDays.SingleAsync();
            Assert.Equal((2, 30_00L), (day.Gifts, day.AmountMinor));
        }
    }

    [Fact]
    public async Task TheMigrationFillsTheSumsFromTheGiftsAlreadyInTheLedger()
    {
        var database = new TestDatabase(Path.Combine(fixture.NewFolder(), "before.db"), DatabaseProvider.Sqlite);
        await using (var db = database.Open())
        {
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            var ours = all.Single(m => m.EndsWith("_DonationDays", StringComparison.Ordinal));
            await migrator.MigrateAsync(all[all.IndexOf(ours) - 1]);
            var random = new Random(4);
            var sql = new StringBuilder("INSERT INTO Campaigns (Name, Currency, Version) VALUES ('Drive', 'USD', 'X');");
            for (var i = 0; i < 500; i++)
            {
                sql.Append(CultureInfo.InvariantCulture,
                    $"INSERT INTO Donations (IsAnonymous, AmountMinor, Currency, ReceivedOn, Channel, FeeMinor, IsRecurring, QuidProQuoMinor, CampaignId, Version) VALUES (1, {random.Next(1, 100_000)}, '{Currencies[random.Next(3)]}', '{First.AddDays(random.Next(40)):yyyy-MM-dd}', '{Channels[random.Next(4)]}', {random.Next(200)}, 0, 0, {(random.Next(2) == 0 ? "NULL" : "1")}, '{Guid.NewGuid()}');");
            }
            await db.Database.ExecuteSqlRawAsync(sql.ToString());
            await migrator.MigrateAsync();
        }
        SqliteConnection.ClearAllPools();
        await AssertInStepAsync(database, "the migration");
        await using (var db = database.Open()) Assert.Equal(500, await db.DonationDays.SumAsync(d => d.Gifts));
    }

    private static byte[] Stripe(int file, Random random)
    {
        var text = new StringBuilder("id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Converted Amount,Fee,Taxes,Converted Currency,Status,Seller Message,Captured,Customer ID,Customer Description,Customer Email\n");
        var rows = random.Next(1, 12);
        for (var i = 1; i <= rows; i++)
        {
            var day = First.AddDays(random.Next(6));
            var amount = random.Next(1, 900);
            var (name, email) = i % 3 == 0 ? ("", "") : ($"Importer {file}-{i}", $"importer{file}-{i}@example.net");
            text.Append(CultureInfo.InvariantCulture, $"ch_days{file}_{i},Donation,{day:yyyy-MM-dd} 10:00:00,{amount}.00,0.00,usd,{amount}.00,0.59,0.00,usd,Paid,Payment complete.,true,cus_{i},{name},{email}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
