using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Records.Core.Donations;
using Records.Core.Donations.Import;

namespace Records.Core.Data.Sqlite;

/// <summary>
/// A donation import on SQLite, on EF's own open connection. The duplicate check is one prepared statement. A commit
/// puts its rows in two tables of the connection's own TEMP database, which SQLite writes without the main database's
/// write lock and drops when the connection closes, so a killed import leaves nothing behind. Rows are staged in short
/// transactions of <see cref="BatchSize"/>; <see cref="PublishAsync"/> then moves people, their links, gifts and their
/// audit entries into the ledger with a handful of INSERT … SELECT statements.
/// </summary>
internal sealed class SqliteDonationWriter : IDonationLedgerWriter
{
    public const int BatchSize = 5_000;

    private readonly RecordsDbContext db;
    private readonly SqliteConnection connection;
    private readonly DonationChannel channel;
    private readonly ImportCommit? commit;
    private readonly SqliteCommand exists;
    private SqliteCommand? person;
    private SqliteCommand? gift;
    private SqliteTransaction? batch;
    private int inBatch;
    private int people;
    private int gifts;

    public SqliteDonationWriter(RecordsDbContext db, DonationChannel channel, ImportCommit? commit)
    {
        this.db = db;
        this.channel = channel;
        this.commit = commit;
        connection = (SqliteConnection)db.Database.GetDbConnection();
        exists = connection.CreateCommand();
        exists.CommandText = "SELECT 1 FROM Donations WHERE Channel = $channel AND TransactionId = $id LIMIT 1";
        exists.Parameters.Add(new SqliteParameter("$channel", channel.ToString()));
        exists.Parameters.Add(new SqliteParameter("$id", null));
        exists.Prepare();
    }

    // SQLite's async calls complete synchronously anyway; the synchronous one saves a task per row on 100,000 rows.
    public bool Exists(string transactionId)
    {
        exists.Parameters[1].Value = transactionId;
        return exists.ExecuteScalar() is not null;
    }

    private void Stage()
    {
        if (person is not null) return;
        if (commit is null) throw new InvalidOperationException("A dry run stages nothing.");
        Execute("""
            DROP TABLE IF EXISTS temp.import_people;
            DROP TABLE IF EXISTS temp.import_gifts;
            CREATE TEMP TABLE import_people (Ordinal INTEGER PRIMARY KEY, Name TEXT NOT NULL, Email TEXT, GitHub TEXT, Version TEXT NOT NULL, Summary TEXT NOT NULL, Changes TEXT NOT NULL,
                LinkSummary TEXT, LinkChanges TEXT);
            CREATE TEMP TABLE import_gifts (Ordinal INTEGER PRIMARY KEY, Person INTEGER, AmountMinor INTEGER NOT NULL, Currency TEXT NOT NULL,
                ReceivedOn TEXT NOT NULL, FeeMinor INTEGER NOT NULL, TransactionId TEXT NOT NULL, IsRecurring INTEGER NOT NULL, Notes TEXT, Version TEXT NOT NULL,
                Amount TEXT NOT NULL, Day TEXT NOT NULL, Changes TEXT NOT NULL);
            """);
        person = Prepare("INSERT INTO temp.import_people (Ordinal, Name, Email, Version, Summary, Changes, GitHub, LinkSummary, LinkChanges) " +
            "VALUES ($ordinal, $name, $email, $version, $summary, $changes, $github, $linkSummary, $linkChanges)",
            "$ordinal", "$name", "$email", "$version", "$summary", "$changes", "$github", "$linkSummary", "$linkChanges");
        gift = Prepare("INSERT INTO temp.import_gifts (Ordinal, Person, AmountMinor, Currency, ReceivedOn, FeeMinor, TransactionId, IsRecurring, Version, Amount, Day, Changes, Notes) " +
            "VALUES ($ordinal, $person, $amount, $currency, $received, $fee, $id, $recurring, $version, $money, $day, $changes, $notes)",
            "$ordinal", "$person", "$amount", "$currency", "$received", "$fee", "$id", "$recurring", "$version", "$money", "$day", "$changes", "$notes");
    }

    public int AddPerson(ImportRow row)
    {
        Stage();
        var donor = StagedRows.NewDonor(db.Model, row, commit!.At);
        var p = person!.Parameters;
        p[0].Value = ++people;
        p[1].Value = donor.Name;
        p[2].Value = (object?)donor.Email ?? DBNull.Value;
        p[3].Value = NewVersion();
        p[4].Value = donor.Summary;
        p[5].Value = donor.Changes;
        p[6].Value = (object?)donor.GitHub ?? DBNull.Value;
        p[7].Value = (object?)donor.LinkSummary ?? DBNull.Value;
        p[8].Value = (object?)donor.LinkChanges ?? DBNull.Value;
        Run(person);
        return -people;
    }

