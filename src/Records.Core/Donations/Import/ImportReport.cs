namespace Records.Core.Donations.Import;

/// <summary>What a dry run found in a file, or what a commit added: counts, totals and every line left out.</summary>
public sealed class ImportReport
{
    public int RowsRead { get; internal set; }
    /// <summary>Donations that would be added (dry run) or were added (commit).</summary>
    public int Added { get; internal set; }
    /// <summary>Minor units per currency of the donations added, by currency code.</summary>
    public SortedDictionary<string, long> Totals { get; } = new(StringComparer.Ordinal);
    public List<ImportProblem> Duplicates { get; } = [];
    public List<ImportProblem> BadRows { get; } = [];
    public List<ImportProblem> Skipped { get; } = [];
    public int DonorsMatched { get; internal set; }
    public int DonorsCreated { get; internal set; }
    public string Sha256 { get; internal set; } = "";
    /// <summary>The DonationImport written by a commit.</summary>
    public int? ImportId { get; internal set; }

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
        Totals[row.Currency] = Totals.GetValueOrDefault(row.Currency) + row.AmountMinor;
    }
}
