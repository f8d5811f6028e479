using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Donations.Import;

namespace Records.Benchmarks.Import;

/// <summary>
/// The measured side of the import benchmark, in its own process so that its peak memory is the import's alone: the
/// dry run and the commit of the file through the same Core code as /Donations/Import, then one line of figures.
/// </summary>
public static class ImportChild
{
    public const string Announcement = "IMPORT ";

    public static async Task<int> RunAsync(string database, string file)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // The data's last day, as the pages see it, so a file's dates are judged against the data, not the real date.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(BenchDatabase.Clock(database), zone).DateTime);
        var options = RecordsDatabase.Configure(new DbContextOptionsBuilder<RecordsDbContext>(), database, TimeProvider.System).Options;

        // The page runs in a warm app: build EF's model and open the database before the clock starts, as that run would have.
        var watch = Stopwatch.StartNew();
        await using (var db = new RecordsDbContext((DbContextOptions<RecordsDbContext>)options))
        {
            await db.People.AsNoTracking().Where(p => p.Email != null).Select(p => p.Id).FirstOrDefaultAsync();
        }
        var warmUpSeconds = watch.Elapsed.TotalSeconds;

        watch.Restart();
        ImportReport dryRun;
        await using (var db = new RecordsDbContext((DbContextOptions<RecordsDbContext>)options))
        await using (var stream = File.OpenRead(file))
        {
            dryRun = await DonationImporter.DryRunAsync(db, stream, ImportLayout.Stripe, today, zone);
        }
        var dryRunSeconds = watch.Elapsed.TotalSeconds;

        watch.Restart();
        ImportReport commit;
        await using (var db = new RecordsDbContext((DbContextOptions<RecordsDbContext>)options))
        await using (var stream = File.OpenRead(file))
        {
            commit = await DonationImporter.CommitAsync(db, stream, ImportLayout.Stripe, new ImportCommit(Path.GetFileName(file), "benchmark", DateTime.UtcNow), today, zone);
        }
        var commitSeconds = watch.Elapsed.TotalSeconds;

        if (commit.Added != dryRun.Added) throw new InvalidOperationException($"The dry run would add {dryRun.Added} rows but the commit added {commit.Added}.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Announcement}dryrun={dryRunSeconds:0.000} commit={commitSeconds:0.000} warmup={warmUpSeconds:0.000} peakmb={PeakMegabytes():0.0} rows={commit.RowsRead} added={commit.Added} duplicates={commit.Duplicates.Count} bad={commit.BadRows.Count} skipped={commit.Skipped.Count} matched={commit.DonorsMatched} created={commit.DonorsCreated}"));
        return 0;
    }

    /// <summary>VmHWM of /proc/self/status (the peak resident set), else the runtime's peak working set.</summary>
    private static double PeakMegabytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null) return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }
        return Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
