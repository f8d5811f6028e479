using System.Runtime.CompilerServices;
using CsvHelper;

namespace Records.Core.Donations.Import;

/// <summary>
/// Reads a processor's CSV export as a stream, record by record, and says of every line whether it is a completed
/// payment that can become a donation, or why it is left out (bad, skipped as not a payment, or a duplicate).
/// </summary>
public static class DonationCsv
{
    internal const int MaxRecordBytes = 64 * 1024;

    /// <summary>The start of a file read at upload to find its header: far more than fifty lines of any export.</summary>
    private const int StartBytes = 256 * 1024;

    private const int FirstLinesShown = 20;

    public static bool IsCsvName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".txt";

    /// <summary>
    /// Reads the start of a file at upload: refuses at once a file that is not CSV text, has no header the layout
    /// recognises, or no rows; finds the header line (below any report details) and the separator; and for a generic
    /// file (<paramref name="layout"/> null) guesses the header and lists the first lines so people can correct it.
    /// </summary>
    public static async Task<ImportHeader> ReadStartAsync(Stream file, ImportLayout? layout, int? headerLine = null, CancellationToken ct = default)
    {
        await using var text = new TextFileStream(file);
        var buffer = new byte[StartBytes];
        var length = await text.ReadAtLeastAsync(buffer, StartBytes, throwOnEndOfStream: false, ct);
        var whole = length < StartBytes;
        if (!whole) length = Array.LastIndexOf(buffer, (byte)'\n', length - 1) + 1;
        var start = new ReadOnlyMemory<byte>(buffer, 0, length);

        ImportHeader? found = null;
        List<CsvLine> foundRecords = [];
        string? refusal = null;
        foreach (var separator in layout?.Separator is { } chosen ? [chosen] : ImportHeader.Separators)
        {
            var records = Records(start, separator);
            if (ImportHeader.Find(records, layout, separator, out var why, headerLine) is not { } header)
            {
                refusal ??= why;
                continue;
            }
            if (found is null || layout is null && header.Headers.Count > found.Headers.Count)
            {
                (found, foundRecords) = (header, records);
            }
            if (layout is not null) break;
        }
        if (found is null) throw new DonationFileException(refusal ?? "The file cannot be read as CSV.");
        CheckText(found.Headers);
        if (whole && !foundRecords.Any(r => r.Line > found.Line && !r.IsBlank)) throw new DonationFileException("The file has its header but no rows under it.");
        return found with
        {
            FirstLines = [.. foundRecords.Take(FirstLinesShown).Select(r => new ImportLine(r.Line, Shorten(string.Join(found.Separator == '\t' ? "  " : found.Separator + " ", r.Fields))))],
        };
    }

    /// <summary>
    /// The first pass over a file whose header is known: the dates that settle the file's order and (PayPal) the refunds
    /// by the payment they return. It stops as soon as the order is settled when there are no refund rows to find.
    /// </summary>
    public static async Task<ImportFacts> ScanAsync(Stream file, ImportLayout layout, ImportHeader header, CancellationToken ct = default)
    {
        var facts = new ImportFacts();
        await using var text = new TextFileStream(file);
        await using var reader = CsvReader.Create(text, ImportHeader.Options(header.Separator), leaveOpen: true);
        var date = header.Columns[(int)ImportField.Date];
        var refunds = layout.Kind == ImportLayoutKind.PayPal;
        while (await Next(reader, ct))
        {
            var line = (int)reader.LineNumber;
            if (line <= header.Line) continue;
            if (date >= 0 && date < reader.FieldCount) facts.SeeDate(line, (reader.GetString(date) ?? "").Trim());
            if (refunds)
            {
                if (ImportRecord.Read(reader, header.Columns).Refund(layout) is { } refund) facts.SeeRefund(line, refund.Reference, refund.Minor);
            }
            else if (facts.Settled) break;
        }
        return facts;
    }

    public static async IAsyncEnumerable<ImportRead> ReadAsync(TextFileStream file, ImportLayout layout, DateOnly today, TimeZoneInfo zone,
        ImportProgress? progress = null, ImportFacts? facts = null, DateReading? dates = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var separator = layout.Separator ?? ',';
        await using var reader = CsvReader.Create(file, ImportHeader.Options(separator), leaveOpen: true);
        var early = new List<CsvLine>();
        while (early.Count < ImportHeader.SearchedLines && await Next(reader, ct))
        {
            early.Add(new CsvLine((int)reader.LineNumber, Fields(reader)));
            if (layout.HeaderLine is { } line && reader.LineNumber >= line) break;
        }
        var header = ImportHeader.Find(early, layout, separator, out var refusal) ?? throw new DonationFileException(refusal);
        CheckText(header.Headers);
        facts ??= new ImportFacts();
        dates ??= facts.Resolve(layout);

        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = 0;
        ImportRead? Take(int line, ImportRecord record)
        {
            if (record.IsBlank) return null;
            read++;
            progress?.Row();
            var judged = record.Judge(line, layout, today, zone, facts, dates);
            if (judged.Row is not { } row) return judged;
            if (firstLineOf.TryGetValue(row.TransactionId, out var first))
                return ImportRead.Left(RowOutcome.Duplicate, line, row.TransactionId, $"The same transaction id as line {first}.");
            firstLineOf.Add(row.TransactionId, line);
            if (dates.Samples.Count < 3 && ImportDates.Shape(record.Date) == DateShape.Either
                && ImportDates.Read(record.Date, dates.Order == DateOrder.DayFirst ? DateOrder.MonthFirst : DateOrder.DayFirst, layout.DatesInUtc, zone) is { } other)
            {
                dates.Samples.Add(new DateSample(line, record.Date, row.ReceivedOn, other, ImportAmounts.Format(row.AmountMinor, row.Currency), row.Name ?? row.Email));
            }
            return judged;
        }
        foreach (var record in early.Where(r => r.Line > header.Line))
        {
            if (Take(record.Line, ImportRecord.From(record.Fields, header.Columns)) is { } judged) yield return judged;
        }
        while (await Next(reader, ct))
        {
            if (Take((int)reader.LineNumber, ImportRecord.Read(reader, header.Columns)) is { } judged) yield return judged;
        }
        if (read == 0) throw new DonationFileException("The file has its header but no rows under it.");
    }

    private static List<CsvLine> Records(ReadOnlyMemory<byte> start, char separator)
    {
        var records = new List<CsvLine>();
        using var reader = CsvReader.Create(start, ImportHeader.Options(separator));
        try
        {
            while (records.Count < ImportHeader.SearchedLines + 4 && reader.Read()) records.Add(new CsvLine((int)reader.LineNumber, Fields(reader)));
        }
        catch (CsvFormatException)
        {
            if (records.Count == 0) throw new DonationFileException("The file cannot be read as CSV.");
        }
        return records;
    }

    private static string[] Fields(CsvReader reader)
    {
        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++) fields[i] = (reader.GetString(i) ?? "").Trim();
        return fields;
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

    private static void CheckText(IReadOnlyList<string> headers)
    {
        if (headers.Count == 0 || headers.All(h => h.Length == 0)) throw new DonationFileException("The file is empty.");
        if (headers.Any(h => h.Any(c => char.IsControl(c) && c is not '\t'))) throw new DonationFileException(TextFileStream.NotText);
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..159] + "…";
}
