using Microsoft.Data.Sqlite;

namespace Records.Volume;

/// <summary>The generator's refusals: checked before anything is written, so a refused run changes nothing.</summary>
public static class DatabaseGuard
{
    /// <returns>Why the run must not go ahead, or null when it may.</returns>
    public static string? Refusal(VolumeOptions options, bool allowAppDatabase)
    {
        if (double.IsNaN(options.Scale) || double.IsInfinity(options.Scale) || options.Scale <= 0)
            return $"The scale must be a number above 0 (scale 1 is 50,000 people and 1,000,000 donations); {options.Scale} was given.";
        if (options.Scale > 20)
            return $"A scale of {options.Scale} is more than the generator supports; use 20 or less.";

        var path = Path.GetFullPath(options.DatabasePath);
        if (!allowAppDatabase && LooksLikeAppDatabase(path))
            return $"'{path}' looks like the app's own database (an App_Data folder or the path in Records__DatabasePath). " +
                   "The generator writes there only with --allow-app-database.";

        if (!File.Exists(path) || new FileInfo(path).Length == 0) return null;
        var filled = TablesWithRows(path);
        return filled.Count == 0
            ? null
            : $"'{path}' already holds records ({string.Join(", ", filled.Take(5))}). The generator only fills an empty database; " +
              "choose another --database or delete the file if it is a generated one.";
    }

    private static bool LooksLikeAppDatabase(string path)
    {
        var configured = Environment.GetEnvironmentVariable("Records__DatabasePath");
        if (!string.IsNullOrWhiteSpace(configured) && Path.GetFullPath(configured) == path) return true;
        return path.Split(Path.DirectorySeparatorChar).Contains("App_Data");
    }

    private static List<string> TablesWithRows(string path)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            var tables = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' ORDER BY name";
                using var reader = list.ExecuteReader();
                while (reader.Read()) tables.Add(reader.GetString(0));
            }
            var filled = new List<(string Table, long Rows)>();
            foreach (var table in tables)
            {
                using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"")}\"";
                var rows = Convert.ToInt64(count.ExecuteScalar());
                if (rows > 0) filled.Add((table, rows));
            }
            return filled.OrderByDescending(f => f.Rows).Select(f => $"{f.Table}: {f.Rows:N0} rows").ToList();
        }
        catch (SqliteException e)
        {
            return [$"not a database Records can read: {e.Message}"];
        }
    }
}
