using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Records.Core.Donations;
using Records.Core.Donations.Import;

namespace Records.Core.Data.PostgreSql;

/// <summary>
/// A donation import on PostgreSQL, on EF's own connection. The duplicate check is one prepared statement. A commit
/// gathers its rows in batches of <see cref="BatchSize"/> and sends each batch with binary COPY into two TEMP tables
/// of the session, which lock nothing in the ledger and go with the session, so a killed import leaves nothing
/// behind. <see cref="PublishAsync"/> then takes ids from the ledger tables' own sequences, which other instances
/// draw from too, and moves people, their links, gifts and their audit entries into the ledger with a handful of
/// INSERT … SELECT statements in one transaction.
/// </summary>
internal sealed class PostgreSqlDonationWriter : IDonationLedgerWriter
{
    public const int BatchSize = 5_000;

    private readonly RecordsDbContext db;
    private readonly NpgsqlConnection connection;
    private readonly DonationChannel channel;
    private readonly ImportCommit? commit;
    private readonly NpgsqlCommand exists;
    private readonly NpgsqlParameter<string> transactionId = new() { NpgsqlDbType = NpgsqlDbType.Text };
    private readonly List<NewPerson> newPeople = [];
    private readonly List<NewGift> newGifts = [];
    private bool staging;
    private int people;
    private int links;
    private int gifts;

    private sealed record NewPerson(int Ordinal, int? Link, Guid Version, StagedRows.Donor Donor);

    private sealed record NewGift(int Ordinal, int? Person, ImportRow Row, Guid Version, StagedRows.Gift Gift);

