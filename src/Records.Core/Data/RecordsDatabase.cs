using Microsoft.EntityFrameworkCore;
using Records.Core.Audit;
using Records.Core.Data.Sqlite;
using Records.Core.Donations;

namespace Records.Core.Data;

/// <summary>The database cannot be used where the settings point; the message names the path or host and the setting.</summary>
public sealed class DatabasePathException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Where Records keeps its records: the engine, its location (a file path, or a connection string) and how long a write waits for another's lock.</summary>
public sealed record DatabaseTarget(IDatabaseProvider Provider, string Location, int BusyTimeoutSeconds = RecordsDatabase.DefaultBusyTimeoutSeconds)
{
    public override string ToString() => $"{Provider.Name} {Location}";
}

/// <summary>
/// How Records opens its database: the engine's own settings from its <see cref="IDatabaseProvider"/>, migrations from
/// Records.Migrations, and the interceptors that keep versions and the audit log, whatever the engine.
/// </summary>
public static class RecordsDatabase
{
    /// <summary>How long a write waits for another's lock before it fails with "database is locked".</summary>
    public const int DefaultBusyTimeoutSeconds = 30;

    /// <summary>The SQLite connection string for a database file.</summary>
    public static string ConnectionString(string path, int busyTimeoutSeconds = DefaultBusyTimeoutSeconds) => SqliteProvider.ConnectionString(path, busyTimeoutSeconds);

    /// <summary>A SQLite database file.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string path, TimeProvider clock, int busyTimeoutSeconds = DefaultBusyTimeoutSeconds) =>
        Configure(options, new DatabaseTarget(DatabaseProvider.Sqlite, path, busyTimeoutSeconds), clock);

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseTarget target, TimeProvider clock) =>
        target.Provider.Configure(options, target.Location, target.BusyTimeoutSeconds)
            .AddInterceptors(new VersionInterceptor(), new DonationDaysInterceptor(), new DataVersionsInterceptor(), new AuditInterceptor(clock));

    /// <summary>Proves the SQLite file can be written, so a bad path stops start-up with a clear message.</summary>
    public static void EnsureWritable(string path) => DatabaseProvider.Sqlite.EnsureWritable(path);

    public static Task MigrateAsync(RecordsDbContext db, CancellationToken cancellationToken = default) =>
        DatabaseProvider.For(db).MigrateAsync(db, null, cancellationToken);

    /// <summary>Migrates, then runs <paramref name="afterwards"/> while no other instance starting on the database runs its own.</summary>
    public static Task MigrateAsync(RecordsDbContext db, Func<Task> afterwards, CancellationToken cancellationToken) =>
        DatabaseProvider.For(db).MigrateAsync(db, afterwards, cancellationToken);
}
