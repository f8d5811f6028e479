using System.Globalization;
using Records.Benchmarks.Summary;
using Records.Volume;

namespace Records.Benchmarks.Pages;

/// <summary>
/// The list pages, and the pages summing over the records, at several volume scales (artifacts/volume/scale-N.db, which run.sh generates): each page's p95 at
/// the largest scale over its p95 at the smallest. A list that pages its rows in SQL stays near 1 however large the
/// records grow; one that reads them all grows with the scale.
/// </summary>
public static class Growth
{
    public static async Task<(List<SummaryRow> Rows, List<string> Problems)> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var scales = options.Scales.Order().ToArray();
        if (scales.Length < 2) throw new ArgumentException("The growth stage needs at least two scales (--scales 0.1,1).");
        var pages = options.Pages().Where(p => p.IsList || p.Grows).ToList();
        var problems = new List<string>();
        var byScale = new Dictionary<double, Dictionary<string, Samples>>();
        foreach (var scale in scales)
        {
            var database = DatabaseFor(scale);
            if (!File.Exists(database)) throw new FileNotFoundException($"No database at {database} for scale {Text(scale)}: run.sh growth generates it.", database);
            Console.WriteLine($"growth: scale {Text(scale)}, {BenchDatabase.Describe(database)}");
            var (results, failed) = await PageThroughput.RunAsync(options, database, pages, Accounts.Resolve(options, database), baseline: false, ct);
            problems.AddRange(failed.Select(f => $"growth at scale {Text(scale)}: {f}"));
            foreach (var result in results) problems.AddRange(result.Problems().Select(p => $"growth at scale {Text(scale)}: {p}"));
            byScale[scale] = results.ToDictionary(r => r.Page.Name, r => r.App);
        }

        var (smallest, largest) = (scales[0], scales[^1]);
        var rows = new List<SummaryRow>();
        foreach (var page in pages)
        {
            if (!byScale[smallest].TryGetValue(page.Name, out var small) || !byScale[largest].TryGetValue(page.Name, out var large)) continue;
            var each = string.Join(", ", scales.Where(s => byScale[s].ContainsKey(page.Name)).Select(s => $"{Text(s)}: {Format.Ms(byScale[s][page.Name].P95Ms)}"));
            rows.Add(new SummaryRow($"Growth of {page.Name} `{page.Path}`: p95 at scale {Text(largest)} over scale {Text(smallest)} ({each})",
                Format.Ms(large.P95Ms), $"{Format.Ms(small.P95Ms)} (scale {Text(smallest)})", Format.Ratio(large.P95Ms, small.P95Ms),
                $"{large.Spread(r => r.P95Ms, Format.Ms)}; {small.Spread(r => r.P95Ms, Format.Ms)}", $"{Format.Bytes(large.Bytes)}; {Format.Bytes(small.Bytes)}"));
        }
        return (rows, problems);
    }

    public static string DatabaseFor(double scale) => Path.Combine(Repository.Root, VolumeOptions.DefaultPath(scale));

    private static string Text(double scale) => scale.ToString(CultureInfo.InvariantCulture);
}
