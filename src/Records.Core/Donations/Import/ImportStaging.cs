using System.Data;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Records.Core.Donations.Import;

/// <summary>
/// Where a commit puts its rows before they join the ledger: two tables in the connection's own TEMP database, which
/// SQLite writes without the main database's write lock and drops when the connection closes, so a killed import
/// leaves nothing behind. Rows are staged in short transactions of <see cref="BatchSize"/>; <see cref="PublishAsync"/>
/// then moves people, gifts and their audit entries into the ledger with a handful of INSERT … SELECT statements.
/// </summary>
internal sealed class ImportStaging : IDisposable
{
    public const int BatchSize = 5_000;

    private readonly SqliteConnection connection;
    private readonly SqliteCommand person;
    private readonly SqliteCommand gift;
    private readonly SqliteCommand[] reads;
    private SqliteTransaction? batch;
    private int inBatch;
    private int people;
    private int gifts;

    /// <param name="reads">Commands that read the ledger while rows are staged; they follow the staging's transactions.</param>
    public ImportStaging(SqliteConnection connection, params SqliteCommand[] reads)
    {
        this.connection = connection;
        this.reads = reads;
        Execute("""
            DROP TABLE IF EXISTS temp.import_people;
            DROP TABLE IF EXISTS temp.import_gifts;
            CREATE TEMP TABLE import_people (Ordinal INTEGER PRIMARY KEY, Name TEXT NOT NULL, Email TEXT, GitHub TEXT, Version TEXT NOT NULL, Summary TEXT NOT NULL, Changes TEXT NOT NULL);
            CREATE TEMP TABLE import_gifts (Ordinal INTEGER PRIMARY KEY, Person INTEGER, AmountMinor INTEGER NOT NULL, Currency TEXT NOT NULL,
                ReceivedOn TEXT NOT NULL, FeeMinor INTEGER NOT NULL, TransactionId TEXT NOT NULL, IsRecurring INTEGER NOT NULL, Notes TEXT, Version TEXT NOT NULL,
                Summary TEXT NOT NULL, Changes TEXT NOT NULL);
            """);
        person = Prepare("INSERT INTO temp.import_people (Ordinal, Name, Email, Version, Summary, Changes, GitHub) VALUES ($ordinal, $name, $email, $version, $summary, $changes, $github)",
            "$ordinal", "$name", "$email", "$version", "$summary", "$changes", "$github");
        gift = Prepare("INSERT INTO temp.import_gifts (Ordinal, Person, AmountMinor, Currency, ReceivedOn, FeeMinor, TransactionId, IsRecurring, Version, Summary, Changes, Notes) " +
            "VALUES ($ordinal, $person, $amount, $currency, $received, $fee, $id, $recurring, $version, $summary, $changes, $notes)",
            "$ordinal", "$person", "$amount", "$currency", "$received", "$fee", "$id", "$recurring", "$version", "$summary", "$changes", "$notes");
    }

    /// <summary>A new donor, named by a negative number until publishing gives it its id.</summary>
    public int AddPerson(ImportRow row)
    {
        var p = person.Parameters;
        p[0].Value = ++people;
        p[1].Value = row.Name ?? row.Email!;
        p[2].Value = (object?)row.Email ?? DBNull.Value;
        p[3].Value = NewVersion();
        p[4].Value = Shorten(row.Name ?? row.Email!);
        p[5].Value = JsonSerializer.Serialize(new Dictionary<string, object?[]> { ["Name"] = [null, row.Name ?? row.Email], ["Email"] = [null, row.Email] });
        p[6].Value = row.GitHub is { } handle ? GitHubProfile(handle) : DBNull.Value;
        Run(person);
        return -people;
    }

