using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Records.Benchmarks;

/// <summary>Read-only looks at the measured database: which accounts it has, and how big it is for the summary.</summary>
public static class BenchDatabase
{
    public static bool HasUser(string path, string email)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM AspNetUsers WHERE NormalizedEmail = $email)";
        command.Parameters.AddWithValue("$email", email.ToUpperInvariant());
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }

    public static string Describe(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM Donations), (SELECT COUNT(*) FROM People), (SELECT COUNT(*) FROM Sponsorships)";
        using var reader = command.ExecuteReader();
        reader.Read();
        var megabytes = new FileInfo(path).Length / 1024.0 / 1024.0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{path} ({megabytes:#,0.0} MB; {reader.GetInt64(0):#,0} donations, {reader.GetInt64(1):#,0} people, {reader.GetInt64(2):#,0} sponsorships)");
    }

    private static SqliteConnection Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No database at {path}. Generate one with tests/Records.Benchmarks/run.sh, or give --database.", path);
        // Unpooled, so this process does not hold the file open while the app runs against it.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
