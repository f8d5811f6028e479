using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;

namespace Records.Tests.Infrastructure;

/// <summary>
/// A temp folder per test class; each test gets its own database with the real migrations applied, on the engine the
/// run chose (<see cref="TestDatabases"/>): a SQLite file in the folder, or a database on the PostgreSQL server.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"records-mail-tests-{Guid.NewGuid():N}");

    private readonly List<string> created = [];

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        TestDatabases.ClearPools();
        foreach (var location in created) await TestDatabases.DropPostgreSqlAsync(location);
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    /// <summary>
    /// Migrated once per test run, then copied for each test: the same file the migrations make, without running them
    /// again for every test.
    /// </summary>
    private static readonly Lazy<Task<string>> Template = new(MigrateTemplateAsync);

    private static readonly Lazy<Task<string>> PostgreSqlTemplate = new(MigratePostgreSqlTemplateAsync);

    /// <summary>The run's one SQLite file with every migration applied and nothing else; copy it, never write to it.</summary>
    public static Task<string> MigratedTemplateAsync() => Template.Value;

    /// <summary>The run's migrated template on its engine: a file path, or a PostgreSQL database's connection string.</summary>
    public static Task<string> MigratedTemplateLocationAsync()
    {
        TestDatabases.RequireEngine();
        return TestDatabases.OnPostgreSql ? PostgreSqlTemplate.Value : Template.Value;
    }

    /// <summary>A new migrated database on the run's engine.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync() =>
        TestDatabases.OnPostgreSql ? await CreatePostgreSqlDatabaseAsync() : await CreateSqliteDatabaseAsync();

    /// <summary>A new database on the run's engine without a table: no migration applied.</summary>
    public async Task<TestDatabase> CreateEmptyDatabaseAsync()
    {
        if (!TestDatabases.OnPostgreSql) return new TestDatabase(Path.Combine(NewFolder(), "empty.db"), DatabaseProvider.Sqlite);
        return await CreateEmptyPostgreSqlDatabaseAsync();
    }

    /// <summary>A new PostgreSQL database without a table, whatever the run's engine (skipped without a server, failed on CI).</summary>
    public async Task<TestDatabase> CreateEmptyPostgreSqlDatabaseAsync()
    {
        var location = await TestDatabases.CreatePostgreSqlAsync("records_empty");
        lock (created) created.Add(location);
        return new TestDatabase(location, DatabaseProvider.PostgreSql);
    }

    /// <summary>A new migrated SQLite file whatever the run's engine, for tests of SQLite's own behaviour.</summary>
    public async Task<TestDatabase> CreateSqliteDatabaseAsync()
    {
        var database = new TestDatabase(Path.Combine(Folder, $"{Guid.NewGuid():N}.db"), DatabaseProvider.Sqlite);
        File.Copy(await Template.Value, database.Path);
        return database;
    }

    /// <summary>A new migrated PostgreSQL database whatever the run's engine (skipped without a server, failed on CI).</summary>
    public async Task<TestDatabase> CreatePostgreSqlDatabaseAsync()
    {
        TestDatabases.RequirePostgreSql();
        var location = await TestDatabases.CreatePostgreSqlAsync("records_test", await PostgreSqlTemplate.Value);
        lock (created) created.Add(location);
        return new TestDatabase(location, DatabaseProvider.PostgreSql);
    }

    private static async Task<string> MigratePostgreSqlTemplateAsync()
    {
        var location = await TestDatabases.CreatePostgreSqlAsync("records_template");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDatabases.DropPostgreSqlAsync(location).GetAwaiter().GetResult();
        await using (var db = new TestDatabase(location, DatabaseProvider.PostgreSql).Open())
        {
            await RecordsDatabase.MigrateAsync(db);
        }
        TestDatabases.ClearPools();
        return location;
    }

    private static async Task<string> MigrateTemplateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"records-template-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var template = new TestDatabase(Path.Combine(folder, "template.db"), DatabaseProvider.Sqlite);
        await using (var db = template.Open())
        {
            await RecordsDatabase.MigrateAsync(db);
            // Everything into the main file, so that a copy of it alone is the whole database.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        SqliteConnection.ClearAllPools();
        return template.Path;
    }

    /// <summary>A fresh folder inside the fixture's folder.</summary>
    public string NewFolder()
    {
        var folder = Path.Combine(Folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>One test's database: a SQLite file (<see cref="Path"/>) or a PostgreSQL database (<see cref="Location"/> is its connection string).</summary>
public sealed class TestDatabase(string location, IDatabaseProvider provider)
{
    public string Location { get; } = location;

    public IDatabaseProvider Provider { get; } = provider;

    public DatabaseTarget Target => new(Provider, Location);

    /// <summary>The SQLite file; a test that reads the file itself runs on SQLite whatever the run's engine.</summary>
    public string Path => Provider == DatabaseProvider.Sqlite ? Location : throw new InvalidOperationException("A PostgreSQL database has no file.");

    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, TimeProvider? clock = null) =>
        RecordsDatabase.Configure(options, Target, clock ?? TimeProvider.System);

    public RecordsDbContext Open()
    {
        var options = new DbContextOptionsBuilder<RecordsDbContext>();
        Configure(options);
        return new RecordsDbContext(options.Options);
    }
}
