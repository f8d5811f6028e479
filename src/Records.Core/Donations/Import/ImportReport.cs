using System.Globalization;
using Records.Core.Text;

namespace Records.Core.Donations.Import;

/// <summary>What a dry run found in a file, or what a commit added: counts, totals and every line left out.</summary>
public sealed class ImportReport
{
    private static readonly string?[] LeftOutHeader = ["Line", "Transaction", "Kind", "Reason"];

    public int RowsRead { get; internal set; }
    /// <summary>Donations that would be added (dry run) or were added (commit).</summary>
    public int Added { get; internal set; }
    /// <summary>Minor units per currency of the donations added, by currency code.</summary>
    public SortedDictionary<string, long> Totals { get; } = new(StringComparer.Ordinal);
    public List<ImportProblem> Duplicates { get; } = [];
    public List<ImportProblem> BadRows { get; } = [];
    public List<ImportProblem> Skipped { get; } = [];
    /// <summary>Rows added at less than was paid (partly refunded, a dispute lost), with what was taken off.</summary>
    public List<ImportProblem> Adjusted { get; } = [];
    /// <summary>The layout recognised: "Stripe payments export, older layout".</summary>
    public string Variant { get; internal set; } = "";
    /// <summary>How dates written with the year last were read, and whether that still needs confirming.</summary>
    public DateReading? Dates { get; internal set; }
    /// <summary>Rows of sponsors who asked not to be named, added as anonymous gifts.</summary>
    public int Private { get; internal set; }
    public int DonorsMatched { get; internal set; }
    public int DonorsCreated { get; internal set; }
    public string Sha256 { get; internal set; } = "";
    /// <summary>The DonationImport written by a commit.</summary>
    public int? ImportId { get; internal set; }

    /// <summary>Every line left out (bad, duplicate, skipped) as CSV, for people to fix in the processor's file.</summary>
    public string LeftOutCsv()
    {
        var lines = new List<string?[]> { LeftOutHeader };
        foreach (var (kind, problems) in new[] { ("Bad", BadRows), ("Duplicate", Duplicates), ("Skipped", Skipped) })
        {
            lines.AddRange(problems.Select(p => new[] { p.Line.ToString(CultureInfo.InvariantCulture), p.TransactionId, kind, p.Reason }));
        }
        return SpreadsheetCsv.Text(lines);
    }

    /// <summary>Records that a person has looked at the dates as read and confirmed the order.</summary>
    public void ConfirmDates() => Dates = Dates?.Confirm();

    internal void Count(ImportRead read)
    {
        RowsRead++;
        switch (read.Outcome)
        {
            case RowOutcome.Bad: BadRows.Add(read.Problem!); break;
            case RowOutcome.Skipped: Skipped.Add(read.Problem!); break;
            case RowOutcome.Duplicate: Duplicates.Add(read.Problem!); break;
        }
    }

    internal void Add(ImportRow row)
    {
        Added++;
        if (row.IsPrivate) Private++;
        if (row.Adjustment is { } adjustment) Adjusted.Add(new ImportProblem(row.Line, row.TransactionId, adjustment));
        Totals[row.Currency] = Totals.GetValueOrDefault(row.Currency) + row.AmountMinor;
    }
}
