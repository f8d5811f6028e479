using Microsoft.Data.Sqlite;

[assembly: AssemblyFixture(typeof(Records.BrowserTests.Infrastructure.PreparedDatabase))]

namespace Records.BrowserTests.Infrastructure;

/// <summary>
/// The database the app's start-up makes (migrated, seeded, roles and development accounts), made once per run by
/// starting the app once; each test class's server starts on a copy of it. Its start-up still runs on the copy and
/// finds nothing left to do, instead of migrating, loading the seed and hashing eight passwords again.
/// </summary>
public sealed class PreparedDatabase : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "records-browser-tests", "prepared-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(folder, "records.db");

    public async ValueTask InitializeAsync()
    {
        if (!Chromium.IsInstalled) return;
        Directory.CreateDirectory(folder);
        await (await AppHost.StartAsync(folder, new Dictionary<string, string>())).DisposeAsync();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        // Everything into the main file, so that a copy of it alone is the whole database.
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync();
    }

    /// <summary>A copy of the prepared database at the given path.</summary>
    public void CopyTo(string path) => File.Copy(DatabasePath, path);

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
