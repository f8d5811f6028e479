using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Records.Core.Data.PostgreSql;
using Records.Core.Data.Sqlite;
using Records.Core.Donations;
using Records.Core.Donations.Import;

namespace Records.Core.Data;

/// <summary>
/// Everything Records does differently on one database engine: opening and configuring it, the SQL its model
/// writes by hand, case-insensitive search, serial writes and the bulk writer of donation imports: SQLite (one file,
/// the default) and PostgreSQL (a server several app instances share).
/// </summary>
public interface IDatabaseProvider
{
    /// <summary>The name the setting Records:Database:Provider gives: Sqlite or PostgreSQL.</summary>
    string Name { get; }

    /// <summary>The EF provider and its options for the database at <paramref name="location"/> (a file path for SQLite, a connection string for PostgreSQL).</summary>
    DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string location, int busyTimeoutSeconds);

    /// <summary>Proves at start-up that the database can be written, or throws <see cref="DatabasePathException"/>.</summary>
    void EnsureWritable(string location);

    /// <summary>
    /// Brings the schema up to date and sets what the engine needs for Records' workload, then runs
    /// <paramref name="afterwards"/> (the seed and the first accounts) while no other instance starting on the same database
    /// can run its own.
    /// </summary>
    Task MigrateAsync(RecordsDbContext db, Func<Task>? afterwards, CancellationToken ct);

    /// <summary>Writes the model's filtered indexes and check constraints (written with <see cref="Sql"/>) as the engine's migrations have them.</summary>
    void FinishModel(ModelBuilder builder);

    /// <summary>Whether the failure is another writer's lock held too long, which a later try may get past.</summary>
    bool IsBusy(Exception e);

    /// <summary>Whether the failure is a unique index refusing a second row with the same key, alone or wrapped.</summary>
    bool IsUniqueViolation(Exception e);

    /// <summary>
    /// Begins a transaction in which only one writer at a time works in <paramref name="section"/> (a check then an
    /// insert that must not interleave with another's, such as the last place in a package). SQLite's single writer
    /// gives that to every transaction; PostgreSQL takes a lock named for the section until the transaction ends.
    /// </summary>
    Task<IDbContextTransaction> BeginSerialWriteAsync(RecordsDbContext db, string section, CancellationToken ct);

    /// <summary>Rows where any of <paramref name="fields"/> contains <paramref name="text"/>, ignoring case; <paramref name="text"/> is matched literally.</summary>
    Expression<Func<T, bool>> ContainsIgnoringCase<T>(string text, params Expression<Func<T, string?>>[] fields);

    /// <summary>
    /// The ledger of one channel as an import sees it, on <paramref name="db"/>'s open connection: a dry run only asks
    /// whether a gift is there; a commit (with <paramref name="commit"/>) also stages rows and publishes them.
    /// </summary>
    IDonationLedgerWriter OpenLedger(RecordsDbContext db, DonationChannel channel, ImportCommit? commit = null);
}

public static class DatabaseProvider
{
    public static readonly IDatabaseProvider Sqlite = new SqliteProvider();

    public static readonly IDatabaseProvider PostgreSql = new PostgreSqlProvider();

    public static readonly IReadOnlyList<IDatabaseProvider> All = [Sqlite, PostgreSql];

    /// <summary>The provider a setting names, ignoring case; null when it names none.</summary>
    public static IDatabaseProvider? Named(string? name) =>
        string.IsNullOrWhiteSpace(name) ? Sqlite : All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The provider of the engine a context runs on.</summary>
    public static IDatabaseProvider For(DatabaseFacade database) => database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => Sqlite,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => PostgreSql,
        var name => throw new NotSupportedException($"Records does not run on {name}."),
    };

    public static IDatabaseProvider For(DbContext db) => For(db.Database);
}
