using System.Text;

namespace Records.Benchmarks.Summary;

/// <summary>
/// A line of the summary: the figure, what it is compared with, and figure / baseline; where samples were taken, their
/// spread (lowest–highest, figure; baseline), and the response sizes of a page and its baseline.
/// </summary>
public sealed record SummaryRow(string Name, string Figure, string Baseline, string Ratio, string Spread = "", string Size = "");

/// <summary>All benchmarks of a run in one Markdown table, with the machine, the database and any errors.</summary>
public sealed class SummaryTable(string machine, string database, string load)
{
    private readonly List<SummaryRow> rows = [];
    private readonly List<string> problems = [];

    public bool HasProblems => problems.Count > 0;

    public void Add(IEnumerable<SummaryRow> more) => rows.AddRange(more);

    public void Problem(string problem) => problems.Add(problem);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# Records benchmarks").AppendLine();
        text.AppendLine($"Machine: {machine}  ").AppendLine($"Database: {database}  ").AppendLine($"Load: {load}").AppendLine();
        text.AppendLine("| name | figure | baseline | ratio | spread (figure; baseline) | response size (figure; baseline) |").AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows) text.AppendLine($"| {row.Name} | {row.Figure} | {row.Baseline} | {row.Ratio} | {row.Spread} | {row.Size} |");
        text.AppendLine();
        text.AppendLine("Baselines: a page against `/__baseline/page`, the same page's SQL run with plain Microsoft.Data.Sqlite and written as");
        text.AppendLine("HTML tables, under the same load, sampled in turn with the page; growth against the same page at the smallest scale;");
        text.AppendLine("start-up against the same app on a small generated database; in-process EF Core against the same SQL with plain");
        text.AppendLine("Microsoft.Data.Sqlite; the report against its own SQL in the sqlite3 CLI (same rows checked); the import against sqlite3");
        text.AppendLine("landing the same rows in the real tables, and its dry run against a read-only sqlite3 match. Ratio is figure / baseline;");
        text.AppendLine("spread is the lowest–highest of the samples (figure; baseline).").AppendLine();
        if (problems.Count == 0)
        {
            text.AppendLine("Errors: none.");
        }
        else
        {
            text.AppendLine($"**ERRORS ({problems.Count}): these figures are not to be trusted.**");
            foreach (var problem in problems) text.AppendLine($"- {problem}");
        }
        return text.ToString();
    }
}