    public void AddDonation(ImportRow row, int? donor)
    {
        Stage();
        var added = StagedRows.NewGift(db.Model, row, donor, channel);
        var p = gift!.Parameters;
        p[0].Value = ++gifts;
        p[1].Value = (object?)donor ?? DBNull.Value;
        p[2].Value = row.AmountMinor;
        p[3].Value = row.Currency;
        p[4].Value = row.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p[5].Value = row.FeeMinor;
        p[6].Value = row.TransactionId;
        p[7].Value = row.IsRecurring;
        p[8].Value = NewVersion();
        p[9].Value = added.Amount;
        p[10].Value = added.Day;
        p[11].Value = added.Changes;
        p[12].Value = (object?)row.Notes ?? DBNull.Value;
        Run(gift);
    }

    /// <summary>
    /// Adds the import's record through EF (and so its audit entry), then the staged rows inside the same write-locked
    /// transaction, with the gifts' sums per day (<see cref="DonationDay"/>). New people, links and gifts get ids above every id the tables have ever used (AUTOINCREMENT's
    /// sqlite_sequence included), so the gifts and the audit entries can name them without a round trip per row.
    /// </summary>
    public async Task PublishAsync(DonationImport record, CancellationToken ct)
    {
        Stage();
        Flush();
        using (LargerCache())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.DonationImports.Add(record);
            await db.SaveChangesAsync(ct);
            await PublishRowsAsync((SqliteTransaction)transaction.GetDbTransaction(), record.Id, ct);
            await transaction.CommitAsync(ct);
        }
    }

    private async Task PublishRowsAsync(SqliteTransaction transaction, int importId, CancellationToken ct)
    {
        var personBase = Convert.ToInt64(await ScalarAsync(transaction, NextIdSql("People"), ct), CultureInfo.InvariantCulture);
        var linkBase = Convert.ToInt64(await ScalarAsync(transaction, NextIdSql("PersonLinks"), ct), CultureInfo.InvariantCulture);
        var giftBase = Convert.ToInt64(await ScalarAsync(transaction, NextIdSql("Donations"), ct), CultureInfo.InvariantCulture);
        var at = commit!.At.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        (string, object)[] values = [("$people", personBase), ("$links", linkBase), ("$gifts", giftBase), ("$channel", channel.ToString()), ("$import", importId), ("$at", at), ("$by", commit.By)];
        const string personId = "CASE WHEN s.Person < 0 THEN $people - s.Person ELSE s.Person END";
        var personMark = StagedRows.PersonIdMarked;
        var importMark = StagedRows.ImportIdMarked;
        await ExecuteAsync(transaction, $$"""
            INSERT INTO main.People (Id, Name, Email, CreatedAt, Version)
            SELECT $people + Ordinal, Name, Email, $at, Version FROM temp.import_people ORDER BY Ordinal;
            INSERT INTO main.AuditEntries (At, UserName, EntityType, EntityId, Action, Summary, Changes)
            SELECT $at, $by, 'Person', CAST($people + Ordinal AS TEXT), 'Added', Summary, Changes FROM temp.import_people ORDER BY Ordinal;
            INSERT INTO main.PersonLinks (Id, PersonId, Kind, Url, Position)
            SELECT $links + ROW_NUMBER() OVER (ORDER BY Ordinal), $people + Ordinal, 'GitHub', GitHub, 0 FROM temp.import_people WHERE GitHub IS NOT NULL ORDER BY Ordinal;
            INSERT INTO main.AuditEntries (At, UserName, EntityType, EntityId, Action, Summary, Changes)
            SELECT $at, $by, 'PersonLink', CAST($links + ROW_NUMBER() OVER (ORDER BY Ordinal) AS TEXT), 'Added', LinkSummary,
                replace(LinkChanges, '{{personMark}}', '"PersonId":[null,' || ($people + Ordinal) || ']')
            FROM temp.import_people WHERE GitHub IS NOT NULL ORDER BY Ordinal;
            """, ct, values);
        // A gift that reached the ledger from elsewhere since the file was read breaks the unique index on (Channel,
        // TransactionId): the whole transaction is then rolled back by the caller and nothing is added.
        try
        {
            await ExecuteAsync(transaction, $$"""
            INSERT INTO main.Donations (Id, PersonId, IsAnonymous, AmountMinor, Currency, ReceivedOn, Channel, FeeMinor, TransactionId, IsRecurring, QuidProQuoMinor, ImportId, Notes, Version)
            SELECT $gifts + Ordinal, {{personId}}, s.Person IS NULL, AmountMinor, Currency, ReceivedOn, $channel, FeeMinor, TransactionId, IsRecurring, 0, $import, Notes, Version
            FROM temp.import_gifts s ORDER BY Ordinal;
            INSERT INTO main.DonationDays (Day, Currency, Channel, CampaignId, Gifts, AmountMinor, FeeMinor)
            SELECT ReceivedOn, Currency, $channel, 0, COUNT(*), SUM(AmountMinor), SUM(FeeMinor) FROM temp.import_gifts WHERE true GROUP BY ReceivedOn, Currency
            ON CONFLICT (Day, Currency, Channel, CampaignId) DO UPDATE SET
                Gifts = Gifts + excluded.Gifts, AmountMinor = AmountMinor + excluded.AmountMinor, FeeMinor = FeeMinor + excluded.FeeMinor;
            INSERT INTO main.AuditEntries (At, UserName, EntityType, EntityId, Action, Summary, Changes)
            SELECT $at, $by, 'Donation', CAST(Id AS TEXT), 'Added', CASE WHEN length(Summary) <= 300 THEN Summary ELSE substr(Summary, 1, 299) || '…' END, Changes
            FROM (
                SELECT $gifts + s.Ordinal AS Id,
                    'Gift of ' || s.Amount || ' from ' || COALESCE((SELECT p.Name FROM main.People p WHERE p.Id = {{personId}}), 'an anonymous donor') || ' on ' || s.Day AS Summary,
                    replace(replace(s.Changes, '{{personMark}}', '"PersonId":[null,' || COALESCE(CAST({{personId}} AS TEXT), 'null') || ']'), '{{importMark}}', '"ImportId":[null,' || $import || ']') AS Changes
                FROM temp.import_gifts s)
            ORDER BY Id;
            {{DataVersions.BumpFinanceSql}};
            """, ct, values);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new DonationFileException("Some rows of this file reached the ledger from elsewhere while it was being imported, so nothing was added. Check the file again: those rows will show as duplicates.");
        }
    }

    private static string NextIdSql(string table) =>
        $"SELECT MAX(COALESCE((SELECT MAX(Id) FROM main.{table}), 0), COALESCE((SELECT seq FROM main.sqlite_sequence WHERE name = '{table}'), 0))";

    // EF stores a Guid as upper-case text in SQLite; the same form keeps version checks working on these rows.
    private static string NewVersion() => Guid.NewGuid().ToString().ToUpperInvariant();

    /// <summary>
    /// A page cache large enough for the publishing transaction's changes to the ledger's indexes: with SQLite's default
    /// of 2 MB the changed pages spill to the file mid-transaction and are written twice. Set and given back outside
    /// any transaction.
    /// </summary>
    private Restore LargerCache()
    {
        using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA cache_size";
        var previous = Convert.ToInt64(read.ExecuteScalar(), CultureInfo.InvariantCulture);
        read.CommandText = "PRAGMA cache_size = -131072";
        read.ExecuteNonQuery();
        return new Restore(connection, previous);
    }

    private sealed class Restore(SqliteConnection connection, long previous) : IDisposable
    {
        private bool restored;

        public void Dispose()
        {
            // After a failure EF may have closed the connection already; the pool then keeps the larger size.
            if (restored || connection.State != ConnectionState.Open) return;
            restored = true;
            using var command = connection.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {previous}");
            command.ExecuteNonQuery();
        }
    }

    private void Run(SqliteCommand command)
    {
        // BEGIN without IMMEDIATE: a transaction that only writes TEMP tables never takes the main database's write lock.
        if (batch is null)
        {
            Follow(batch = connection.BeginTransaction(deferred: true));
        }
        command.ExecuteNonQuery();
        if (++inBatch >= BatchSize) Flush();
    }

    /// <summary>Ends the last short transaction: every row is staged.</summary>
    private void Flush()
    {
        batch?.Commit();
        batch?.Dispose();
        Follow(batch = null);
        inBatch = 0;
    }

    // The duplicate check reads the ledger inside the staging's transactions, as a command on this connection must.
    private void Follow(SqliteTransaction? transaction)
    {
        person!.Transaction = transaction;
        gift!.Transaction = transaction;
        exists.Transaction = transaction;
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private async Task<object?> ScalarAsync(SqliteTransaction transaction, string sql, CancellationToken ct, params (string Name, object Value)[] values)
    {
        await using var command = Command(transaction, sql, values);
        return await command.ExecuteScalarAsync(ct);
    }

    private async Task ExecuteAsync(SqliteTransaction transaction, string sql, CancellationToken ct, params (string Name, object Value)[] values)
    {
        await using var command = Command(transaction, sql, values);
        await command.ExecuteNonQueryAsync(ct);
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql, (string Name, object Value)[] values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in values.Where(v => sql.Contains(v.Name, StringComparison.Ordinal))) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        if (batch is not null)
        {
            batch.Dispose();
            Follow(batch = null);
        }
        exists.Dispose();
        if (person is null) return;
        person.Dispose();
        gift!.Dispose();
        if (connection.State != ConnectionState.Open) return;
        Execute("DROP TABLE IF EXISTS temp.import_people; DROP TABLE IF EXISTS temp.import_gifts;");
    }
}
