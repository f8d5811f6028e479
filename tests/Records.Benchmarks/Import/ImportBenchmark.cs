using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Records.Benchmarks.Summary;
using Records.Core.Donations.Import;

namespace Records.Benchmarks.Import;

/// <summary>
/// The processor import at size: a 100,000-row Stripe export checked and committed against a copy of the volume
/// database in a child process (its peak memory is the import's). Baselines, with the sqlite3 shell on a second copy:
/// for the commit, the very rows the import added (every table, read back from the first copy) landing in the same
/// tables with all their indexes, through a staging table and one <c>INSERT … SELECT</c> each, in one transaction; for
/// the dry run, read-only: the file loaded into a temporary table and matched against People by email and against the
/// ledger's transaction ids.
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
        var second = Path.Combine(folder, "sqlite3-copy.db");

        await StripeFile.WriteAsync(file, options.DatabasePath, Rows, ct);
        Copy(options.DatabasePath, copy);
        Copy(options.DatabasePath, second);
        var before = LastRowIds(copy);
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

        var added = await ExportAddedAsync(copy, before, folder, ct);
        Console.WriteLine($"import: the commit added {string.Join(", ", added.Select(a => $"{a.Rows:#,0} rows to {a.Table}"))}");
        // Warmed alike: the import child warmed EF before its clock; sqlite3 reads the file once here, uncounted.
        var channel = ImportLayout.Stripe.Channel.ToString();
        await Sqlite3Async(second, readOnly: true, DryRunScript(file, channel), ct);
        var (readOnly, matches) = await Sqlite3Async(second, readOnly: true, DryRunScript(file, channel), ct);
        var (baseline, _) = await Sqlite3Async(second, readOnly: false, CommitScript(second, added), ct);
        var landed = added.Sum(a => a.Rows);
        var check = await Sqlite3Async(second, readOnly: true, string.Concat(added.Select(a => $"SELECT COUNT(*) FROM \"{a.Table}\" WHERE rowid > {before.GetValueOrDefault(a.Table)};\n")), ct);
        var landedInCli = check.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(l => long.Parse(l, CultureInfo.InvariantCulture));
        if (landedInCli != landed) throw new InvalidOperationException($"sqlite3 landed {landedInCli} rows but the import added {landed}.");
        foreach (var old in new[] { copy, second }.SelectMany(f => new[] { f, f + "-wal", f + "-shm", f + "-journal" })) File.Delete(old);
        foreach (var a in added) File.Delete(a.File);

        var problems = new List<string>();
        if (dryRun + commit >= TargetSeconds) problems.Add($"import: dry run + commit took {dryRun + commit:0.0} s, over the {TargetSeconds} s target.");
        if (peak >= TargetMegabytes) problems.Add($"import: peak memory {peak:0} MB, over the {TargetMegabytes} MB target.");
        var readOnlyText = $"{Seconds(readOnly)} (sqlite3 -readonly: file into a temp table, matched by email and transaction id: {matches.Trim().Replace('\n', '/')} matches)";
        var commitText = $"{Seconds(baseline)} (sqlite3: the same {landed:#,0} rows into the real tables via staging + INSERT … SELECT)";
        return ([
            new SummaryRow($"import {Rows / 1000}k Stripe rows: dry run (EF warm-up of {warmUp:0.0} s before it not counted)", Seconds(dryRun), readOnlyText, Format.Ratio(dryRun, readOnly)),
            new SummaryRow($"import {Rows / 1000}k Stripe rows: commit ({figures.Groups["added"].Value} gifts added; {string.Join(", ", added.Select(a => $"{a.Table} +{a.Rows:#,0}"))})", Seconds(commit), commitText, Format.Ratio(commit, baseline)),
            new SummaryRow($"import {Rows / 1000}k Stripe rows: dry run + commit (target < {TargetSeconds} s)", Seconds(dryRun + commit), Seconds(readOnly + baseline) + " (both baselines)", Format.Ratio(dryRun + commit, readOnly + baseline)),
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

    private sealed record Added(string Table, long Rows, string File);

    /// <summary>The last rowid of every table, to tell afterwards which rows the import added.</summary>
    private static Dictionary<string, long> LastRowIds(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND sql NOT LIKE '%WITHOUT ROWID%'";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var last = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            using var max = connection.CreateCommand();
            max.CommandText = $"SELECT COALESCE(MAX(rowid), 0) FROM \"{table}\"";
            last[table] = Convert.ToInt64(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        return last;
    }

    /// <summary>Every row the import added, a CSV file a table, written by sqlite3 itself so its .import reads it back unchanged.</summary>
    private static async Task<List<Added>> ExportAddedAsync(string database, Dictionary<string, long> before, string folder, CancellationToken ct)
    {
        var after = LastRowIds(database);
        var added = new List<Added>();
        foreach (var (table, last) in after.Where(t => t.Value > before.GetValueOrDefault(t.Key)))
        {
            var file = Path.Combine(folder, $"added-{table}.csv");
            var (_, count) = await Sqlite3Async(database, readOnly: true,
                $".headers on\n.mode csv\n.output '{file}'\nSELECT * FROM \"{table}\" WHERE rowid > {before.GetValueOrDefault(table)};\n.output stdout\n.headers off\n.mode list\nSELECT COUNT(*) FROM \"{table}\" WHERE rowid > {before.GetValueOrDefault(table)};\n", ct);
            added.Add(new Added(table, long.Parse(count.Trim(), CultureInfo.InvariantCulture), file));
        }
        return added;
    }

    /// <summary>Each table's added rows into a temporary staging table, then one INSERT … SELECT into the real one; empty text read back as NULL where the column takes NULL.</summary>
    private static string CommitScript(string database, List<Added> added)
    {
        var script = new System.Text.StringBuilder("BEGIN;\n");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        foreach (var a in added)
        {
            var columns = new List<(string Name, bool Nullable)>();
            using (var info = connection.CreateCommand())
            {
                info.CommandText = $"SELECT name, \"notnull\" FROM pragma_table_info('{a.Table}')";
                using var reader = info.ExecuteReader();
                while (reader.Read()) columns.Add((reader.GetString(0), reader.GetInt64(1) == 0));
            }
            var staging = $"staging_{a.Table}";
            script.Append($".import --csv --schema temp '{a.File}' {staging}\n");
            script.Append($"INSERT INTO main.\"{a.Table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) SELECT ")
                .Append(string.Join(", ", columns.Select(c => c.Nullable ? $"NULLIF(\"{c.Name}\", '')" : $"\"{c.Name}\"")))
                .Append($" FROM temp.\"{staging}\";\n");
        }
        return script.Append("COMMIT;\n").ToString();
    }

    private static string DryRunScript(string file, string channel) => $"""
        .import --csv --schema temp '{file}' payments
        SELECT COUNT(*) FROM temp.payments s JOIN People p ON p.Email = trim(s."Customer Email");
        SELECT COUNT(*) FROM temp.payments s JOIN Donations d ON d.Channel = '{channel}' AND d.TransactionId = s.id;

        """;

    private static async Task<(double Seconds, string Output)> Sqlite3Async(string database, bool readOnly, string script, CancellationToken ct)
    {
        if (!File.Exists(Sqlite3)) throw new InvalidOperationException($"{Sqlite3} is missing: apt-get install sqlite3.");
        var info = new ProcessStartInfo(Sqlite3) { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (readOnly) info.ArgumentList.Add("-readonly");
        info.ArgumentList.Add("-bail");
        info.ArgumentList.Add(database);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        await process.WaitForExitAsync(ct);
        var seconds = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0 || (await errors).Length > 0) throw new InvalidOperationException($"sqlite3 failed: {await errors}");
        return (seconds, await output);
    }

    [GeneratedRegex(@"^IMPORT dryrun=(?<dryrun>[\d.]+) commit=(?<commit>[\d.]+) warmup=(?<warmup>[\d.]+) peakmb=(?<peakmb>[\d.]+) rows=(?<rows>\d+) added=(?<added>\d+)")]
    private static partial Regex AnnouncementPattern();
}
