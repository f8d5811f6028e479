using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Records.Benchmarks.Import;

/// <summary>
/// Writes the benchmark's Stripe payments export: the same rows for the same database every time. About half the
/// rows carry the email of a person already in the database; most payments are paid, a few failed or refunded, and
/// one in a thousand has a negative amount.
/// </summary>
public static class StripeFile
{
    public const string Header = "id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Converted Amount,Fee,Taxes,Converted Currency,Status,Seller Message,Captured,Customer ID,Customer Description,Customer Email";

    public static async Task WriteAsync(string path, string database, int rows, CancellationToken ct)
    {
        var emails = await EmailsAsync(database, ct);
        var random = new Random(20261127);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        await writer.WriteLineAsync(Header);
        for (var i = 1; i <= rows; i++)
        {
            var existing = emails.Count > 0 && random.Next(2) == 0;
            var email = existing ? emails[random.Next(emails.Count)] : $"bench.donor{random.Next(40_000):D5}@example.net";
            var cents = random.Next(500, 50_000);
            if (random.Next(1000) == 0) cents = -cents;
            var currency = random.Next(10) switch { 0 => "eur", 1 => "gbp", _ => "usd" };
            var fee = Math.Max(0, cents * 29 / 1000 + 30);
            var roll = random.Next(100);
            var status = roll < 2 ? "Failed" : roll < 3 ? "Refunded" : "Paid";
            var when = start.AddSeconds(i * 90L);
            var amount = Major(cents);
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"ch_bench{i:D8},Donation,{when:yyyy-MM-dd HH:mm:ss},{amount},0.00,{currency},{amount},{Major(fee)},0.00,usd,{status},Payment complete.,true,cus_bench{i:D8},Donor {i},{email}"));
        }
    }

    private static string Major(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static async Task<List<string>> EmailsAsync(string database, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Email FROM People WHERE Email IS NOT NULL ORDER BY Id";
        var emails = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) emails.Add(reader.GetString(0));
        return emails;
    }
}
