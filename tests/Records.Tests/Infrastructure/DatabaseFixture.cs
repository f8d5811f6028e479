using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;

namespace Records.Tests.Infrastructure;

/// <summary>A temp folder per test class; each test gets its own SQLite file in it with the real migrations applied.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"records-mail-tests-{Guid.NewGuid():N}");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Migrated once per test run, then copied for each test: the same file the migrations make, without running them
    /// again for every test.
    /// </summary>
    private static readonly Lazy<Task<string>> Template = new(MigrateTemplateAsync);

    /// <summary>The run's one file with every migration applied and nothing else; copy it, never write to it.</summary>
    public static Task<string> MigratedTemplateAsync() => Template.Value;

    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        var database = new TestDatabase(Path.Combine(Folder, $"{Guid.NewGuid():N}.db"));
        File.Copy(await Template.Value, database.Path);
        return database;
    }

    private static async Task<string> MigrateTemplateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"records-template-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var template = new TestDatabase(Path.Combine(folder, "template.db"));
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

public sealed class TestDatabase(string path)
{
    public string Path { get; } = path;

    public RecordsDbContext Open()
    {
        var options = new DbContextOptionsBuilder<RecordsDbContext>();
        RecordsDatabase.Configure(options, Path, TimeProvider.System);
        return new RecordsDbContext(options.Options);
    }
}
