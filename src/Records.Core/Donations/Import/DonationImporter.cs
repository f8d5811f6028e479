using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Records.Core.Data;

namespace Records.Core.Donations.Import;

/// <summary>Who imports which file, and when; written to the <see cref="DonationImport"/> a commit adds.</summary>
public sealed record ImportCommit(string FileName, string By, DateTime At);

/// <summary>
/// The dry run and the commit of a processor file: both read it through <see cref="DonationCsv"/> and judge each row
/// against the ledger as it is (same channel and transaction id = a duplicate) and match donors by email. The commit
/// adds the good rows with prepared statements on EF's own connection, in one transaction with its DonationImport.
/// </summary>
public static class DonationImporter
{
    public static async Task<ImportReport> DryRunAsync(RecordsDbContext db, Stream file, ImportLayout layout, DateOnly today, TimeZoneInfo zone,
        ImportProgress? progress = null, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            using var ledger = new LedgerCommands(db, layout.Channel);
            return await PassAsync(db, file, layout, today, zone, progress, (row, donors) => donors.FindAsync(row, _ => Task.FromResult(0)), ledger, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Adds every good row, or nothing at all when anything fails.</summary>
    public static async Task<ImportReport> CommitAsync(RecordsDbContext db, Stream file, ImportLayout layout, ImportCommit commit, DateOnly today, TimeZoneInfo zone,
        ImportProgress? progress = null, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var record = new DonationImport { FileName = commit.FileName, Layout = layout.Kind.ToString(), Sha256 = "", By = commit.By, At = commit.At };
        db.DonationImports.Add(record);
        await db.SaveChangesAsync(ct);

        using var ledger = new LedgerCommands(db, layout.Channel, record.Id, commit.At, commit.By);
        using var cache = ledger.LargerCache();
        var report = await PassAsync(db, file, layout, today, zone, progress, async (row, donors) =>
        {
            var donor = await donors.FindAsync(row, r => Task.FromResult(ledger.AddPerson(r)));
            ledger.AddDonation(row, donor);
            return donor;
        }, ledger, ct);

        record.Sha256 = report.Sha256;
        record.RowsRead = report.RowsRead;
        record.Added = report.Added;
        record.Duplicates = report.Duplicates.Count;
        record.BadRows = report.BadRows.Count;
        record.DonorsCreated = report.DonorsCreated;
        await db.SaveChangesAsync(ct);
        cache.Dispose();
        await transaction.CommitAsync(ct);
        report.ImportId = record.Id;
        return report;
    }

    private static async Task<ImportReport> PassAsync(RecordsDbContext db, Stream file, ImportLayout layout, DateOnly today, TimeZoneInfo zone,
        ImportProgress? progress, Func<ImportRow, ImportDonors, Task<int?>> add, LedgerCommands ledger, CancellationToken ct)
    {
        progress?.Restart();
        var donors = await ImportDonors.LoadAsync(db, ct);
        var report = new ImportReport();
        await using var text = new TextFileStream(file, progress);
        await foreach (var read in DonationCsv.ReadAsync(text, layout, today, zone, ct, progress))
        {
            if (read.Row is { } row && ledger.Exists(row.TransactionId))
            {
                report.Count(ImportRead.Left(RowOutcome.Duplicate, row.Line, row.TransactionId, "Already in the ledger."));
                continue;
            }
            report.Count(read);
            if (read.Row is { } good)
            {
                await add(good, donors);
                report.Add(good);
            }
        }
        if (text.Sha256 is null) await text.CopyToAsync(Stream.Null, ct);
        report.Sha256 = text.Sha256 ?? "";
        report.DonorsMatched = donors.Matched;
        report.DonorsCreated = donors.Created;
        return report;
    }

    /// <summary>Prepared statements on EF's connection (and its transaction, when there is one).</summary>
    private sealed class LedgerCommands : IDisposable
    {
        private readonly SqliteCommand exists;
        private readonly SqliteCommand? person;
        private readonly SqliteCommand? donation;
        private readonly SqliteCommand? audit;
        private readonly string at;

        public LedgerCommands(RecordsDbContext db, DonationChannel channel, int? importId = null, DateTime? now = null, string? by = null)
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            at = (now ?? DateTime.UtcNow).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            exists = Prepare(connection, transaction, "SELECT 1 FROM Donations WHERE Channel = $channel AND TransactionId = $id LIMIT 1", "$channel", "$id");
            exists.Parameters[0].Value = channel.ToString();
            if (importId is null) return;
            person = Prepare(connection, transaction,
                "INSERT INTO People (Name, Email, CreatedAt, Version) VALUES ($name, $email, $at, $version) RETURNING Id", "$name", "$email", "$at", "$version");
            donation = Prepare(connection, transaction,
                "INSERT INTO Donations (PersonId, IsAnonymous, AmountMinor, Currency, ReceivedOn, Channel, FeeMinor, TransactionId, IsRecurring, QuidProQuoMinor, ImportId, Version) " +
                "VALUES ($person, $anonymous, $amount, $currency, $received, $channel, $fee, $id, $recurring, 0, $import, $version)",
                "$person", "$anonymous", "$amount", "$currency", "$received", "$channel", "$fee", "$id", "$recurring", "$import", "$version");
            donation.Parameters[5].Value = channel.ToString();
            donation.Parameters[9].Value = importId.Value;
            // Each added row gets the entry EF's audit would have written; last_insert_rowid() is the row just added.
            audit = Prepare(connection, transaction,
                "INSERT INTO AuditEntries (At, UserName, EntityType, EntityId, Action, Summary, Changes) " +
                "VALUES ($at, $by, $type, CAST(last_insert_rowid() AS TEXT), 'Added', $summary, $changes)",
                "$at", "$by", "$type", "$summary", "$changes");
            audit.Parameters[0].Value = at;
            audit.Parameters[1].Value = by ?? "system";
        }

        // SQLite's async calls complete synchronously anyway; the synchronous ones save a task per row on 100,000 rows.
        public bool Exists(string transactionId)
        {
            exists.Parameters[1].Value = transactionId;
            return exists.ExecuteScalar() is not null;
        }

        public int AddPerson(ImportRow row)
        {
            var p = person!.Parameters;
            p[0].Value = row.Name ?? row.Email!;
            p[1].Value = (object?)row.Email ?? DBNull.Value;
            p[2].Value = at;
            p[3].Value = NewVersion();
            var id = Convert.ToInt32(person.ExecuteScalar(), CultureInfo.InvariantCulture);
            Audit("Person", row.Name ?? row.Email!, JsonSerializer.Serialize(new Dictionary<string, object?[]>
            {
                ["Name"] = [null, row.Name ?? row.Email],
                ["Email"] = [null, row.Email],
            }));
            return id;
        }

        private void Audit(string type, string summary, string changes)
        {
            var p = audit!.Parameters;
            p[2].Value = type;
            p[3].Value = summary.Length <= 300 ? summary : summary[..299] + "…";
            p[4].Value = changes;
            audit.ExecuteNonQuery();
        }

        public void AddDonation(ImportRow row, int? donor)
        {
            var p = donation!.Parameters;
            p[0].Value = (object?)donor ?? DBNull.Value;
            p[1].Value = donor is null;
            p[2].Value = row.AmountMinor;
            p[3].Value = row.Currency;
            p[4].Value = row.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p[6].Value = row.FeeMinor;
            p[7].Value = row.TransactionId;
            p[8].Value = row.IsRecurring;
            p[10].Value = NewVersion();
            donation.ExecuteNonQuery();
            var donorName = donor is null ? "an anonymous donor" : row.Name ?? row.Email ?? "a donor";
            Audit("Donation", $"Gift of {new Money.Money(row.AmountMinor, row.Currency)} from {donorName} on {row.ReceivedOn.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}",
                JsonSerializer.Serialize(new Dictionary<string, object?[]>
                {
                    ["PersonId"] = [null, donor],
                    ["IsAnonymous"] = [null, donor is null],
                    ["AmountMinor"] = [null, row.AmountMinor],
                    ["Currency"] = [null, row.Currency],
                    ["ReceivedOn"] = [null, row.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
                    ["Channel"] = [null, p[5].Value],
                    ["FeeMinor"] = [null, row.FeeMinor],
                    ["TransactionId"] = [null, row.TransactionId],
                    ["IsRecurring"] = [null, row.IsRecurring],
                    ["ImportId"] = [null, p[9].Value],
                }));
        }

        /// <summary>
        /// A page cache large enough for the commit's changes to the ledger's indexes: with SQLite's default of 2 MB the
        /// changed pages spill to the file mid-transaction and are written twice. The connection gets its own size back.
        /// </summary>
        public IDisposable LargerCache()
        {
            using var read = exists.Connection!.CreateCommand();
            read.Transaction = exists.Transaction;
            read.CommandText = "PRAGMA cache_size";
            var previous = Convert.ToInt64(read.ExecuteScalar(), CultureInfo.InvariantCulture);
            read.CommandText = "PRAGMA cache_size = -32768";
            read.ExecuteNonQuery();
            return new Restore(exists.Connection, previous);
        }

        private sealed class Restore(SqliteConnection connection, long previous) : IDisposable
        {
            private bool restored;

            public void Dispose()
            {
                // After a failure EF may have closed the connection already; the pool then keeps the larger size.
                if (restored || connection.State != System.Data.ConnectionState.Open) return;
                restored = true;
                using var command = connection.CreateCommand();
                command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {previous}");
                command.ExecuteNonQuery();
            }
        }

        // EF stores a Guid as upper-case text in SQLite; the same form keeps version checks working on these rows.
        private static string NewVersion() => Guid.NewGuid().ToString().ToUpperInvariant();

        private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters) command.Parameters.Add(new SqliteParameter(name, null));
            command.Prepare();
            return command;
        }

        public void Dispose()
        {
            exists.Dispose();
            person?.Dispose();
            donation?.Dispose();
            audit?.Dispose();
        }
    }
}
