using System.Runtime.CompilerServices;
using CsvHelper;

namespace Records.Core.Donations.Import;

/// <summary>
/// Reads a processor's CSV export as a stream, record by record, and says of every line whether it is a completed
/// payment that can become a donation, or why it is left out (bad, skipped as not a payment, or a duplicate).
/// </summary>
public static class DonationCsv
{
    private const int MaxRecordBytes = 64 * 1024;

    public static bool IsCsvName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".txt";

    /// <summary>
    /// The file's headers, read at upload to refuse at once a file that is not CSV text, lacks the layout's columns
    /// (when the layout is known) or has no rows; and to list the columns of a generic file for mapping.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadStartAsync(Stream file, ImportLayout? layout, CancellationToken ct = default)
    {
        await using var text = new TextFileStream(file);
        await using var reader = CsvReader.Create(text, Options(), leaveOpen: true);
        List<string> headers;
        try
        {
            await reader.ReadHeaderAsync(ct);
            headers = Headers(reader);
        }
        catch (CsvFormatException)
        {
            throw new DonationFileException("The file cannot be read as CSV.");
        }
        if (layout is not null) ImportRecord.Columns.Find(headers, layout);
        if (!await Next(reader, ct)) throw new DonationFileException("The file has its header but no rows under it.");
        return headers;
    }

    public static async IAsyncEnumerable<ImportRead> ReadAsync(TextFileStream file, ImportLayout layout, DateOnly today, TimeZoneInfo zone,
        [EnumeratorCancellation] CancellationToken ct = default, ImportProgress? progress = null)
    {
        await using var reader = CsvReader.Create(file, Options(), leaveOpen: true);
        ImportRecord.Columns columns;
        try
        {
            await reader.ReadHeaderAsync(ct);
            columns = ImportRecord.Columns.Find(Headers(reader), layout);
        }
        catch (CsvFormatException)
        {
            throw new DonationFileException("The file cannot be read as CSV.");
        }
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = 0;
        while (await Next(reader, ct))
        {
            var record = ImportRecord.Read(reader, columns);
            if (record.IsBlank) continue;
            read++;
            progress?.Row();
            var line = (int)reader.LineNumber;
            var judged = record.Judge(line, layout, today, zone);
            if (judged.Row is { } row)
            {
                if (firstLineOf.TryGetValue(row.TransactionId, out var first))
                {
                    yield return ImportRead.Left(RowOutcome.Duplicate, line, row.TransactionId, $"The same transaction id as line {first}.");
                    continue;
                }
                firstLineOf.Add(row.TransactionId, line);
            }
            yield return judged;
        }
        if (read == 0) throw new DonationFileException("The file has its header but no rows under it.");
    }

    private static async Task<bool> Next(CsvReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.ReadAsync(ct);
        }
        catch (CsvFormatException e)
        {
            throw new DonationFileException(e.LineNumber > 0
                ? $"The file cannot be read from line {e.LineNumber} on: a record is over {MaxRecordBytes / 1024} KB, most likely a quote mark that is never closed."
                : "The file cannot be read as CSV.");
        }
    }

    private static List<string> Headers(CsvReader reader)
    {
        var headers = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        if (headers.Count == 0 || headers.All(h => h.Length == 0)) throw new DonationFileException("The file is empty.");
        if (headers.Any(h => h.Any(c => char.IsControl(c) && c is not '\t'))) throw new DonationFileException(TextFileStream.NotText);
        return headers;
    }

    private static CsvReaderOptions Options() => CsvReaderOptions.Default with
    {
        Separator = ',',
        TrackLineNumbers = true,
        MaxRecordSize = MaxRecordBytes,
        TrimWhitespace = true,
    };
}
