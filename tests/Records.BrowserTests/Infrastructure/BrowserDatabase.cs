using Microsoft.Data.Sqlite;
using Npgsql;
using Records.Core.Data;

namespace Records.BrowserTests.Infrastructure;

/// <summary>
/// The database engine the browser tests run the app on: a SQLite file in the server's folder, or, with
/// RECORDS_TEST_DATABASE=PostgreSQL, a database of its own on the server RECORDS_TEST_POSTGRES names (as in
/// Records.Tests), copied from the prepared one and dropped when the server stops.
/// </summary>
public static class BrowserDatabase
{
    public static IDatabaseProvider Provider { get; } = DatabaseProvider.Named(Environment.GetEnvironmentVariable("RECORDS_TEST_DATABASE"))
        ?? throw new InvalidOperationException("RECORDS_TEST_DATABASE must be Sqlite or PostgreSQL.");

    public static bool OnPostgreSql => Provider == DatabaseProvider.PostgreSql;

    private static string Server => Environment.GetEnvironmentVariable("RECORDS_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("RECORDS_TEST_DATABASE=PostgreSQL needs RECORDS_TEST_POSTGRES=\"Host=…;Port=…;Username=…\" naming a server (apt-get install postgresql; .ci/run shows how).");

    /// <summary>Where a server in <paramref name="folder"/> keeps its records: the SQLite file, or a new PostgreSQL database's connection string.</summary>
    public static string NewLocation(string folder) => OnPostgreSql
        ? new NpgsqlConnectionStringBuilder(Server) { Database = $"records_browser_{Guid.NewGuid():N}" }.ConnectionString
        : Path.Combine(folder, "records.db");

    /// <summary>The settings that point the app at <paramref name="location"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings(string location) => OnPostgreSql
        ? [new("Records:Database:Provider", "PostgreSQL"), new("ConnectionStrings:Records", location)]
        : [new("Records:DatabasePath", location)];

    /// <summary>A copy of the prepared database at <paramref name="location"/>.</summary>
    public static async Task CopyAsync(string prepared, string location)
    {
        if (!OnPostgreSql)
        {
            File.Copy(prepared, location);
            return;
        }
        // A template must have no connections while it is copied: the pool's idle ones are closed first.
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"CREATE DATABASE \"{Name(location)}\" TEMPLATE \"{Name(prepared)}\" STRATEGY FILE_COPY");
    }

    /// <summary>Everything into the SQLite file so that a copy of it alone is the whole database; nothing to do on PostgreSQL.</summary>
    public static async Task SettleAsync(string location)
    {
        if (OnPostgreSql) return;
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync();
    }

    public static async Task DropAsync(string location)
    {
        if (!OnPostgreSql) return;
        await using (var connection = new NpgsqlConnection(location)) NpgsqlConnection.ClearPool(connection);
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name(location)}\" WITH (FORCE)");
    }

    private static string Name(string location) => new NpgsqlConnectionStringBuilder(location).Database!;

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
