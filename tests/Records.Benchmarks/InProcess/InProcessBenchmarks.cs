using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Records.Benchmarks.Summary;
using BenchmarkSummary = BenchmarkDotNet.Reports.Summary;

namespace Records.Benchmarks.InProcess;

public sealed record InProcessResult(string Name, double MeanNs, double BaselineMeanNs, string Figure, string Baseline)
{
    public SummaryRow Row() => new($"{Name} (mean)", $"{Format.Duration(MeanNs)} ({Figure})", $"{Format.Duration(BaselineMeanNs)} ({Baseline})", Format.Ratio(MeanNs, BaselineMeanNs));
}

/// <summary>
/// BenchmarkDotNet in this process (no generated project, no rebuild) with a short job, so the whole set stays near a
/// minute. A benchmark class here has one method marked as the baseline; its results are read from the Summary.
/// </summary>
public static class InProcessBenchmarks
{
    public static IReadOnlyList<InProcessResult> Run(BenchOptions options)
    {
        DonationTotalsBenchmark.DatabasePath = options.DatabasePath;
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcessShort"))
            .WithArtifactsPath(Path.Combine(Repository.Artifacts, "BenchmarkDotNet"))
            .WithOptions(ConfigOptions.DisableLogFile);
        return
        [
            Read(BenchmarkRunner.Run<DonationTotalsBenchmark>(config), "Total.DonationsThisYearAsync"),
            Read(BenchmarkRunner.Run<HomeTotalsFromDailySumsBenchmark>(config), "Home totals this year"),
            Read(BenchmarkRunner.Run<LedgerTotalsFromDailySumsBenchmark>(config), "Ledger totals, ten years"),
        ];
    }

    private static InProcessResult Read(BenchmarkSummary summary, string name)
    {
        if (summary.HasCriticalValidationErrors)
        {
            throw new InvalidOperationException($"{name}: {string.Join("; ", summary.ValidationErrors.Select(e => e.Message))}");
        }
        var measured = summary.Reports.Single(r => !r.BenchmarkCase.Descriptor.Baseline);
        var baseline = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.Baseline);
        return new InProcessResult(name, Mean(measured), Mean(baseline), DisplayName(measured), DisplayName(baseline));
    }

    private static string DisplayName(BenchmarkReport report) => report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');

    private static double Mean(BenchmarkReport report) =>
        report.Success && report.ResultStatistics is { } statistics
            ? statistics.Mean
            : throw new InvalidOperationException($"{DisplayName(report)} did not run to the end; see the BenchmarkDotNet log above.");
}
