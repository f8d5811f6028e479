using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Records.Benchmarks.Capture;
using Records.Benchmarks.Summary;
using Records.Core.Data;
using Records.Core.Pdf;
using Records.Core.Reports;
using SkiaSharp;

namespace Records.Benchmarks.Reports;

/// <summary>
/// The Board's yearly financial report end to end (figures from the database, then the PDF) against the very SQL it
/// sent, run by the sqlite3 command line; a 100-page table document against the same rows drawn straight onto Skia
/// pages with no layout; and the bytes the PDFs take.
/// </summary>
public static class ReportBenchmark
{
    private const int Runs = 5;

    public static async Task<(List<SummaryRow> Rows, List<string> Problems)> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var rows = new List<SummaryRow>();
        var problems = new List<string>();
        var builder = new DbContextOptionsBuilder<RecordsDbContext>();
        RecordsDatabase.Configure(builder, options.DatabasePath, TimeProvider.System);
        await using (var db = new RecordsDbContext(builder.Options)) await RecordsDatabase.MigrateAsync(db, ct);

        int year;
        await using (var db = new RecordsDbContext(builder.Options))
        {
            var last = await db.Donations.MaxAsync(d => (DateOnly?)d.ReceivedOn, ct) ?? DateOnly.FromDateTime(DateTime.UtcNow);
            year = last.Month == 12 && last.Day == 31 ? last.Year : last.Year - 1;
        }
        var period = ReportPeriod.Year(year);

        var capture = new CommandCapture(() => true);
        var today = DateOnly.FromDateTime(BenchDatabase.Clock(options.DatabasePath).UtcDateTime);
        byte[] pdf = [];
        var pages = 0;
        async Task<(double Total, double Drawing)> OursAsync()
        {
            capture.Clear();
            var watch = Stopwatch.StartNew();
            await using var db = new RecordsDbContext(new DbContextOptionsBuilder<RecordsDbContext>(builder.Options).AddInterceptors(capture).Options);
            var report = await FinancialReport.LoadAsync(db, period, today, ct);
            var draw = Stopwatch.StartNew();
            (pdf, pages) = Write(FinancialReportDocument.Build(report, "Python Software Foundation", DateTime.UtcNow));
            return (watch.Elapsed.TotalMilliseconds, draw.Elapsed.TotalMilliseconds);
        }

        // Both sides warmed by a first, uncounted run, then measured in turn.
        await OursAsync();
        var sql = SqliteScript(capture.Commands);
        if (Environment.GetEnvironmentVariable("BENCH_REPORT_SQL") is { Length: > 0 } dump) await File.WriteAllTextAsync(dump, sql, ct);
        var checkedRows = await CheckRowsAsync(options.DatabasePath, capture.Commands, ct);
        Console.WriteLine($"reports: {capture.Commands.Count} commands; the sqlite3 baseline read {checkedRows}");
        await SqliteCliAsync(options.DatabasePath, sql, ct);
        var ours = new List<double>();
        var drawing = new List<double>();
        var baseline = new List<double>();
        for (var run = 1; run <= Runs; run++)
        {
            if (run % 2 == 0) baseline.Add(await SqliteCliAsync(options.DatabasePath, sql, ct));
            var (total, drawn) = await OursAsync();
            ours.Add(total);
            drawing.Add(drawn);
            if (run % 2 == 1) baseline.Add(await SqliteCliAsync(options.DatabasePath, sql, ct));
        }
        var (median, cli) = (Median(ours), Median(baseline));
        rows.Add(new($"Yearly financial report {year}: figures and PDF, end to end ({capture.Commands.Count} SQL commands, median of {Runs})", Format.Ms(median),
            Format.Ms(cli) + " (same SQL, same rows, sqlite3 CLI)", Format.Ratio(median, cli), $"{Spread(ours)}; {Spread(baseline)}", $"PDF {pdf.Length:#,0} bytes; {checkedRows}"));
        rows.Add(new($"Yearly financial report {year}: of which drawing the PDF", Format.Ms(Median(drawing)), "", "", Spread(drawing)));
        rows.Add(new($"Yearly financial report {year}: size", $"{pdf.Length:#,0} bytes, {pages} pages", "", ""));
        if (median > 2000) problems.Add($"The yearly report took {median:0} ms; the target is under 2 s.");

