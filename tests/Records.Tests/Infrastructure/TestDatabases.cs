using Microsoft.Data.Sqlite;
using Npgsql;
using Records.Core.Data;

namespace Records.Tests.Infrastructure;

/// <summary>
/// The engine the suite runs on. SQLite unless RECORDS_TEST_DATABASE=PostgreSQL; PostgreSQL's server is
/// RECORDS_TEST_POSTGRES (a connection string whose database, "postgres" if none, is used only to create and drop the
/// tests' own databases). .ci/run starts a throwaway server and runs the suite once on each engine.
/// </summary>
public static class TestDatabases
{
    public const string EngineVariable = "RECORDS_TEST_DATABASE";
    public const string ServerVariable = "RECORDS_TEST_POSTGRES";
    public const string MissingReason = $"The suite was asked to run on PostgreSQL ({EngineVariable}=PostgreSQL) but {ServerVariable} names no server that answers: " +
        "apt-get install postgresql, start a cluster and set " + ServerVariable + "=\"Host=127.0.0.1;Port=5432;Username=…\" (.ci/run shows how).";

    public static IDatabaseProvider Provider { get; } = DatabaseProvider.Named(Environment.GetEnvironmentVariable(EngineVariable))
        ?? throw new InvalidOperationException($"{EngineVariable} must be Sqlite or PostgreSQL.");

    public static bool OnPostgreSql => Provider == DatabaseProvider.PostgreSql;

    /// <summary>The server's connection string, or null where none is set (then PostgreSQL tests skip, or fail on CI).</summary>
    public static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    private static readonly Lazy<bool> ServerAnswers = new(() =>
    {
        if (Server is null) return false;
        try
        {
            using var connection = new NpgsqlConnection(Admin());
            connection.Open();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return false;
        }
    });

    /// <summary>Skips a test that needs the PostgreSQL server where there is none, except on CI, where that must not pass unnoticed.</summary>
    public static void RequirePostgreSql()
    {
        if (ServerAnswers.Value) return;
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(MissingReason);
        Assert.Skip(MissingReason);
    }

    /// <summary>Where the run is on PostgreSQL, the server must answer: each test says so instead of failing on a connection.</summary>
    public static void RequireEngine()
    {
        if (OnPostgreSql) RequirePostgreSql();
    }

    private static string Admin(string database = "postgres") => new NpgsqlConnectionStringBuilder(Server) { Database = database, Pooling = false }.ConnectionString;

    /// <summary>A connection string for one of the tests' databases on the server.</summary>
    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database, MaxPoolSize = 20 }.ConnectionString;

    public static DatabaseTarget Target(string location) => new(Provider, location);

    /// <summary>A new PostgreSQL database named with <paramref name="prefix"/>, empty or a copy of <paramref name="template"/> (a location).</summary>
    public static async Task<string> CreatePostgreSqlAsync(string prefix, string? template = null)
    {
        RequirePostgreSql();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        var from = template is null ? "" : $" TEMPLATE \"{new NpgsqlConnectionStringBuilder(template).Database}\" STRATEGY FILE_COPY";
        // A template must have no connections while it is copied: the pool's idle ones are closed first.
        if (template is not null) NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"CREATE DATABASE \"{name}\"{from}");
        return ConnectionString(name);
    }

    public static async Task DropPostgreSqlAsync(string location)
    {
        var name = new NpgsqlConnectionStringBuilder(location).Database;
        await using (var connection = new NpgsqlConnection(location)) NpgsqlConnection.ClearPool(connection);
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Admin());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Closes the pools' idle connections to every test database (SQLite's file handles, PostgreSQL's sessions).</summary>
    public static void ClearPools()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }
}