    public PostgreSqlDonationWriter(RecordsDbContext db, DonationChannel channel, ImportCommit? commit)
    {
        this.db = db;
        this.channel = channel;
        this.commit = commit;
        // The prepared check and the session's TEMP tables need the same connection open throughout; EF counts the opens.
        db.Database.OpenConnection();
        connection = (NpgsqlConnection)db.Database.GetDbConnection();
        exists = new NpgsqlCommand("""SELECT 1 FROM "Donations" WHERE "Channel" = $1 AND "TransactionId" = $2 LIMIT 1""", connection)
        {
            Parameters = { new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = channel.ToString() }, transactionId },
        };
        exists.Prepare();
    }

    public bool Exists(string transactionId)
    {
        this.transactionId.TypedValue = transactionId;
        return exists.ExecuteScalar() is not null;
    }

    private void Stage()
    {
        if (staging) return;
        if (commit is null) throw new InvalidOperationException("A dry run stages nothing.");
        Execute("""
            DROP TABLE IF EXISTS pg_temp.import_people, pg_temp.import_gifts;
            CREATE TEMP TABLE import_people ("Ordinal" integer NOT NULL, "Link" integer, "Name" text NOT NULL, "Email" text, "Version" uuid NOT NULL,
                "Summary" text NOT NULL, "Changes" text NOT NULL, "GitHub" text, "LinkSummary" text, "LinkChanges" text);
            CREATE TEMP TABLE import_gifts ("Ordinal" integer NOT NULL, "Person" integer, "AmountMinor" bigint NOT NULL, "Currency" text NOT NULL,
                "ReceivedOn" date NOT NULL, "FeeMinor" bigint NOT NULL, "TransactionId" text NOT NULL, "IsRecurring" boolean NOT NULL, "Notes" text,
                "Version" uuid NOT NULL, "Amount" text NOT NULL, "Day" text NOT NULL, "Changes" text NOT NULL);
            """);
        staging = true;
    }

    public int AddPerson(ImportRow row)
    {
        Stage();
        var donor = StagedRows.NewDonor(db.Model, row, commit!.At);
        newPeople.Add(new NewPerson(++people, donor.GitHub is null ? null : ++links, Guid.NewGuid(), donor));
        if (newPeople.Count + newGifts.Count >= BatchSize) Flush();
        return -people;
    }

    public void AddDonation(ImportRow row, int? donor)
    {
        Stage();
        newGifts.Add(new NewGift(++gifts, donor, row, Guid.NewGuid(), StagedRows.NewGift(db.Model, row, donor, channel)));
        if (newPeople.Count + newGifts.Count >= BatchSize) Flush();
    }

    /// <summary>Sends the gathered rows to the TEMP tables, outside any transaction: staging takes no lock others wait for.</summary>
    private void Flush()
    {
        if (newPeople.Count > 0)
        {
            using var copy = connection.BeginBinaryImport("""
                COPY import_people ("Ordinal", "Link", "Name", "Email", "Version", "Summary", "Changes", "GitHub", "LinkSummary", "LinkChanges") FROM STDIN (FORMAT BINARY)
                """);
            foreach (var (ordinal, link, version, donor) in newPeople)
            {
                copy.StartRow();
                copy.Write(ordinal, NpgsqlDbType.Integer);
                Write(copy, link);
                copy.Write(donor.Name, NpgsqlDbType.Text);
                Write(copy, donor.Email);
                copy.Write(version, NpgsqlDbType.Uuid);
                copy.Write(donor.Summary, NpgsqlDbType.Text);
                copy.Write(donor.Changes, NpgsqlDbType.Text);
                Write(copy, donor.GitHub);
                Write(copy, donor.LinkSummary);
                Write(copy, donor.LinkChanges);
            }
            copy.Complete();
            newPeople.Clear();
        }
        if (newGifts.Count > 0)
        {
            using var copy = connection.BeginBinaryImport("""
                COPY import_gifts ("Ordinal", "Person", "AmountMinor", "Currency", "ReceivedOn", "FeeMinor", "TransactionId", "IsRecurring", "Notes", "Version", "Amount", "Day", "Changes")
                FROM STDIN (FORMAT BINARY)
                """);
            foreach (var (ordinal, person, row, version, gift) in newGifts)
            {
                copy.StartRow();
                copy.Write(ordinal, NpgsqlDbType.Integer);
                Write(copy, person);
                copy.Write(row.AmountMinor, NpgsqlDbType.Bigint);
                copy.Write(row.Currency, NpgsqlDbType.Text);
                copy.Write(row.ReceivedOn, NpgsqlDbType.Date);
                copy.Write(row.FeeMinor, NpgsqlDbType.Bigint);
                copy.Write(row.TransactionId, NpgsqlDbType.Text);
                copy.Write(row.IsRecurring, NpgsqlDbType.Boolean);
                Write(copy, row.Notes);
                copy.Write(version, NpgsqlDbType.Uuid);
                copy.Write(gift.Amount, NpgsqlDbType.Text);
                copy.Write(gift.Day, NpgsqlDbType.Text);
                copy.Write(gift.Changes, NpgsqlDbType.Text);
            }
            copy.Complete();
            newGifts.Clear();
        }
    }

    private static void Write(NpgsqlBinaryImporter copy, int? value)
    {
        if (value is { } number) copy.Write(number, NpgsqlDbType.Integer);
        else copy.WriteNull();
    }

    private static void Write(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }

    /// <summary>
    /// Adds the import's record through EF (and so its audit entry), then the staged rows in the same transaction,
    /// with the gifts' sums per day (<see cref="DonationDay"/>) and the finance version last, so the rows others write
    /// to are held for the end of the transaction only.
    /// </summary>
    public async Task PublishAsync(DonationImport record, CancellationToken ct)
    {
        Stage();
        Flush();
        // Autovacuum never analyses TEMP tables: this gives the planner the staged rows' counts for the joins below.
        Execute("ANALYZE pg_temp.import_people, pg_temp.import_gifts");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.DonationImports.Add(record);
        await db.SaveChangesAsync(ct);
        await PublishRowsAsync(record.Id, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task PublishRowsAsync(int importId, CancellationToken ct)
    {
        NpgsqlParameter[] values =
        [
            new NpgsqlParameter<int>("people", people), new NpgsqlParameter<int>("links", links), new NpgsqlParameter<int>("gifts", gifts),
            new NpgsqlParameter<string>("channel", channel.ToString()), new NpgsqlParameter<int>("import", importId),
            new NpgsqlParameter<DateTime>("at", NpgsqlDbType.TimestampTz) { TypedValue = commit!.At }, new NpgsqlParameter<string>("by", commit.By),
        ];
        // Ids from each table's sequence in one draw; another instance drawing meanwhile may leave gaps, so the
        // staged rows are matched to the drawn ids in order rather than by adding to the first.
        await ExecuteAsync($"""
            CREATE TEMP TABLE import_person_ids ON COMMIT DROP AS {Ids("People", "@people")};
            CREATE TEMP TABLE import_link_ids ON COMMIT DROP AS {Ids("PersonLinks", "@links")};
            CREATE TEMP TABLE import_gift_ids ON COMMIT DROP AS {Ids("Donations", "@gifts")};
            INSERT INTO "People" ("Id", "Name", "Email", "CreatedAt", "Version")
            SELECT i."Id", s."Name", s."Email", @at, s."Version" FROM import_people s JOIN import_person_ids i USING ("Ordinal") ORDER BY s."Ordinal";
            INSERT INTO "AuditEntries" ("At", "UserName", "EntityType", "EntityId", "Action", "Summary", "Changes")
            SELECT @at, @by, 'Person', i."Id"::text, 'Added', s."Summary", s."Changes" FROM import_people s JOIN import_person_ids i USING ("Ordinal") ORDER BY s."Ordinal";
            INSERT INTO "PersonLinks" ("Id", "PersonId", "Kind", "Url", "Position")
            SELECT l."Id", i."Id", 'GitHub', s."GitHub", 0
            FROM import_people s JOIN import_person_ids i USING ("Ordinal") JOIN import_link_ids l ON l."Ordinal" = s."Link" ORDER BY s."Link";
            INSERT INTO "AuditEntries" ("At", "UserName", "EntityType", "EntityId", "Action", "Summary", "Changes")
            SELECT @at, @by, 'PersonLink', l."Id"::text, 'Added', s."LinkSummary", replace(s."LinkChanges", '{StagedRows.PersonIdMarked}', '"PersonId":[null,' || i."Id" || ']')
            FROM import_people s JOIN import_person_ids i USING ("Ordinal") JOIN import_link_ids l ON l."Ordinal" = s."Link" ORDER BY s."Link";
            """, values, ct);
        const string personId = """CASE WHEN s."Person" < 0 THEN p."Id" ELSE s."Person" END""";
        const string staged = """import_gifts s JOIN import_gift_ids g USING ("Ordinal") LEFT JOIN import_person_ids p ON p."Ordinal" = -s."Person" """;
        // A gift that reached the ledger from elsewhere since the file was read breaks the unique index on (Channel,
        // TransactionId): the whole transaction is then rolled back and nothing is added.
        try
        {
            await ExecuteAsync($"""
                INSERT INTO "Donations" ("Id", "PersonId", "IsAnonymous", "AmountMinor", "Currency", "ReceivedOn", "Channel", "FeeMinor", "TransactionId",
                    "IsRecurring", "QuidProQuoMinor", "ImportId", "Notes", "Version")
                SELECT g."Id", {personId}, s."Person" IS NULL, s."AmountMinor", s."Currency", s."ReceivedOn", @channel, s."FeeMinor", s."TransactionId",
                    s."IsRecurring", 0, @import, s."Notes", s."Version"
                FROM {staged} ORDER BY s."Ordinal";
                """, values, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DonationFileException("Some rows of this file reached the ledger from elsewhere while it was being imported, so nothing was added. Check the file again: those rows will show as duplicates.");
        }
        await ExecuteAsync($"""
            INSERT INTO "AuditEntries" ("At", "UserName", "EntityType", "EntityId", "Action", "Summary", "Changes")
            SELECT @at, @by, 'Donation', t."Id"::text, 'Added', CASE WHEN length(t."Summary") <= 300 THEN t."Summary" ELSE left(t."Summary", 299) || '…' END, t."Changes"
            FROM (
                SELECT g."Id", 'Gift of ' || s."Amount" || ' from ' || COALESCE(donor."Name", 'an anonymous donor') || ' on ' || s."Day" AS "Summary",
                    replace(replace(s."Changes", '{StagedRows.PersonIdMarked}', '"PersonId":[null,' || COALESCE(({personId})::text, 'null') || ']'),
                        '{StagedRows.ImportIdMarked}', '"ImportId":[null,' || @import || ']') AS "Changes"
                FROM {staged} LEFT JOIN "People" donor ON donor."Id" = {personId}) t
            ORDER BY t."Id";
            INSERT INTO "DonationDays" ("Day", "Currency", "Channel", "CampaignId", "Gifts", "AmountMinor", "FeeMinor")
            SELECT "ReceivedOn", "Currency", @channel, 0, COUNT(*), SUM("AmountMinor"), SUM("FeeMinor") FROM import_gifts
            GROUP BY "ReceivedOn", "Currency" ORDER BY "ReceivedOn", "Currency"
            ON CONFLICT ("Day", "Currency", "Channel", "CampaignId") DO UPDATE SET
                "Gifts" = "DonationDays"."Gifts" + excluded."Gifts",
                "AmountMinor" = "DonationDays"."AmountMinor" + excluded."AmountMinor",
                "FeeMinor" = "DonationDays"."FeeMinor" + excluded."FeeMinor";
            {DataVersions.BumpFinanceSql};
            """, values, ct);
    }

    /// <summary>The query of <paramref name="count"/> new ids of <paramref name="table"/>, numbered from 1 in the order they were drawn.</summary>
    private static string Ids(string table, string count) => $"""
        SELECT (row_number() OVER (ORDER BY id))::integer AS "Ordinal", id::integer AS "Id"
        FROM (SELECT nextval(pg_get_serial_sequence('"{table}"', 'Id')) AS id FROM generate_series(1, {count})) drawn
        """;

    private void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private async Task ExecuteAsync(string sql, NpgsqlParameter[] values, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values.Where(v => sql.Contains("@" + v.ParameterName, StringComparison.Ordinal))) command.Parameters.Add(value.Clone());
        await command.ExecuteNonQueryAsync(ct);
    }

    public void Dispose()
    {
        exists.Dispose();
        if (staging && connection.State == ConnectionState.Open) Execute("DROP TABLE IF EXISTS pg_temp.import_people, pg_temp.import_gifts");
        db.Database.CloseConnection();
    }
}
