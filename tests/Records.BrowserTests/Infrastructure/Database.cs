using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Records.Core.Data;

namespace Records.BrowserTests.Infrastructure;

/// <summary>
/// Reads what the app saved straight from its database, so a test checks the records and not only the page. Tests
/// write plain SQL with the model's names (SELECT Status FROM Rounds WHERE Year = $y); it runs on either engine: the
/// model's table and column names are quoted, parameters are named with @, and values read alike (dates as
/// yyyy-MM-dd, booleans as 1 and 0, as SQLite keeps them).
/// </summary>
public static partial class Database
{
    /// <summary>Each row of the query as its columns joined by " | " (null as "∅").</summary>
    public static async Task<List<string>> RowsAsync(this RecordsServer server, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(server);
        await using var command = Command(connection, sql, parameters);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(Alike(reader.GetValue(i)), CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    /// <summary>One value from the app's database, read alike on either engine.</summary>
    public static async Task<object?> ScalarAsync(this RecordsServer server, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(server);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? Alike(value) : null;
    }

    /// <summary>The app's own model on the server's database, for tests that add records as the app's saves do.</summary>
    public static RecordsDbContext Open(this RecordsServer server)
    {
        var builder = new DbContextOptionsBuilder<RecordsDbContext>();
        RecordsDatabase.Configure(builder, new DatabaseTarget(BrowserDatabase.Provider, server.DatabaseLocation), TimeProvider.System);
        return new RecordsDbContext(builder.Options);
    }

    private static async Task<DbConnection> OpenAsync(RecordsServer server)
    {
        DbConnection connection = BrowserDatabase.OnPostgreSql
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.DatabaseLocation) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = server.DatabaseLocation, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = ForEitherEngine(sql);
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name.TrimStart('$', '@');
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static readonly HashSet<string> ModelNames = Names();

    private static HashSet<string> Names()
    {
        using var db = new RecordsDbContext(new DbContextOptionsBuilder<RecordsDbContext>().UseSqlite("Data Source=:memory:").Options);
        var tables = db.Model.GetRelationalModel().Tables;
        return [.. tables.Select(t => t.Name).Concat(tables.SelectMany(t => t.Columns.Select(c => c.Name)))];
    }

    /// <summary>Quotes the model's names outside string literals and names parameters with @ (both engines read both).</summary>
    internal static string ForEitherEngine(string sql)
    {
        var text = new StringBuilder();
        foreach (var (part, index) in sql.Split('\'').Select((part, index) => (part, index)))
        {
            if (index > 0) text.Append('\'');
            text.Append(index % 2 == 1 ? part : Word().Replace(part, m => ModelNames.Contains(m.Value) ? $"\"{m.Value}\"" : m.Value).Replace('$', '@'));
        }
        return text.ToString();
    }

    private static object Alike(object value) => value switch
    {
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? 1L : 0L,
        int number => (long)number,
        short number => (long)number,
        _ => value,
    };

    [GeneratedRegex(@"(?<![""\w@$])[A-Z][A-Za-z0-9]*(?![""\w])")]
    private static partial Regex Word();
}
