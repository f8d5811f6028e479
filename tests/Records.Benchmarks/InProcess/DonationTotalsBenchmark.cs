using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Records.Benchmarks.Capture;
using Records.Core.Data;
using Records.Core.Home;

namespace Records.Benchmarks.InProcess;

/// <summary>
/// This year's donation totals (the Staff and Board home panels) through EF Core, against the very SQL EF sent,
/// recorded at setup, run with plain Microsoft.Data.Sqlite and read into the same records.
/// </summary>
public class DonationTotalsBenchmark
{
    // BenchmarkDotNet makes the instance itself; running in process, a static is how the runner hands over the database.
    public static string DatabasePath { get; set; } = "";

    private DateOnly today;
    private DbContextOptions<RecordsDbContext> options = null!;
    private string connectionString = "";
    private CapturedCommand query = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The data's last day, as the pages see it: the real date's year may hold no gifts at all.
        today = DateOnly.FromDateTime(BenchDatabase.Clock(DatabasePath).UtcDateTime);
        connectionString = RecordsDatabase.ConnectionString(DatabasePath);
        var builder = new DbContextOptionsBuilder<RecordsDbContext>();
        RecordsDatabase.Configure(builder, DatabasePath, TimeProvider.System);
        options = builder.Options;

        var capture = new CommandCapture(() => true);
        List<Total> viaEf;
        using (var db = new RecordsDbContext(new DbContextOptionsBuilder<RecordsDbContext>(options).AddInterceptors(capture).Options))
        {
            viaEf = Total.DonationsThisYearAsync(db, today, CancellationToken.None).GetAwaiter().GetResult();
        }
        query = capture.Commands.Count == 1
            ? capture.Commands[0]
            : throw new InvalidOperationException($"Total.DonationsThisYearAsync ran {capture.Commands.Count} commands; this benchmark replays exactly one.");
        var plain = PlainSqliteAsync().GetAwaiter().GetResult();
        if (!plain.SequenceEqual(viaEf))
        {
            throw new InvalidOperationException($"Plain SQLite read [{string.Join(", ", plain)}] where EF read [{string.Join(", ", viaEf)}].");
        }
    }

    [Benchmark(Description = "EF Core")]
    public async Task<List<Total>> EfCoreAsync()
    {
        await using var db = new RecordsDbContext(options);
        return await Total.DonationsThisYearAsync(db, today, CancellationToken.None);
    }

    [Benchmark(Baseline = true, Description = "plain Microsoft.Data.Sqlite")]
    public async Task<List<Total>> PlainSqliteAsync()
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = query.CreateCommand(connection);
        await using var reader = await command.ExecuteReaderAsync();
        var totals = new List<Total>();
        while (await reader.ReadAsync()) totals.Add(new Total(reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2)));
        return totals;
    }
}
