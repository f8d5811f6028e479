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

    /// <summary>
    /// The instant the app's clock starts at for a benchmark: noon in New York on the day of the last gift, so the
    /// ledger's default 30 days and "this year" hold data whatever the real date is.
    /// </summary>
    public static DateTimeOffset Clock(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(ReceivedOn) FROM Donations";
        var last = command.ExecuteScalar() is string text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow);
        return new DateTimeOffset(last.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);
    }

    public static string ClockSetting(string path) => Clock(path).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

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
