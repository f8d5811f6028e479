using System.Linq.Expressions;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Records.Core.Donations;
using Records.Core.Donations.Import;

namespace Records.Core.Data.PostgreSql;

/// <summary>
/// Records on a PostgreSQL server (Npgsql), for installations with several app instances on one database. Location is
/// the connection string (ConnectionStrings:Records).
/// </summary>
public sealed class PostgreSqlProvider : IDatabaseProvider
{
    public const string MigrationsAssembly = "Records.Migrations.PostgreSQL";

    public string Name => "PostgreSQL";

    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string location, int busyTimeoutSeconds) =>
        options.UseNpgsql(WithDefaults(location, busyTimeoutSeconds), npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));

    /// <summary>A lock another transaction holds is waited for as long as SQLite's busy timeout, then the write is refused as busy.</summary>
    private static string WithDefaults(string connectionString, int busyTimeoutSeconds)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Options)) builder.Options = $"-c lock_timeout={busyTimeoutSeconds * 1000}";
        return builder.ConnectionString;
    }

    /// <summary>Connects once and runs a statement, so a wrong or unreachable server stops start-up with one line naming the setting and the host.</summary>
    public void EnsureWritable(string location)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(location);
        }
        catch (ArgumentException e)
        {
            throw new DatabasePathException($"Records cannot read its PostgreSQL connection string: {e.Message} Set ConnectionStrings:Records (environment variable ConnectionStrings__Records).", e);
        }
        try
        {
            using var connection = new NpgsqlConnection(location);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            command.ExecuteScalar();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The server answers but has no such database yet: migrating creates it.
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or InvalidOperationException or ArgumentException or TimeoutException)
        {
            var where = $"{builder.Host ?? "(no host)"}:{builder.Port}, database '{builder.Database ?? "(none)"}'";
            throw new DatabasePathException(
                $"Records cannot reach its PostgreSQL database at {where}: {FirstLine(e)} Check ConnectionStrings:Records (environment variable ConnectionStrings__Records).", e);
        }
    }

    private static string FirstLine(Exception e)
    {
        var message = (e.InnerException is SocketException inner ? inner.Message : e.Message).Trim();
        var end = message.IndexOf('\n');
        message = end < 0 ? message : message[..end].Trim();
        return message.EndsWith('.') ? message : message + ".";
    }

    public async Task MigrateAsync(RecordsDbContext db, Func<Task>? afterwards, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another instance created it first.
            }
        }
        // Two instances started together both find migrations to apply and an empty database to seed; the lock lets one
        // do both while the other waits, then finds nothing left. Held on its own connection throughout.
        await using var gate = new NpgsqlConnection(db.Database.GetConnectionString());
        await gate.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", gate)) await take.ExecuteNonQueryAsync(ct);
        try
        {
            // A new database has no history table; asking it for its rows would log a failed command.
            var history = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>();
            var applied = await history.ExistsAsync(ct) ? (await history.GetAppliedMigrationsAsync(ct)).Select(m => m.MigrationId) : [];
            if (db.Database.GetMigrations().Except(applied).Any()) await db.Database.MigrateAsync(ct);
            if (afterwards is not null) await afterwards();
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", gate);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private const long MigrationLock = 0x5265636f72647301; // "Records" and 1

    /// <summary>
    /// The model's SQL is written for PostgreSQL already. Text columns are <c>text</c> without a length: SQLite never
    /// enforced the model's lengths, so a database moved across may hold longer values, and the forms check lengths
    /// themselves. The searched names get trigram indexes that serve ILIKE '%…%'.
    /// </summary>
    public void FinishModel(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties()).Where(p => p.ClrType == typeof(string)))
        {
            property.SetMaxLength(null);
        }
        builder.HasPostgresExtension("pg_trgm");
        foreach (var (type, column) in SearchedColumns)
        {
            builder.Entity(type).HasIndex([column], $"IX_{type.Name}_{column}_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        }
    }

    /// <summary>The columns pages search by part of a word (<see cref="ContainsIgnoringCase{T}"/>).</summary>
    public static readonly (Type Type, string Column)[] SearchedColumns =
    [
        (typeof(People.Person), nameof(People.Person.Name)),
        (typeof(People.Person), nameof(People.Person.Email)),
        (typeof(Sponsors.Sponsor), nameof(Sponsors.Sponsor.Name)),
    ];

    /// <summary>A lock not granted within lock_timeout (55P03), a deadlock (40P01) or a serialization failure (40001), alone or wrapped.</summary>
    public bool IsBusy(Exception e) => e switch
    {
        PostgresException { SqlState: "55P03" or "40P01" or "40001" } => true,
        AggregateException a => a.InnerExceptions.Any(IsBusy),
        { InnerException: { } inner } => IsBusy(inner),
        _ => false,
    };

    public bool IsUniqueViolation(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        { InnerException: { } inner } => IsUniqueViolation(inner),
        _ => false,
    };

    public async Task<IDbContextTransaction> BeginSerialWriteAsync(RecordsDbContext db, string section, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        // Held until the transaction ends: one writer in this section at a time, as SQLite's single writer gives.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SectionLock(section)})", ct);
        return transaction;
    }

    /// <summary>A stable number for a section's name (string.GetHashCode differs between processes).</summary>
    private static long SectionLock(string section)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in section)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return unchecked((long)hash);
    }

    private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    /// <summary>ILIKE with the text's own %, _ and \ escaped; the trigram indexes of <see cref="SearchedColumns"/> serve it.</summary>
    public Expression<Func<T, bool>> ContainsIgnoringCase<T>(string text, params Expression<Func<T, string?>>[] fields) =>
        SearchPattern.Matching(ILike, text, fields);

    public IDonationLedgerWriter OpenLedger(RecordsDbContext db, DonationChannel channel, ImportCommit? commit = null) =>
        new PostgreSqlDonationWriter(db, channel, commit);
}