        var table = TableDocument(3_300);
        var (tablePdf, tablePages) = Write(table);
        var (layoutMs, rawMs) = (Median(Time(() => table.ToBytes())), Median(Time(() => RawSkia(3_300, tablePages))));
        var pagesPerSecond = tablePages / (layoutMs / 1000);
        var onePage = TableDocument(20).ToBytes().Length;
        rows.Add(new($"Table document, {tablePages} pages: pages per second", Format.Number(pagesPerSecond),
            Format.Number(tablePages / (rawMs / 1000)) + " (same rows drawn straight on Skia)", Format.Ratio(rawMs, layoutMs)));
        rows.Add(new($"Table document, {tablePages} pages: size", $"{tablePdf.Length:#,0} bytes; {(tablePdf.Length - onePage) / Math.Max(1, tablePages - 1):#,0} bytes per page after the first", $"one page: {onePage:#,0} bytes", ""));
        if (pagesPerSecond < 100) problems.Add($"The table document ran at {pagesPerSecond:0} pages per second; the target is 100 or more.");
        return (rows, problems);
    }

    private static PdfDocument TableDocument(int rows) =>
        new(new DocumentInfo("Gifts", "Records", "Benchmark", DateTime.UtcNow),
            new Table([new("Date", 1.2f), new("Donor", 3), new("Channel", 1.4f), new("Amount", 1.3f, Align.Right)],
                Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[new DateOnly(2025, 1, 1).AddDays(i % 365).ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
                    $"Donor {i} Łukasz Stéphane", i % 2 == 0 ? "Card" : "PayPal", $"${i * 7 % 10_000:#,0}.00"])));

    /// <summary>The same text drawn line by line with no wrapping, measuring or pagination logic: what Skia itself costs.</summary>
    private static void RawSkia(int rows, int pages)
    {
        using var stream = new MemoryStream();
        using var document = SKDocument.CreatePdf(stream);
        using var font = new SKFont(FontSet.Default.Regular, 9);
        using var paint = new SKPaint { Color = SKColors.Black };
        var perPage = (rows + pages - 1) / pages;
        for (var p = 0; p < pages; p++)
        {
            var canvas = document.BeginPage(612, 792);
            for (var r = 0; r < perPage; r++)
            {
                var i = p * perPage + r + 1;
                var y = 50 + r * 20;
                canvas.DrawText(new DateOnly(2025, 1, 1).AddDays(i % 365).ToString("MMM d, yyyy", CultureInfo.InvariantCulture), 48, y, SKTextAlign.Left, font, paint);
                canvas.DrawText($"Donor {i} Łukasz Stéphane", 130, y, SKTextAlign.Left, font, paint);
                canvas.DrawText(i % 2 == 0 ? "Card" : "PayPal", 330, y, SKTextAlign.Left, font, paint);
                canvas.DrawText($"${i * 7 % 10_000:#,0}.00", 560, y, SKTextAlign.Right, font, paint);
            }
            document.EndPage();
        }
        document.Close();
    }

    private static List<double> Time(Action work)
    {
        work();
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            work();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static string Spread(List<double> values) => $"{Format.Ms(values.Min())}–{Format.Ms(values.Max())}";

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static (byte[] Bytes, int Pages) Write(PdfDocument document)
    {
        using var stream = new MemoryStream();
        var pages = document.Write(stream);
        return (stream.ToArray(), pages);
    }

    /// <summary>
    /// The captured commands as a sqlite3 script, each with its parameters bound by <c>.param set</c> under the name
    /// the SQL uses (EF names a parameter <c>p0</c> and writes <c>@p0</c>), and values written as Microsoft.Data.Sqlite
    /// binds them. With <paramref name="countRows"/>, each result is printed as JSON (one row a line) after a marker
    /// line, for <see cref="RowCounts"/>; without, the results are thrown away.
    /// </summary>
    public static string SqliteScript(IReadOnlyList<CapturedCommand> commands, bool countRows = false)
    {
        var script = new StringBuilder(countRows ? ".mode json\n" : ".output /dev/null\n");
        for (var c = 0; c < commands.Count; c++)
        {
            var command = commands[c];
            script.Append(".param clear\n");
            foreach (var p in command.Parameters)
            {
                script.Append($".param set {BoundName(p.Name, command.Text)} {Literal(p.Value, p.Type)}\n");
            }
            if (countRows) script.Append(CultureInfo.InvariantCulture, $".print {Marker}{c}\n");
            script.Append(command.Text.TrimEnd().TrimEnd(';')).Append(";\n");
        }
        return script.ToString();
    }

    private const string Marker = "--records-command ";

    /// <summary>The name as the SQL writes it: with its prefix (@, $ or :), which DbParameter.ParameterName may leave off.</summary>
    public static string BoundName(string name, string sql)
    {
        if (name.Length > 0 && name[0] is '@' or '$' or ':') return name;
        return new[] { "@", "$", ":" }.Select(prefix => prefix + name).FirstOrDefault(n => sql.Contains(n, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The SQL never names the parameter {name}: {sql}");
    }

    /// <summary>A value as a SQL literal, in the text Microsoft.Data.Sqlite would bind for it.</summary>
    public static string Literal(object? value, Microsoft.Data.Sqlite.SqliteType type) => value switch
    {
        null or DBNull => "NULL",
        bool b => b ? "1" : "0",
        string s => Quoted(s),
        char ch => Quoted(ch.ToString()),
        DateOnly d => Quoted(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly t => Quoted(t.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture)),
        DateTime dt => Quoted(dt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        DateTimeOffset dto => Quoted(dto.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        Guid g when type == Microsoft.Data.Sqlite.SqliteType.Text => Quoted(g.ToString().ToUpperInvariant()),
        Guid g => "X'" + Convert.ToHexString(g.ToByteArray()) + "'",
        byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
        decimal m => Quoted(m.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        double or float => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => Quoted(other.ToString() ?? ""),
    };

    // The shell strips one level of quotes from a dot-command's argument: "'text'" reaches SQL as a string literal.
    private static string Quoted(string text) => "\"'" + text.Replace("'", "''", StringComparison.Ordinal).Replace("\"", "\"\"", StringComparison.Ordinal) + "'\"";

    /// <summary>Rows each command returned in a <c>countRows</c> script's output: JSON mode prints one row a line.</summary>
    public static int[] RowCounts(string output, int commands)
    {
        var counts = new int[commands];
        var current = -1;
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith(Marker, StringComparison.Ordinal)) current = int.Parse(line[Marker.Length..].Trim(), CultureInfo.InvariantCulture);
            else if (current >= 0 && (line.StartsWith("[{", StringComparison.Ordinal) || line.StartsWith('{'))) counts[current]++;
        }
        return counts;
    }

    /// <summary>The CLI must read what EF read: a parameter bound wrong (or not at all) would make the baseline cheaper, not faster.</summary>
    private static async Task<string> CheckRowsAsync(string database, IReadOnlyList<CapturedCommand> commands, CancellationToken ct)
    {
        var (_, output) = await RunSqliteAsync(database, SqliteScript(commands, countRows: true), ct);
        var rows = RowCounts(output, commands.Count);
        // EF counts calls to Read: one more than the rows when it read to the end, as many when it stopped early.
        var mismatches = commands.Select((c, i) => (Reads: c.ReadCalls, Cli: rows[i], Number: i + 1))
            .Where(q => q.Reads is { } reads && q.Cli != reads && q.Cli != reads - 1)
            .Select(q => $"command {q.Number}: EF called Read {q.Reads} times, sqlite3 returned {q.Cli} rows")
            .ToList();
        if (mismatches.Count > 0) throw new InvalidOperationException($"The sqlite3 baseline does not read what the app read: {string.Join("; ", mismatches)}");
        return string.Create(CultureInfo.InvariantCulture, $"{rows.Sum():#,0} rows, as many as EF read");
    }

    private static async Task<double> SqliteCliAsync(string database, string script, CancellationToken ct) => (await RunSqliteAsync(database, script, ct)).Ms;

    private static async Task<(double Ms, string Output)> RunSqliteAsync(string database, string script, CancellationToken ct)
    {
        var info = new ProcessStartInfo("sqlite3", ["-readonly", database]) { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("sqlite3 did not start: apt-get install sqlite3.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        await process.WaitForExitAsync(ct);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0 || (await errors).Length > 0) throw new InvalidOperationException($"sqlite3 failed on the report's SQL: {await errors}");
        return (elapsed, await output);
    }
}
