using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Donations;

namespace Records.Volume;

/// <summary>Fills an empty database with a large foundation's records: bulk inserts, large transactions, the same rows for the same seed.</summary>
public static class VolumeGenerator
{
    public sealed record Report(IReadOnlyDictionary<string, int> Counts, TimeSpan Elapsed, long Bytes);

    public static async Task<Report> GenerateAsync(VolumeOptions options, TextWriter log, CancellationToken ct = default)
    {
        var path = Path.GetFullPath(options.DatabasePath);
        var existed = File.Exists(path);
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var dbOptions = RecordsDatabase.Configure(new DbContextOptionsBuilder<RecordsDbContext>(), path, TimeProvider.System).Options;
            await using (var db = new RecordsDbContext((DbContextOptions<RecordsDbContext>)dbOptions))
            {
                await RecordsDatabase.MigrateAsync(db, ct);
                log.WriteLine($"Migrated {path} in {clock.Elapsed.TotalSeconds:F1} s");
                SqliteConnection.ClearAllPools();
                await using var connection = new SqliteConnection(RecordsDatabase.ConnectionString(path));
                await connection.OpenAsync(ct);
                await ExecuteAsync(connection, "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;", ct);

                var volume = new VolumeContext(connection, db.Model, options);
                foreach (var (name, part) in Parts)
                {
                    ct.ThrowIfCancellationRequested();
                    var started = clock.Elapsed;
                    part(volume);
                    log.WriteLine($"{name,-14} {clock.Elapsed.TotalSeconds - started.TotalSeconds,6:F1} s");
                }

                // The daily sums are rebuilt from the gifts written, as the migration fills them for an existing ledger.
                await ExecuteAsync(connection, DonationDays.RebuildSql + DataVersions.BumpFinanceSql, ct);
                log.WriteLine($"{"daily sums",-14} done at {clock.Elapsed.TotalSeconds,6:F1} s");
                await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA wal_checkpoint(TRUNCATE);", ct);
                clock.Stop();
                return new Report(volume.Counts, clock.Elapsed, new FileInfo(path).Length);
            }
        }
        catch when (!existed)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" }) File.Delete(file);
            throw;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static readonly (string Name, Action<VolumeContext> Part)[] Parts =
    [
        ("people", PeopleVolume.Write),
        ("accounts", AccountsVolume.Write),
        ("sponsors", SponsorsVolume.Write),
        ("donations", DonationsVolume.Write),
        ("nominations", NominationsVolume.Write),
        ("awards", AwardsVolume.Write),
    ];

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
