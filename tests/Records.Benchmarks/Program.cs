using System.Globalization;
using Records.Benchmarks.Import;
using Records.Benchmarks.InProcess;
using Records.Benchmarks.Pages;
using Records.Benchmarks.Startup;
using Records.Benchmarks.Summary;

namespace Records.Benchmarks;

/// <summary>The entry point. Not named Program: that name belongs to the web app, which the serve mode hosts.</summary>
public static class Harness
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + BenchOptions.Usage);
            return 2;
        }

        if (options.Mode == "serve") return await BaselineServer.ServeAsync(options);
        if (options.Mode == "import-child") return await ImportChild.RunAsync(options.DatabasePath, options.File ?? throw new ArgumentException("import-child needs --file."));
        if (options.Mode == "writers-child") return await WritersBenchmark.ChildAsync(options.DatabasePath, options.File ?? throw new ArgumentException("writers-child needs --file."));

        if (!File.Exists(options.DatabasePath))
        {
            await Console.Error.WriteLineAsync($"No database at {options.DatabasePath}: generate one (tests/Records.Benchmarks/run.sh does) or give --database.");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var ct = cancel.Token;

        var load = string.Create(CultureInfo.InvariantCulture,
            $"{options.Workers} concurrent workers on loopback; each page and its baseline warmed {options.Warmup.TotalSeconds:0.#} s, then {options.Samples} samples of {options.Duration.TotalSeconds:0.#} s each, taken in turn; figures are medians of the samples. App in its own process with server GC, its clock at {BenchDatabase.ClockSetting(options.DatabasePath)} (the data's last day)");
        var table = new SummaryTable(Machine.Describe(), BenchDatabase.Describe(options.DatabasePath), load);

        await StageAsync("pages", async () =>
        {
            var (pages, failed) = await PageThroughput.RunAsync(options, options.DatabasePath, options.Pages(), Accounts.Resolve(options), baseline: true, ct);
            foreach (var page in pages)
            {
                table.Add(page.Rows(options.Workers));
                foreach (var problem in page.Problems()) table.Problem(problem);
            }
            foreach (var problem in failed) table.Problem(problem);
        });
        await StageAsync("growth", async () =>
        {
            var (rows, problems) = await Growth.RunAsync(options, ct);
            table.Add(rows);
            foreach (var problem in problems) table.Problem(problem);
        });
        await StageAsync("startup", async () => table.Add((await StartupBenchmark.RunAsync(options, ct)).Rows()));
        await StageAsync("inprocess", () =>
        {
            table.Add(InProcessBenchmarks.Run(options).Select(r => r.Row()));
            return Task.CompletedTask;
        });

        await StageAsync("import", async () =>
        {
            var (rows, problems) = await ImportBenchmark.RunAsync(options, ct);
            table.Add(rows);
            foreach (var problem in problems) table.Problem(problem);
        });

        // A 400,000-row import takes minutes, so it runs only when named: run.sh writers.
        if (options.Mode == "writers")
        {
            await StageAsync("writers", async () =>
            {
                var (rows, problems) = await WritersBenchmark.RunAsync(options, ct);
                table.Add(rows);
                foreach (var problem in problems) table.Problem(problem);
            });
        }

        await StageAsync("reports", async () =>
        {
            var (rows, problems) = await Records.Benchmarks.Reports.ReportBenchmark.RunAsync(options, ct);
            table.Add(rows);
            foreach (var problem in problems) table.Problem(problem);
        });

        var markdown = table.ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(markdown);
        if (options.Mode == "all")
        {
            Directory.CreateDirectory(Repository.Artifacts);
            var file = Path.Combine(Repository.Artifacts, "summary.md");
            await File.WriteAllTextAsync(file, markdown, CancellationToken.None);
            Console.WriteLine($"Written to {Path.GetRelativePath(Environment.CurrentDirectory, file)}");
        }
        return table.HasProblems ? 1 : 0;

        // A failed stage is reported in the summary and the others still run, so one broken page does not hide the rest.
        async Task StageAsync(string stage, Func<Task> run)
        {
            if (!options.Runs(stage)) return;
            Console.WriteLine($"== {stage}");
            try
            {
                await run();
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Console.Error.WriteLine($"{stage} failed: {e}");
                table.Problem($"{stage} failed: {e.Message}");
            }
        }
    }
}
