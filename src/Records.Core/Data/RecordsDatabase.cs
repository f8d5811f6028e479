using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Records.Core.Audit;

namespace Records.Core.Data;

/// <summary>The database cannot be used at the configured path; the message names the path and the setting.</summary>
public sealed class DatabasePathException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>How Records opens its SQLite database: one file, WAL, foreign keys on, migrations from Records.Migrations.</summary>
public static class RecordsDatabase
{
    public const string MigrationsAssembly = "Records.Migrations";

    /// <summary>How long a write waits for another's lock before it fails with "database is locked".</summary>
    public const int DefaultBusyTimeoutSeconds = 30;

    public static string ConnectionString(string path, int busyTimeoutSeconds = DefaultBusyTimeoutSeconds) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = busyTimeoutSeconds,
    }.ToString();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string path, TimeProvider clock, int busyTimeoutSeconds = DefaultBusyTimeoutSeconds) =>
        options
            .UseSqlite(ConnectionString(path, busyTimeoutSeconds), sqlite => sqlite.MigrationsAssembly(MigrationsAssembly))
            // SQLite's table rebuilds turn foreign keys off outside the transaction; EF warns about it on every fresh
            // database, though the rebuild is EF's own and a landed migration cannot be split.
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning))
            .AddInterceptors(new VersionInterceptor(), new AuditInterceptor(clock));

    /// <summary>Creates the folder and proves the file can be written, so a bad path stops start-up with a clear message.</summary>
    public static void EnsureWritable(string path)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            using var connection = new SqliteConnection(ConnectionString(path));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE IF NOT EXISTS __records_write_check (x INTEGER); DROP TABLE __records_write_check;";
            command.ExecuteNonQuery();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException or NotSupportedException or ArgumentException)
        {
            throw new DatabasePathException(
                $"Records cannot write its database at '{path}': {e.Message} Set Records:DatabasePath (environment variable Records__DatabasePath) to a writable file path.", e);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    public static async Task MigrateAsync(RecordsDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
