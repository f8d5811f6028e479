using Microsoft.EntityFrameworkCore;
using Records.Core.Audit;
using Records.Core.Data.CompiledModel;
using Records.Core.Data.Sqlite;
using Records.Core.Donations;

namespace Records.Core.Data;

/// <summary>The database cannot be used at the configured path; the message names the path and the setting.</summary>
public sealed class DatabasePathException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// How Records opens its database: the engine's own settings from its <see cref="IDatabaseProvider"/>, migrations from
/// Records.Migrations, and the interceptors that keep versions and the audit log, whatever the engine.
/// </summary>
public static class RecordsDatabase
{
    public const string MigrationsAssembly = "Records.Migrations";

    /// <summary>How long a write waits for another's lock before it fails with "database is locked".</summary>
    public const int DefaultBusyTimeoutSeconds = 30;

    /// <summary>The engine Records runs on.</summary>
    public static IDatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>The SQLite connection string for a database file.</summary>
    public static string ConnectionString(string path, int busyTimeoutSeconds = DefaultBusyTimeoutSeconds) => SqliteProvider.ConnectionString(path, busyTimeoutSeconds);

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string path, TimeProvider clock, int busyTimeoutSeconds = DefaultBusyTimeoutSeconds) =>
        Provider.Configure(options, path, busyTimeoutSeconds)
            // Built ahead by `dotnet ef dbcontext optimize` (README): building the model from the configurations took
            // about a third of start-up. Design-time tools still build it from the configurations.
            .UseModel(RecordsDbContextModel.Instance)
            .AddInterceptors(new VersionInterceptor(), new DonationDaysInterceptor(), new DataVersionsInterceptor(), new AuditInterceptor(clock));

    /// <summary>Proves the database can be written, so a bad path stops start-up with a clear message.</summary>
    public static void EnsureWritable(string path) => Provider.EnsureWritable(path);

    public static Task MigrateAsync(RecordsDbContext db, CancellationToken cancellationToken = default) =>
        DatabaseProvider.For(db).MigrateAsync(db, cancellationToken);
}
