using Microsoft.Data.Sqlite;

namespace Records.BrowserTests.Infrastructure;

/// <summary>Reads what the app saved straight from its SQLite file, so a test checks the records and not only the page.</summary>
public static class Database
{
    /// <summary>Each row of the query as its columns joined by " | " (null as "∅").</summary>
    public static async Task<List<string>> RowsAsync(this RecordsServer server, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(server.Folder, "records.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }
}
