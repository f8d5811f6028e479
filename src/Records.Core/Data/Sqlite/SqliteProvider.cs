using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Records.Core.Donations;
using Records.Core.Donations.Import;

namespace Records.Core.Data.Sqlite;

/// <summary>Records on SQLite: one file, WAL, foreign keys on, a busy timeout instead of failing at once on a lock.</summary>
public sealed class SqliteProvider : IDatabaseProvider
{
    public const string MigrationsAssembly = "Records.Migrations";

    public string Name => "Sqlite";

    public static string ConnectionString(string path, int busyTimeoutSeconds = RecordsDatabase.DefaultBusyTimeoutSeconds) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = busyTimeoutSeconds,
    }.ToString();

    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string location, int busyTimeoutSeconds) =>
        options
            .UseSqlite(ConnectionString(location, busyTimeoutSeconds), sqlite => sqlite.MigrationsAssembly(MigrationsAssembly))
            // Built ahead by `dotnet ef dbcontext optimize` (README): building the model from the configurations took
            // about a third of start-up. Design-time tools still build it from the configurations.
            .UseModel(CompiledModel.RecordsDbContextModel.Instance)
            // SQLite's table rebuilds turn foreign keys off outside the transaction; EF warns about it on every fresh
            // database, though the rebuild is EF's own and a landed migration cannot be split.
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning));

    /// <summary>Creates the folder and proves the file can be written, so a bad path stops start-up with a clear message.</summary>
    public void EnsureWritable(string location)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(location));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            using var connection = new SqliteConnection(ConnectionString(location));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE IF NOT EXISTS __records_write_check (x INTEGER); DROP TABLE __records_write_check;";
            command.ExecuteNonQuery();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException or NotSupportedException or ArgumentException)
        {
            throw new DatabasePathException(
                $"Records cannot write its database at '{location}': {e.Message} Set Records:DatabasePath (environment variable Records__DatabasePath) to a writable file path.", e);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>One app at a time uses a SQLite file, so <paramref name="afterwards"/> needs no lock of its own.</summary>
    public async Task MigrateAsync(RecordsDbContext db, Func<Task>? afterwards, CancellationToken ct)
    {
        // EF's Migrate compares the model with the last snapshot before it looks for work, which costs more than the
        // rest of start-up; a database that has every migration needs only the history read.
        var applied = await db.Database.GetAppliedMigrationsAsync(ct);
        if (db.Database.GetMigrations().Except(applied).Any()) await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        if (afterwards is not null) await afterwards();
    }

    /// <summary>SQLite reads quoted and bare names alike, and its migrations were written with bare ones.</summary>
    public void FinishModel(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var index in entity.GetIndexes())
            {
                if (index.GetFilter() is { } filter) index.SetFilter(Bare(filter));
            }
            foreach (var check in entity.GetCheckConstraints().ToList())
            {
                entity.RemoveCheckConstraint(check.ModelName);
                entity.AddCheckConstraint(check.ModelName, Bare(check.Sql));
            }
        }
    }

    private static string Bare(string sql) => sql.Replace("\"", "", StringComparison.Ordinal);

    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6), alone or wrapped (EF's DbUpdateException).</summary>
    public bool IsBusy(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 5 or 6 } => true,
        AggregateException a => a.InnerExceptions.Any(IsBusy),
        { InnerException: { } inner } => IsBusy(inner),
        _ => false,
    };

    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    /// <summary>SQLite's LIKE folds the case of ASCII letters; the text's own %, _ and \ are escaped.</summary>
    public Expression<Func<T, bool>> ContainsIgnoringCase<T>(string text, params Expression<Func<T, string?>>[] fields) =>
        SearchPattern.Matching(Like, text, fields);

    public bool IsUniqueViolation(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        { InnerException: { } inner } => IsUniqueViolation(inner),
        _ => false,
    };

    /// <summary>Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the database's one write lock, so one writer at a time in every section.</summary>
    public Task<IDbContextTransaction> BeginSerialWriteAsync(RecordsDbContext db, string section, CancellationToken ct) =>
        db.Database.BeginTransactionAsync(ct);

    public IDonationLedgerWriter OpenLedger(RecordsDbContext db, DonationChannel channel, ImportCommit? commit = null) =>
        new SqliteDonationWriter(db, channel, commit);
}
