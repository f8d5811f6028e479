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
        byte[] pdf = [];
        var pages = 0;
        var ours = new List<double>();
        var drawing = new List<double>();
        for (var run = 0; run <= Runs; run++)
        {
            capture.Clear();
            var watch = Stopwatch.StartNew();
            await using (var db = new RecordsDbContext(new DbContextOptionsBuilder<RecordsDbContext>(builder.Options).AddInterceptors(capture).Options))
            {
                var report = await FinancialReport.LoadAsync(db, period, DateOnly.FromDateTime(DateTime.UtcNow), ct);
                var draw = Stopwatch.StartNew();
                (pdf, pages) = Write(FinancialReportDocument.Build(report, "Python Software Foundation", DateTime.UtcNow));
                if (run > 0) drawing.Add(draw.Elapsed.TotalMilliseconds);
            }
            if (run > 0) ours.Add(watch.Elapsed.TotalMilliseconds);
        }
        var sql = SqliteScript(capture.Commands);
        if (Environment.GetEnvironmentVariable("BENCH_REPORT_SQL") is { Length: > 0 } dump) await File.WriteAllTextAsync(dump, sql, ct);
        var baseline = new List<double>();
        for (var run = 0; run <= Runs; run++)
        {
            var elapsed = await SqliteCliAsync(options.DatabasePath, sql, ct);
            if (run > 0) baseline.Add(elapsed);
        }
        var (median, cli) = (Median(ours), Median(baseline));
        rows.Add(new($"Yearly financial report {year}: figures and PDF, end to end ({capture.Commands.Count} SQL commands)", Format.Ms(median),
            Format.Ms(cli) + " (same SQL, sqlite3 CLI)", Format.Ratio(median, cli)));
        rows.Add(new($"Yearly financial report {year}: of which drawing the PDF", Format.Ms(Median(drawing)), "", ""));
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

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static (byte[] Bytes, int Pages) Write(PdfDocument document)
    {
        using var stream = new MemoryStream();
        var pages = document.Write(stream);
        return (stream.ToArray(), pages);
    }

    /// <summary>The captured commands as a sqlite3 script: each with its parameters bound by <c>.param set</c>, results thrown away.</summary>
    private static string SqliteScript(IReadOnlyList<CapturedCommand> commands)
    {
        var script = new StringBuilder(".output /dev/null\n");
        foreach (var command in commands)
        {
            script.Append(".param clear\n");
            foreach (var p in command.Parameters)
            {
                var value = p.Value switch
                {
                    null => "NULL",
                    // The shell strips one level of quotes from a dot-command's argument: "'text'" reaches SQL as a string literal.
                    string s => "\"'" + s.Replace("'", "''") + "'\"",
                    DateOnly d => "\"'" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'\"",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var other => "\"'" + other + "'\"",
                };
                script.Append($".param set {p.Name} {value}\n");
            }
            script.Append(command.Text.TrimEnd().TrimEnd(';')).Append(";\n");
        }
        return script.ToString();
    }

    private static async Task<double> SqliteCliAsync(string database, string script, CancellationToken ct)
    {
        var info = new ProcessStartInfo("sqlite3", ["-readonly", database]) { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("sqlite3 did not start: apt-get install sqlite3.");
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0 || errors.Length > 0) throw new InvalidOperationException($"sqlite3 failed on the report's SQL: {errors}");
        return elapsed;
    }
}
