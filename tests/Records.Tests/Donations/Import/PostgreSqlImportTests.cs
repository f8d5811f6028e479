using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Donations.Import;
using Records.Core.People;
using Records.Tests.Infrastructure;

namespace Records.Tests.Donations.Import;

/// <summary>
/// Imports on PostgreSQL (a server named by <see cref="TestDatabases.ServerVariable"/>) through the same Core code as
/// /Donations/Import, each beside the same import on a SQLite file: both engines must leave the same ledger, row for
/// row, down to the audit entries' texts, the daily sums and the finance version.
/// </summary>
public class PostgreSqlImportTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTime At = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private const string By = "staff@records.local";
    private const string Known = "ada.public@example.org";
    private const string LongNamed = "long.name@example.net";

    /// <summary>An engine's database, and how many TEMP tables an import left in its sessions, asked right after the import.</summary>
    private sealed record Engine(string Name, Func<RecordsDbContext> Open, Func<RecordsDbContext, Task<long>> TempTables);

    private async Task<Engine[]> EnginesAsync(TestDatabase postgres)
    {
        Engine[] engines = [new("SQLite", (await fixture.CreateSqliteDatabaseAsync()).Open, SqliteTempTablesAsync), new("PostgreSQL", postgres.Open, _ => PostgreSqlTempTablesAsync(postgres))];
        foreach (var engine in engines) await PrepareAsync(engine);
        return engines;
    }

    [Fact]
    public async Task TheSameFilesLeaveTheSameLedgerAsOnSqlite()
    {
        var postgres = await fixture.CreatePostgreSqlDatabaseAsync();
        var engines = await EnginesAsync(postgres);
        var big = Stripe(12_000);
        (string Name, byte[] Bytes, ImportLayout Layout)[] files =
        [
            ("github-sponsors.csv", ImportFiles.Bytes("github-sponsors.csv"), ImportLayout.GitHubSponsors),
            ("paypal.csv", ImportFiles.Bytes("paypal.csv"), ImportLayout.PayPal),
            ("stripe-12k.csv", big, ImportLayout.Stripe),
        ];

        foreach (var (name, bytes, layout) in files)
        {
            var reports = await Task.WhenAll(engines.Select(e => ImportAsync(e, name, bytes, layout)));
            Assert.Equal(Figures(reports[0]), Figures(reports[1]));
            Assert.True(reports[1].Added > 0, name);
            await AssertSameLedgerAsync(engines);
        }

        // The big file again: every row is now a duplicate, and only the import's record is added (the finance version
        // still goes up, as on SQLite).
        var before = await LedgerAsync(engines[1]);
        var again = await ImportAsync(engines[1], "stripe-12k.csv", big, ImportLayout.Stripe);
        await ImportAsync(engines[0], "stripe-12k.csv", big, ImportLayout.Stripe);
        Assert.Equal((0, 12_000, 0), (again.Added, again.Duplicates.Count, again.DonorsCreated));
        var after = await LedgerAsync(engines[1]);
        Assert.Equal(before.People, after.People);
        Assert.Equal(before.Links, after.Links);
        Assert.Equal(before.Donations, after.Donations);
        Assert.Equal(before.Days, after.Days);
        Assert.Equal(before.Imports.Count + 1, after.Imports.Count);
        await AssertSameLedgerAsync(engines);

        var imported = await LedgerAsync(engines[1]);
        Assert.Contains(imported.Audit, a => a.Contains("| Donation |", StringComparison.Ordinal) && a.Contains('…', StringComparison.Ordinal));
        Assert.Contains(imported.Links, l => l.EndsWith("| GitHub | https://github.com/octo-linus | 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFileWhoseRowsReachTheLedgerMeanwhileIsRefusedWithNothingAdded()
    {
        var postgres = await fixture.CreatePostgreSqlDatabaseAsync();
        var engines = await EnginesAsync(postgres);
        var file = Stripe(6_000);
        foreach (var engine in engines)
        {
            var before = await LedgerAsync(engine);
            await using var db = engine.Open();
            await DonationImporter.DryRunAsync(db, new MemoryStream(file), ImportLayout.Stripe, Today, Zone);

            // Once every row has been checked against the ledger and staged, someone adds one of them by hand.
            var refused = await Assert.ThrowsAsync<DonationFileException>(() => DonationImporter.CommitAsync(db,
                new RacingStream(file, () => AddByHand(engine, "ch_pg004321")), ImportLayout.Stripe, new ImportCommit("stripe-6k.csv", By, At), Today, Zone));

            Assert.Equal("Some rows of this file reached the ledger from elsewhere while it was being imported, so nothing was added. Check the file again: those rows will show as duplicates.",
                refused.Message);
            Assert.Equal(0L, await engine.TempTables(db));
            var after = await LedgerAsync(engine);
            Assert.Equal(before.People, after.People);
            Assert.Equal(before.Links, after.Links);
            Assert.Equal(before.Imports, after.Imports);
            Assert.Equal((before.Donations.Count + 1, before.Audit.Count + 1), (after.Donations.Count, after.Audit.Count));
            Assert.EndsWith("| ch_pg004321 | False | 0 |  |  | ", after.Donations[^1]);
        }
        await AssertSameLedgerAsync(engines);

        var retried = await ImportAsync(engines[1], "stripe-6k.csv", file, ImportLayout.Stripe);
        Assert.Equal((5_999, 1), (retried.Added, retried.Duplicates.Count));
    }

    /// <summary>
    /// Migrates, then adds people the files name by email (one with a name longer than a summary, as a database moved
    /// from elsewhere may hold) and a gift by hand on a day the big file has gifts on.
    /// </summary>
    private static async Task PrepareAsync(Engine engine)
    {
        await using var db = engine.Open();
        await RecordsDatabase.MigrateAsync(db);
        db.People.Add(new Person { Name = "Ada Existing", Email = Known, CreatedAt = At });
        db.People.Add(new Person { Name = new string('x', 320), Email = LongNamed, CreatedAt = At });
        db.Donations.Add(new Donation { IsAnonymous = true, AmountMinor = 10_00, Currency = "USD", ReceivedOn = new DateOnly(2026, 3, 2), Channel = DonationChannel.Card, TransactionId = "by_hand_1" });
        await db.SaveChangesAsync();
    }

    private static void AddByHand(Engine engine, string transactionId)
    {
        using var db = engine.Open();
        db.Donations.Add(new Donation { IsAnonymous = true, AmountMinor = 25_00, Currency = "USD", ReceivedOn = new DateOnly(2026, 3, 3), Channel = DonationChannel.Card, TransactionId = transactionId });
        db.SaveChanges();
    }

    /// <summary>The dry run, then the commit, each on a context of its own as the import pages run them; both must read the file alike.</summary>
    private static async Task<ImportReport> ImportAsync(Engine engine, string name, byte[] file, ImportLayout layout)
    {
        ImportReport dryRun;
        await using (var db = engine.Open()) dryRun = await DonationImporter.DryRunAsync(db, new MemoryStream(file), layout, Today, Zone);
        await using var committing = engine.Open();
        var commit = await DonationImporter.CommitAsync(committing, new MemoryStream(file), layout, new ImportCommit(name, By, At), Today, Zone);
        Assert.Equal(Figures(dryRun), Figures(commit));
        Assert.Equal(0L, await engine.TempTables(committing));
        return commit;
    }

    private static (int Read, int Added, int Duplicates, int Bad, int Matched, int Created) Figures(ImportReport r) =>
        (r.RowsRead, r.Added, r.Duplicates.Count, r.BadRows.Count, r.DonorsMatched, r.DonorsCreated);

    private static async Task AssertSameLedgerAsync(Engine[] engines)
    {
        var (sqlite, postgres) = (await LedgerAsync(engines[0]), await LedgerAsync(engines[1]));
        Assert.Equal(sqlite.People, postgres.People);
        Assert.Equal(sqlite.Links, postgres.Links);
        Assert.Equal(sqlite.Donations, postgres.Donations);
        Assert.Equal(sqlite.Imports, postgres.Imports);
        Assert.Equal(sqlite.Audit, postgres.Audit);
        Assert.Equal(sqlite.Days, postgres.Days);
        Assert.Equal(sqlite.Finance, postgres.Finance);
    }

    /// <summary>Every row an import writes, as text, in id order (row versions aside: they are random).</summary>
    private sealed record Ledger(List<string> People, List<string> Links, List<string> Donations, List<string> Imports, List<string> Audit, List<string> Days, long Finance);

    private static async Task<Ledger> LedgerAsync(Engine engine)
    {
        await using var db = engine.Open();
        var people = await db.People.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        var links = await db.PersonLinks.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
        var gifts = await db.Donations.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
        var imports = await db.DonationImports.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        var audit = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        var days = await db.DonationDays.AsNoTracking().ToListAsync();
        return new Ledger(
            [.. people.Select(p => Line(p.Id, p.Name, p.Email, p.Notes, Time(p.CreatedAt)))],
            [.. links.Select(l => Line(l.Id, l.PersonId, l.Kind, l.Url, l.Position))],
            [.. gifts.Select(d => Line(d.Id, d.PersonId, d.OrganisationId, d.IsAnonymous, d.AmountMinor, d.Currency, d.ReceivedOn, d.Channel, d.CampaignId,
                d.FeeMinor, d.TransactionId, d.IsRecurring, d.QuidProQuoMinor, d.AcknowledgedOn, d.Notes, d.ImportId))],
            [.. imports.Select(i => Line(i.Id, i.FileName, i.Layout, i.Sha256, i.RowsRead, i.Added, i.Duplicates, i.BadRows, i.DonorsCreated, i.By, Time(i.At)))],
            // EF's saves stamp their entries with the clock; an import's own rows carry the commit's time.
            [.. audit.Select(a => Line(a.Id, a.UserName, a.EntityType, a.EntityId, a.Action, a.Summary, a.Changes, a.UserName == By ? Time(a.At) : "(clock)"))],
            [.. days.Select(d => Line(d.Day, d.Currency, d.Channel, d.CampaignId, d.Gifts, d.AmountMinor, d.FeeMinor)).Order(StringComparer.Ordinal)],
            await DataVersions.ReadAsync(db, DataVersions.Finance));
    }

    private static string Line(params object?[] values) => string.Join(" | ", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    private static string Time(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    /// <summary>The TEMP tables of the importing connection, which the pool keeps open with them.</summary>
    private static async Task<long> SqliteTempTablesAsync(RecordsDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM temp.sqlite_master";
            return (long)(await count.ExecuteScalarAsync())!;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>
    /// The TEMP tables of every session of the database, asked on a connection of its own: the pool clears a session's
    /// TEMP tables only when it hands the session out again.
    /// </summary>
    private static async Task<long> PostgreSqlTempTablesAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.Location);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM pg_class WHERE relpersistence = 't'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// A Stripe export of paid gifts over five days, some in euros: every fifth anonymous, every third from the donor of
    /// the row before, every seventh and the eleventh from people already in the ledger.
    /// Only the first row has letters outside ASCII: the upload's UTF-8 check refuses a letter split between two reads.
    /// </summary>
    private static byte[] Stripe(int rows)
    {
        var text = new StringBuilder("id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Converted Amount,Fee,Taxes,Converted Currency,Status,Seller Message,Captured,Customer ID,Customer Description,Customer Email\n");
        for (var i = 1; i <= rows; i++)
        {
            var donor = i % 3 == 0 ? i - 1 : i;
            var (name, email) = i % 5 == 0 ? ("", "") : i % 7 == 0 ? ("Ada Existing", Known) : i switch
            {
                1 => ("Zoë Dönor", "zoe@example.net"),
                11 => ("Long Name", LongNamed),
                _ => ($"Donor {donor}", $"donor{donor}@example.net"),
            };
            var currency = i % 4 == 0 ? "eur" : "usd";
            text.Append(CultureInfo.InvariantCulture,
                $"ch_pg{i:D6},Donation,2026-03-0{1 + i % 5} 15:00:00,{10 + i % 90}.25,0.00,{currency},{10 + i % 90}.25,0.59,0.00,{currency},Paid,Payment complete.,true,cus_{i},{name},{email}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// Serves the bytes and runs an action once the importer has read them to the end in its last pass, after rewinding
    /// for its header and its scan: every row has then been checked and staged, and nothing published yet.
    /// </summary>
    private sealed class RacingStream(byte[] bytes, Action act) : MemoryStream(bytes)
    {
        private int rewinds;
        private bool acted;

        public override long Position
        {
            get => base.Position;
            set
            {
                base.Position = value;
                rewinds++;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => After(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => After(base.Read(buffer));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => ValueTask.FromResult(Read(buffer.Span));

        private int After(int read)
        {
            if (read == 0 && rewinds >= 2 && !acted)
            {
                acted = true;
                act();
            }
            return read;
        }
    }
}
