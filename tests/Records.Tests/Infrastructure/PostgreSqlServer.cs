using Microsoft.EntityFrameworkCore;
using Npgsql;
using Records.Core.Data;

namespace Records.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests of that engine run against, named by <see cref="Variable"/>: a connection string
/// of a user who may create databases. Each test gets a database of its own, dropped when it ends.
/// </summary>
public static class PostgreSqlServer
{
    public const string Variable = "RECORDS_TEST_POSTGRES";

    public const string MissingReason = $"PostgreSQL is not set up for the tests: install postgresql (apt-get install postgresql) and set {Variable} " +
        "to the connection string of a user who may create databases, e.g. Host=127.0.0.1;Port=5432;Username=postgres";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } set ? set : null;

    /// <summary>Skips the test where no server is set, except on CI, where a missing server must not pass unnoticed.</summary>
    public static void Require()
    {
        if (ConnectionString is not null) return;
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(MissingReason);
        Assert.Skip(MissingReason);
    }

    /// <summary>A new, empty database on the server; <see cref="RecordsDatabase.MigrateAsync"/> makes its tables.</summary>
    public static async Task<PostgreSqlTestDatabase> CreateDatabaseAsync()
    {
        Require();
        var name = $"records_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(Admin()))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new PostgreSqlTestDatabase(name, new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString);
    }

    /// <summary>The server's own database, from which others are created and dropped.</summary>
    internal static string Admin() => new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
}

public sealed class PostgreSqlTestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public RecordsDbContext Open()
    {
        var options = new DbContextOptionsBuilder<RecordsDbContext>();
        RecordsDatabase.Configure(options, new DatabaseTarget(DatabaseProvider.PostgreSql, ConnectionString), TimeProvider.System);
        return new RecordsDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        // FORCE ends the sessions the tests' pools still keep open.
        await using var admin = new NpgsqlConnection(PostgreSqlServer.Admin());
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
