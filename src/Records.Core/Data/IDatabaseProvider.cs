using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Records.Core.Data.Sqlite;
using Records.Core.Donations;
using Records.Core.Donations.Import;

namespace Records.Core.Data;

/// <summary>
/// Everything Records does differently on one database engine: opening and configuring it, the SQL its model
/// writes by hand, case-insensitive search and the bulk writer of donation imports. SQLite is the one there is.
/// </summary>
public interface IDatabaseProvider
{
    /// <summary>The EF provider and its options for the database at <paramref name="location"/> (a file path for SQLite).</summary>
    DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string location, int busyTimeoutSeconds);

    /// <summary>Proves at start-up that the database can be written, or throws <see cref="DatabasePathException"/>.</summary>
    void EnsureWritable(string location);

    /// <summary>Brings the schema up to date and sets what the engine needs for Records' workload.</summary>
    Task MigrateAsync(RecordsDbContext db, CancellationToken ct);

    /// <summary>Writes the model's filtered indexes and check constraints (written with <see cref="Sql"/>) as the engine's migrations have them.</summary>
    void FinishModel(ModelBuilder builder);

    /// <summary>Whether the failure is another writer's lock held too long, which a later try may get past.</summary>
    bool IsBusy(Exception e);

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

    /// <summary>The provider of the engine a context runs on.</summary>
    public static IDatabaseProvider For(DatabaseFacade database) => database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => Sqlite,
        var name => throw new NotSupportedException($"Records does not run on {name}."),
    };

    public static IDatabaseProvider For(DbContext db) => For(db.Database);
}
