using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Records.Benchmarks.Summary;

namespace Records.Benchmarks.Import;

/// <summary>
/// The processor import at size: a 100,000-row Stripe export checked and committed against a copy of the volume
/// database in a child process (its peak memory is the import's), compared with the sqlite3 shell's <c>.import --csv</c>
/// of the same file into a bare table of a fresh database.
/// </summary>
public static partial class ImportBenchmark
{
    public const int Rows = 100_000;
    public const double TargetSeconds = 15;
    public const double TargetMegabytes = 300;
    private const string Sqlite3 = "/usr/bin/sqlite3";

    public static async Task<(List<SummaryRow> Rows, List<string> Problems)> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var folder = Path.Combine(Repository.Artifacts, "import");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"stripe-{Rows / 1000}k.csv");
        var copy = Path.Combine(folder, "ledger-copy.db");
        var bare = Path.Combine(folder, "sqlite3-import.db");

        await StripeFile.WriteAsync(file, options.DatabasePath, Rows, ct);
        Copy(options.DatabasePath, copy);
        Console.WriteLine($"import: {Rows:#,0} rows, {new FileInfo(file).Length / (1024.0 * 1024.0):0.0} MB, into a copy of {Path.GetFileName(options.DatabasePath)}");

        var info = new ProcessStartInfo(ChildProcess.DotnetHost);
        info.ArgumentList.Add(typeof(ImportBenchmark).Assembly.Location);
        foreach (var arg in new[] { "import-child", "--database", copy, "--file", file }) info.ArgumentList.Add(arg);
        Match figures;
        await using (var child = ChildProcess.Start(info, AnnouncementPattern()))
        {
            try { figures = await child.Announced.WaitAsync(TimeSpan.FromMinutes(5), ct); }
            catch (InvalidOperationException e) { throw new InvalidOperationException($"{e.Message}\n{child.Output()}", e); }
        }
        double Figure(string name) => double.Parse(figures.Groups[name].Value, CultureInfo.InvariantCulture);
        var (dryRun, commit, peak, warmUp) = (Figure("dryrun"), Figure("commit"), Figure("peakmb"), Figure("warmup"));
        Console.WriteLine(figures.Value);

        var baseline = await Sqlite3ImportAsync(file, bare, ct);
        File.Delete(copy);
        File.Delete(bare);

        var problems = new List<string>();
        if (dryRun + commit >= TargetSeconds) problems.Add($"import: dry run + commit took {dryRun + commit:0.0} s, over the {TargetSeconds} s target.");
        if (peak >= TargetMegabytes) problems.Add($"import: peak memory {peak:0} MB, over the {TargetMegabytes} MB target.");
        var baselineText = $"sqlite3 .import --csv {baseline:0.00} s";
        return ([
            new SummaryRow($"import {Rows / 1000}k Stripe rows: dry run (EF warm-up of {warmUp:0.0} s before it not counted)", Seconds(dryRun), baselineText, Format.Ratio(dryRun, baseline)),
            new SummaryRow($"import {Rows / 1000}k Stripe rows: commit ({figures.Groups["added"].Value} added)", Seconds(commit), baselineText, Format.Ratio(commit, baseline)),
            new SummaryRow($"import {Rows / 1000}k Stripe rows: dry run + commit (target < {TargetSeconds} s)", Seconds(dryRun + commit), baselineText, Format.Ratio(dryRun + commit, baseline)),
            new SummaryRow($"import {Rows / 1000}k Stripe rows: peak memory of the importing process (target < {TargetMegabytes} MB)", $"{peak:0} MB", "", ""),
        ], problems);
    }

    private static string Seconds(double s) => string.Create(CultureInfo.InvariantCulture, $"{s:0.00} s");

    /// <summary>A consistent copy through SQLite's backup, whatever journal the source is in.</summary>
    private static void Copy(string source, string destination)
    {
        foreach (var old in new[] { destination, destination + "-wal", destination + "-shm" }) File.Delete(old);
        using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
        from.Open();
        to.Open();
        from.BackupDatabase(to);
    }

    private static async Task<double> Sqlite3ImportAsync(string file, string database, CancellationToken ct)
    {
        if (!File.Exists(Sqlite3)) throw new InvalidOperationException($"{Sqlite3} is missing: apt-get install sqlite3.");
        File.Delete(database);
        var info = new ProcessStartInfo(Sqlite3) { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(database);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteLineAsync($".import --csv '{file}' payments");
        process.StandardInput.Close();
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var seconds = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0 || errors.Length > 0) throw new InvalidOperationException($"sqlite3 .import failed: {errors}");
        return seconds;
    }

    [GeneratedRegex(@"^IMPORT dryrun=(?<dryrun>[\d.]+) commit=(?<commit>[\d.]+) warmup=(?<warmup>[\d.]+) peakmb=(?<peakmb>[\d.]+) rows=(?<rows>\d+) added=(?<added>\d+)")]
    private static partial Regex AnnouncementPattern();
}
