using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Records.Benchmarks.Summary;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Donations.Import;

namespace Records.Benchmarks.Import;

/// <summary>
/// Other people's writes during a big import: a 400,000-row Stripe export committed (through the same Core code as
/// /Donations/Import) in a child process against a copy of the volume database, while this process adds a gift by hand
/// through EF every 50 ms, as a member of Staff would, with the app's own connection settings. Counts the writes that
/// failed and the longest a write waited. Target: none failed.
/// </summary>
public static partial class WritersBenchmark
{
    public const int Rows = 400_000;
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(50);

    public static async Task<(List<SummaryRow> Rows, List<string> Problems)> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var folder = Path.Combine(Repository.Artifacts, "import");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"stripe-{Rows / 1000}k.csv");
        var copy = Path.Combine(folder, "writers-copy.db");
        await StripeFile.WriteAsync(file, options.DatabasePath, Rows, ct);
        foreach (var old in new[] { copy, copy + "-wal", copy + "-shm" }) File.Delete(old);
        using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
        {
            from.Open();
            to.Open();
            from.BackupDatabase(to);
            using var wal = to.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL";
            wal.ExecuteNonQuery();
        }
        Console.WriteLine($"writers: {Rows:#,0} rows, {new FileInfo(file).Length / (1024.0 * 1024.0):0.0} MB imported into a copy of {Path.GetFileName(options.DatabasePath)} while a gift is added every {Every.TotalMilliseconds:0} ms");

        var dbOptions = RecordsDatabase.Configure(new DbContextOptionsBuilder<RecordsDbContext>(), copy, TimeProvider.System).Options;
        await using (var warm = new RecordsDbContext((DbContextOptions<RecordsDbContext>)dbOptions)) await WriteAsync(warm, 0, ct);

        var info = new ProcessStartInfo(ChildProcess.DotnetHost);
        info.ArgumentList.Add(typeof(WritersBenchmark).Assembly.Location);
        foreach (var arg in new[] { "writers-child", "--database", copy, "--file", file }) info.ArgumentList.Add(arg);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var waits = new List<double>();
        var failures = new List<string>();
        var writer = Task.Run(async () =>
        {
            for (var n = 1; !stop.IsCancellationRequested; n++)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    await using var db = new RecordsDbContext((DbContextOptions<RecordsDbContext>)dbOptions);
                    await WriteAsync(db, n, CancellationToken.None);
                }
                catch (Exception e) when (e is DbUpdateException or SqliteException or InvalidOperationException)
                {
                    lock (failures) failures.Add($"{watch.Elapsed.TotalSeconds:0.0} s: {(e.InnerException ?? e).Message}");
                }
                lock (waits) waits.Add(watch.Elapsed.TotalMilliseconds);
                try { await Task.Delay(Every, stop.Token); } catch (OperationCanceledException) { }
            }
        }, CancellationToken.None);

        Match figures;
        await using (var child = ChildProcess.Start(info, AnnouncementPattern()))
        {
            try { figures = await child.Announced.WaitAsync(TimeSpan.FromMinutes(15), ct); }
            catch (InvalidOperationException e) { throw new InvalidOperationException($"{e.Message}\n{child.Output()}", e); }
        }
        await stop.CancelAsync();
        await writer;
        Console.WriteLine(figures.Value);
        foreach (var f in failures.Take(5)) Console.WriteLine($"writers: failed write after {f}");
        foreach (var old in new[] { copy, copy + "-wal", copy + "-shm" }) File.Delete(old);

        var commit = double.Parse(figures.Groups["commit"].Value, CultureInfo.InvariantCulture);
        var sorted = waits.Order().ToList();
        var longest = sorted.Count == 0 ? 0 : sorted[^1];
        var p99 = sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(sorted.Count * 0.99) - 1)];
        var problems = failures.Count == 0 ? new List<string>() : [$"writers: {failures.Count} of {waits.Count} writes failed during the import, first: {failures[0]}"];
        var label = $"import {Rows / 1000}k rows while a gift is added every {Every.TotalMilliseconds:0} ms";
        return ([
            new SummaryRow($"{label}: commit ({figures.Groups["added"].Value} added)", $"{commit:0.00} s", "", ""),
            new SummaryRow($"{label}: writes that failed (target 0)", $"{failures.Count} of {waits.Count}", "", ""),
            new SummaryRow($"{label}: longest wait of a write / p99", $"{longest / 1000:0.000} s / {p99 / 1000:0.000} s", "", ""),
        ], problems);
    }

    private static async Task WriteAsync(RecordsDbContext db, int n, CancellationToken ct)
    {
        db.Donations.Add(new Donation
        {
            IsAnonymous = true, AmountMinor = 2_500, Currency = "USD", ReceivedOn = new DateOnly(2026, 11, 1), Channel = DonationChannel.Cheque,
            TransactionId = $"writers-{Environment.ProcessId}-{n}-{Guid.NewGuid():N}",
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The child: the commit alone (its dry run only reads), then one line of figures.</summary>
    public static async Task<int> ChildAsync(string database, string file)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        var options = (DbContextOptions<RecordsDbContext>)RecordsDatabase.Configure(new DbContextOptionsBuilder<RecordsDbContext>(), database, TimeProvider.System).Options;
        await using (var warm = new RecordsDbContext(options)) await warm.People.AsNoTracking().Select(p => p.Id).FirstOrDefaultAsync();
        var watch = Stopwatch.StartNew();
        ImportReport commit;
        await using (var db = new RecordsDbContext(options))
        await using (var stream = File.OpenRead(file))
        {
            commit = await DonationImporter.CommitAsync(db, stream, ImportLayout.Stripe, new ImportCommit(Path.GetFileName(file), "benchmark", DateTime.UtcNow), today, zone);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"WRITERS commit={watch.Elapsed.TotalSeconds:0.000} added={commit.Added} created={commit.DonorsCreated}"));
        return 0;
    }

    [GeneratedRegex(@"^WRITERS commit=(?<commit>[\d.]+) added=(?<added>\d+) created=(?<created>\d+)")]
    private static partial Regex AnnouncementPattern();
}
