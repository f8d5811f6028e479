using Records.Tests.Infrastructure;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Records.Core.Audit;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Donations.Import;
using Records.Core.People;
using Records.Tests.Mail;

namespace Records.Tests.Donations.Import;

/// <summary>
/// The commit against a real SQLite file, without HTTP: other people keep writing while a big file is read, the rows
/// arrive all at once with their donors and audit entries, and an import that dies half-way leaves nothing behind.
/// </summary>
public class ImportStagingTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTime At = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A Stripe export of <paramref name="rows"/> paid gifts: every third from a donor seen before in the file, every fifth anonymous.</summary>
    private static byte[] Stripe(int rows)
    {
        var text = new StringBuilder(StripeHeader + "\n");
        for (var i = 1; i <= rows; i++)
        {
            var donor = i % 3 == 0 ? i - 1 : i;
            var (name, email) = i % 5 == 0 ? ("", "") : ($"Donor {donor}", $"donor{donor}@example.net");
            text.Append(CultureInfo.InvariantCulture, $"ch_stage{i:D6},Donation,2026-03-01 10:00:00,{10 + i % 90}.00,0.00,usd,{10 + i % 90}.00,0.59,0.00,usd,Paid,Payment complete.,true,cus_{i},{name},{email}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private const string StripeHeader = "id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Converted Amount,Fee,Taxes,Converted Currency,Status,Seller Message,Captured,Customer ID,Customer Description,Customer Email";

    private static Task<ImportReport> CommitAsync(RecordsDbContext db, Stream file) =>
        DonationImporter.CommitAsync(db, file, ImportLayout.Stripe, new ImportCommit("stage.csv", "staff@records.local", At), Today, Zone);

    private static async Task<(int Donations, int People, int Audit, int Imports)> CountsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return (await db.Donations.CountAsync(), await db.People.CountAsync(), await db.AuditEntries.CountAsync(), await db.DonationImports.CountAsync());
    }

    /// <summary>Adds a gift by hand on a connection of its own that waits at most a second for the write lock.</summary>
    private static string? WriteElsewhere(TestDatabase database, string transactionId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.Path, Pooling = false, DefaultTimeout = 1 }.ToString());
        connection.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Donations (IsAnonymous, AmountMinor, Currency, ReceivedOn, Channel, FeeMinor, TransactionId, IsRecurring, QuidProQuoMinor, Version) " +
            $"VALUES (1, 2500, 'USD', '2026-11-01', 'Cheque', 0, '{transactionId}', 0, 0, '{Guid.NewGuid().ToString().ToUpperInvariant()}')";
        try
        {
            insert.ExecuteNonQuery();
            return null;
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    [Fact]
    public async Task WhileABigFileIsReadAndStagedSomeoneElseCanAddAGift()
    {
        var database = await fixture.CreateSqliteDatabaseAsync();
        var file = Stripe(12_000);
        var writes = new List<string?>();
        await using var stream = new ActingStream(file, [file.Length / 4, file.Length / 2, file.Length * 3 / 4],
            n => writes.Add(WriteElsewhere(database, $"by_hand_{n}")));
        await using var db = database.Open();

        var report = await CommitAsync(db, stream);

        Assert.Equal([null, null, null], writes);
        Assert.Equal(12_000, report.Added);
        var counts = await CountsAsync(database);
        Assert.Equal(12_003, counts.Donations);
    }

    [Fact]
    public async Task TheRowsArriveWithTheirNewDonorsAndAnAuditEntryEach()
    {
        var database = await fixture.CreateSqliteDatabaseAsync();
        var before = await CountsAsync(database);
        await using var db = database.Open();

        var report = await CommitAsync(db, new MemoryStream(Stripe(30)));

        // 30 rows: 6 anonymous (every fifth); the other 24 from 18 donors, as every third row repeats the donor of the row before it.
        Assert.Equal((30, 18), (report.Added, report.DonorsCreated));
        var after = await CountsAsync(database);
        Assert.Equal((30, 18, 1), (after.Donations - before.Donations, after.People - before.People, after.Imports - before.Imports));
        var gifts = await db.Donations.AsNoTracking().Include(d => d.Person).Where(d => d.TransactionId!.StartsWith("ch_stage")).OrderBy(d => d.TransactionId).ToListAsync();
        Assert.Equal(["Donor 2", "Donor 2"], gifts.Where(g => g.TransactionId is "ch_stage000002" or "ch_stage000003").Select(g => g.Person!.Name));
        Assert.True(gifts.Single(g => g.TransactionId == "ch_stage000005").IsAnonymous);
        Assert.All(gifts, g => Assert.Equal(report.ImportId, g.ImportId));

        var third = gifts.Single(g => g.TransactionId == "ch_stage000003");
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Donation" && a.EntityId == third.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(("staff@records.local", "Gift of $13.00 from Donor 2 on Mar 1, 2026"), (entry.UserName, entry.Summary));
        using var changes = JsonDocument.Parse(entry.Changes!);
        Assert.Equal(third.PersonId, changes.RootElement.GetProperty("PersonId")[1].GetInt32());
        Assert.Equal(report.ImportId, changes.RootElement.GetProperty("ImportId")[1].GetInt32());
        Assert.Equal("ch_stage000003", changes.RootElement.GetProperty("TransactionId")[1].GetString());
        Assert.False(changes.RootElement.GetProperty("IsAnonymous")[1].GetBoolean());
        var donor = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Person" && a.EntityId == third.PersonId!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("Donor 2", donor.Summary);
        Assert.Equal(30, await db.AuditEntries.CountAsync(a => a.EntityType == "Donation" && a.UserName == "staff@records.local"));
        Assert.Equal(18, await db.AuditEntries.CountAsync(a => a.EntityType == "Person" && a.UserName == "staff@records.local"));
    }

    [Fact]
    public async Task AnImportedGiftAndItsNewDonorAreAuditedAsTheSameAddedByHandWouldBe()
    {
        var database = await fixture.CreateSqliteDatabaseAsync();
        int importId;
        await using (var importing = database.Open())
        {
            importId = (await CommitAsync(importing, new MemoryStream(Stripe(3)))).ImportId!.Value;
        }
        await using var db = database.Open();
        var imported = await db.Donations.AsNoTracking().Include(d => d.Person).SingleAsync(d => d.TransactionId == "ch_stage000002");
        var byHand = new Donation
        {
            Person = new Person { Name = imported.Person!.Name, Email = imported.Person.Email, CreatedAt = At }, AmountMinor = imported.AmountMinor,
            Currency = imported.Currency, ReceivedOn = imported.ReceivedOn, Channel = imported.Channel, FeeMinor = imported.FeeMinor,
            TransactionId = "by_hand", IsRecurring = imported.IsRecurring, ImportId = importId,
        };
        db.Donations.Add(byHand);
        await db.SaveChangesAsync();

        var entries = await db.AuditEntries.AsNoTracking().ToListAsync();
        AuditEntry Of(string type, int id) => entries.Single(a => a.EntityType == type && a.EntityId == id.ToString(CultureInfo.InvariantCulture));
        var (handPerson, importedPerson) = (Of("Person", byHand.PersonId!.Value), Of("Person", imported.PersonId!.Value));
        Assert.Equal((handPerson.Action, handPerson.Summary, handPerson.Changes), (importedPerson.Action, importedPerson.Summary, importedPerson.Changes));
        var (handGift, importedGift) = (Of("Donation", byHand.Id), Of("Donation", imported.Id));
        Assert.Equal((handGift.Action, handGift.Summary), (importedGift.Action, importedGift.Summary));
        var expected = Fields(handGift.Changes!)
            .Select(f => f.Name switch
            {
                "PersonId" => (f.Name, imported.PersonId.Value.ToString(CultureInfo.InvariantCulture)),
                "TransactionId" => (f.Name, "\"ch_stage000002\""),
                _ => f,
            });
        Assert.Equal(expected, Fields(importedGift.Changes!));
    }

    private static List<(string Name, string Value)> Fields(string changes)
    {
        using var json = JsonDocument.Parse(changes);
        return json.RootElement.EnumerateObject().Select(p => (p.Name, p.Value[1].GetRawText())).ToList();
    }

    [Fact]
    public async Task AnImportThatDiesHalfWayLeavesNothingInTheLedgerAndNoStagedRows()
    {
        var database = await fixture.CreateSqliteDatabaseAsync();
        var before = await CountsAsync(database);
        var file = Stripe(12_000);
        await using var db = database.Open();

        await Assert.ThrowsAsync<IOException>(() => CommitAsync(db, new ActingStream(file, [file.Length * 9 / 10], _ => throw new IOException("The disk went away."))));

        Assert.Equal(before, await CountsAsync(database));
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var staged = connection.CreateCommand();
        staged.CommandText = "SELECT COUNT(*) FROM temp.sqlite_master";
        Assert.Equal(0L, await staged.ExecuteScalarAsync());

        // The same file afterwards goes in whole.
        Assert.Equal(12_000, (await CommitAsync(db, new MemoryStream(file))).Added);
    }

    /// <summary>Serves the bytes and runs an action once the reader has passed each of the given offsets.</summary>
    private sealed class ActingStream(byte[] bytes, long[] marks, Action<int> act) : MemoryStream(bytes)
    {
        private int next;

        public override int Read(byte[] buffer, int offset, int count) => After(base.Read(buffer, offset, Math.Min(count, 4096)));

        public override int Read(Span<byte> buffer) => After(base.Read(buffer[..Math.Min(buffer.Length, 4096)]));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => ValueTask.FromResult(Read(buffer.Span));

        private int After(int read)
        {
            while (next < marks.Length && Position >= marks[next]) act(++next);
            return read;
        }
    }
}
