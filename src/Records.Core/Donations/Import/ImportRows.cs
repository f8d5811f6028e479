namespace Records.Core.Donations.Import;

/// <summary>A completed payment read from the file, checked and ready to become a donation.</summary>
public sealed record ImportRow(int Line, string TransactionId, DateOnly ReceivedOn, long AmountMinor, long FeeMinor, string Currency,
    string? Email, string? Name, bool IsRecurring)
{
    /// <summary>A sponsor who asked not to be named: the gift is anonymous and no donor is found or made.</summary>
    public bool IsPrivate { get; init; }
    /// <summary>A public GitHub sponsor's handle: finds the person with that GitHub link, or gives a new donor the link.</summary>
    public string? GitHub { get; init; }
    /// <summary>Kept with the gift for Staff (the GitHub handle and tier).</summary>
    public string? Notes { get; init; }
    /// <summary>How the amount added differs from the amount paid (refunds, lost disputes), as the dry run shows it.</summary>
    public string? Adjustment { get; init; }
}

public enum RowOutcome { Good, Bad, Skipped, Duplicate }

/// <summary>Why a line of the file is left out.</summary>
public sealed record ImportProblem(int Line, string? TransactionId, string Reason);

/// <summary>One line of the file as the reader judged it: a good row, or a problem.</summary>
public readonly record struct ImportRead(RowOutcome Outcome, ImportRow? Row, ImportProblem? Problem)
{
    public static ImportRead Good(ImportRow row) => new(RowOutcome.Good, row, null);
    public static ImportRead Left(RowOutcome outcome, int line, string? transactionId, string reason) =>
        new(outcome, null, new ImportProblem(line, transactionId, reason));
}

/// <summary>A file refused as a whole, with the message to show beside the file field.</summary>
public sealed class DonationFileException(string message) : Exception(message);

/// <summary>How far a read of a file has got, updated by the reader and read by whoever shows progress.</summary>
public sealed class ImportProgress
{
    private long rows;
    private long bytes;
    public long TotalBytes { get; init; }
    public long RowsRead => Interlocked.Read(ref rows);
    public long BytesRead => Interlocked.Read(ref bytes);
    internal void Row() => Interlocked.Increment(ref rows);
    internal void Bytes(long total) => Interlocked.Exchange(ref bytes, total);
    internal void Restart() { Interlocked.Exchange(ref rows, 0); Interlocked.Exchange(ref bytes, 0); }
}
