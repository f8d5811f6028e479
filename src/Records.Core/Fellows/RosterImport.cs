using CsvHelper;

namespace Records.Core.Fellows;

/// <summary>
/// Reads a roster kept elsewhere (a CSV with the columns name, year, quarter, links and optionally email and status)
/// as a stream, record by record, and says which rows can join the roster and what is wrong with every other row.
/// </summary>
public static class RosterImport
{
    public const int FirstYear = 1990;
    public static readonly IReadOnlyList<string> RequiredColumns = ["name", "year", "quarter", "links"];
    private const int MaxRecordBytes = 64 * 1024;

    public static async Task<RosterReport> ReadAsync(Stream csv, ExistingRoster roster, int currentYear, CancellationToken ct = default)
    {
        var quoting = new Dictionary<long, string>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            TrackLineNumbers = true,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = m => { if (QuotingProblem(m.Reason) is { } problem) quoting.TryAdd(m.RecordNumber - 1, problem); },
        };
        await using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        try
        {
            await reader.ReadHeaderAsync(ct);
            var columns = Columns.Find(reader);
            var rows = new List<RosterRow>();
            var bad = new List<RosterProblem>();
            var onRoster = new List<RosterProblem>();
            var seen = new SamePerson<int>();
            var read = 0;
            while (await reader.ReadAsync(ct))
            {
                var record = RosterRecord.Read(reader, columns);
                if (record.IsBlank) continue;
                read++;
                var line = (int)reader.LineNumber;
                var reasons = record.Check(currentYear);
                if (quoting.Remove(reader.RowNumber, out var problem)) reasons.Insert(0, problem);
                if (record.Name.Length > 0)
                {
                    if (roster.Find(record.Name, record.Email) is { } fellow)
                    {
                        var already = $"Already on the roster ({fellow.YearQuarter.YearFirstName}).";
                        if (reasons.Count == 0) { onRoster.Add(new RosterProblem(line, record.Name, [already])); continue; }
                        reasons.Add(already);
                    }
                    if (seen.TryFind(record.Name, record.Email, out var earlier)) reasons.Add($"The same person as line {earlier}.");
                    else seen.Add(record.Name, record.Email, line);
                }
                if (reasons.Count > 0) bad.Add(new RosterProblem(line, record.Name, reasons));
                else rows.Add(record.ToRow(line));
            }
            if (read == 0) throw new RosterFileException("The file has its header but no rows under it.");
            return new RosterReport(rows, bad, onRoster);
        }
        catch (CsvFormatException e)
        {
            throw new RosterFileException(e.LineNumber > 0
                ? $"The file cannot be read from line {e.LineNumber} on: a record is over {MaxRecordBytes / 1024} KB, most likely a quote mark that is never closed."
                : "The file cannot be read as CSV.");
        }
    }

    private static string? QuotingProblem(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "A quoted field is never closed, so the rest of the file was read into this row.",
        CsvMalformedReason.TextAfterClosingQuote => "There is text after a closing quote mark: quote the whole field and double any quote mark inside it.",
        _ => null,
    };

    /// <summary>Where each column is in this file; -1 for an optional column it lacks.</summary>
    internal sealed record Columns(int Name, int Year, int Quarter, int Links, int Email, int Status)
    {
        public static Columns Find(CsvReader reader)
        {
            var headers = reader.Headers;
            if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace)) throw new RosterFileException("The file is empty.");
            if (headers.Any(h => h.Any(c => char.IsControl(c) && c is not '\t')))
                throw new RosterFileException("This is not a CSV text file. Save the roster from your spreadsheet as CSV (comma-separated values).");
            int Index(string name) => reader.TryGetFieldIndex(name, out var i) ? i : -1;
            var missing = RequiredColumns.Where(c => Index(c) < 0).ToList();
            if (missing.Count > 0)
            {
                throw new RosterFileException(
                    $"The first line must name the columns {string.Join(",", RequiredColumns)} (email and status may be added). This file's first line lacks {string.Join(", ", missing)}.");
            }
            return new Columns(Index("name"), Index("year"), Index("quarter"), Index("links"), Index("email"), Index("status"));
        }
    }
}