    /// <summary>A gift from an existing person (positive id), a new donor (negative) or nobody (null: anonymous).</summary>
    public void AddDonation(ImportRow row, int? donor, DonationChannel channel)
    {
        var p = gift.Parameters;
        p[0].Value = ++gifts;
        p[1].Value = (object?)donor ?? DBNull.Value;
        p[2].Value = row.AmountMinor;
        p[3].Value = row.Currency;
        p[4].Value = row.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p[5].Value = row.FeeMinor;
        p[6].Value = row.TransactionId;
        p[7].Value = row.IsRecurring;
        p[8].Value = NewVersion();
        var donorName = donor is null ? "an anonymous donor" : row.Name ?? row.Email ?? "a donor";
        p[9].Value = Shorten($"Gift of {new Money.Money(row.AmountMinor, row.Currency)} from {donorName} on {row.ReceivedOn.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}");
        // The audit entry's changes without the donor's id and the import's, which only publishing knows; see PublishAsync.
        var changes = new Dictionary<string, object?[]>
        {
            ["IsAnonymous"] = [null, donor is null],
            ["AmountMinor"] = [null, row.AmountMinor],
            ["Currency"] = [null, row.Currency],
            ["ReceivedOn"] = [null, row.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
            ["Channel"] = [null, channel.ToString()],
            ["FeeMinor"] = [null, row.FeeMinor],
            ["TransactionId"] = [null, row.TransactionId],
            ["IsRecurring"] = [null, row.IsRecurring],
        };
        if (row.Notes is not null) changes["Notes"] = [null, row.Notes];
        var middle = JsonSerializer.Serialize(changes);
        p[10].Value = middle[1..^1];
        p[11].Value = (object?)row.Notes ?? DBNull.Value;
        Run(gift);
    }

    /// <summary>Ends the last short transaction: every row is staged.</summary>
    public void Flush()
    {
        batch?.Commit();
        batch?.Dispose();
        Follow(batch = null);
        inBatch = 0;
    }

    /// <summary>
    /// Moves the staged rows into the ledger inside the caller's (write-locked) transaction. New people and gifts get
    /// ids above every id the tables have ever used (AUTOINCREMENT's sqlite_sequence included), so the gifts and the
    /// audit entries can name them without a round trip per row.
    /// </summary>
    public async Task<int> PublishAsync(SqliteTransaction transaction, DonationChannel channel, int importId, string at, string by, CancellationToken ct)
    {
        var personBase = Convert.ToInt64(await ScalarAsync(transaction, NextIdSql("People"), ct), CultureInfo.InvariantCulture);
        var giftBase = Convert.ToInt64(await ScalarAsync(transaction, NextIdSql("Donations"), ct), CultureInfo.InvariantCulture);
        (string, object)[] values = [("$people", personBase), ("$gifts", giftBase), ("$channel", channel.ToString()), ("$import", importId), ("$at", at), ("$by", by)];
        const string personId = "CASE WHEN s.Person < 0 THEN $people - s.Person ELSE s.Person END";
        await ExecuteAsync(transaction, """
            INSERT INTO main.People (Id, Name, Email, CreatedAt, Version)
            SELECT $people + Ordinal, Name, Email, $at, Version FROM temp.import_people ORDER BY Ordinal;
            INSERT INTO main.AuditEntries (At, UserName, EntityType, EntityId, Action, Summary, Changes)
            SELECT $at, $by, 'Person', CAST($people + Ordinal AS TEXT), 'Added', Summary, Changes FROM temp.import_people ORDER BY Ordinal;
            INSERT INTO main.PersonLinks (PersonId, Kind, Url, Position)
            SELECT $people + Ordinal, 'GitHub', GitHub, 0 FROM temp.import_people WHERE GitHub IS NOT NULL ORDER BY Ordinal;
            """, ct, values);
        // A gift that reached the ledger from elsewhere since the file was read breaks the unique index on (Channel,
        // TransactionId): the whole transaction is then rolled back by the caller and nothing is added.
        try
        {
            await ExecuteAsync(transaction, $$"""
            INSERT INTO main.Donations (Id, PersonId, IsAnonymous, AmountMinor, Currency, ReceivedOn, Channel, FeeMinor, TransactionId, IsRecurring, QuidProQuoMinor, ImportId, Notes, Version)
            SELECT $gifts + Ordinal, {{personId}}, s.Person IS NULL, AmountMinor, Currency, ReceivedOn, $channel, FeeMinor, TransactionId, IsRecurring, 0, $import, Notes, Version
            FROM temp.import_gifts s ORDER BY Ordinal;
            INSERT INTO main.AuditEntries (At, UserName, EntityType, EntityId, Action, Summary, Changes)
            SELECT $at, $by, 'Donation', CAST($gifts + Ordinal AS TEXT), 'Added', Summary,
                '{"PersonId":[null,' || COALESCE(CAST({{personId}} AS TEXT), 'null') || '],' || Changes || ',"ImportId":[null,' || $import || ']}'
            FROM temp.import_gifts s ORDER BY Ordinal;
            """, ct, values);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new DonationFileException("Some rows of this file reached the ledger from elsewhere while it was being imported, so nothing was added. Check the file again: those rows will show as duplicates.");
        }
        return gifts;
    }

    public static string GitHubProfile(string handle) => "https://github.com/" + handle;

    private static string NextIdSql(string table) =>
        $"SELECT MAX(COALESCE((SELECT MAX(Id) FROM main.{table}), 0), COALESCE((SELECT seq FROM main.sqlite_sequence WHERE name = '{table}'), 0))";

    private static string Shorten(string summary) => summary.Length <= 300 ? summary : summary[..299] + "…";

    // EF stores a Guid as upper-case text in SQLite; the same form keeps version checks working on these rows.
    private static string NewVersion() => Guid.NewGuid().ToString().ToUpperInvariant();

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

    private void Follow(SqliteTransaction? transaction)
    {
        person.Transaction = transaction;
        gift.Transaction = transaction;
        foreach (var read in reads) read.Transaction = transaction;
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
        person.Dispose();
        gift.Dispose();
        if (connection.State != ConnectionState.Open) return;
        Execute("DROP TABLE IF EXISTS temp.import_people; DROP TABLE IF EXISTS temp.import_gifts;");
    }
}
