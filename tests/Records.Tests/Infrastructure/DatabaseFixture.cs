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

    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        var database = new TestDatabase(Path.Combine(Folder, $"{Guid.NewGuid():N}.db"));
        await using var db = database.Open();
        await RecordsDatabase.MigrateAsync(db);
        return database;
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
