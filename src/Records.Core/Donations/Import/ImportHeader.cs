using CsvHelper;

namespace Records.Core.Donations.Import;

/// <summary>A line near the top of a file, shown so people can point at the one that names the columns.</summary>
public sealed record ImportLine(int Line, string Text);

/// <summary>One record of a file with the line it starts on.</summary>
internal sealed record CsvLine(int Line, string[] Fields)
{
    public bool IsBlank => Fields.All(f => f.Length == 0);
}

/// <summary>
/// Where a file's header is and what it names; for a processor's export also the layout it recognised (null for a
/// generic file before its columns are mapped).
/// </summary>
public sealed record ImportHeader(int Line, char Separator, IReadOnlyList<string> Headers, ExportVariant? Variant)
{
    /// <summary>How far down a file the header is looked for: giving platforms put a few lines of report details above it.</summary>
    public const int SearchedLines = 50;

    internal static readonly char[] Separators = [',', ';', '\t'];

    /// <summary>The file's first lines, for the mapping step.</summary>
    public IReadOnlyList<ImportLine> FirstLines { get; init; } = [];

    /// <summary>Where each field is in this file, by <see cref="ImportField"/>; -1 for a field it lacks.</summary>
    internal int[] Columns { get; init; } = [];

    /// <summary>
    /// Finds the header among a file's first records: the line the layout names, if it names one; else for a
    /// processor's export the first line that names the columns of one of its layouts; for a generic file the first
    /// line of names with records of the same width under it. Null, with the reason, when there is none.
    /// </summary>
    internal static ImportHeader? Find(IReadOnlyList<CsvLine> records, ImportLayout? layout, char separator, out string refusal, int? headerLine = null)
    {
        refusal = "";
        var candidates = records.Where(r => !r.IsBlank).ToList();
        if (candidates.Count == 0 || candidates.All(r => r.Fields.All(f => f.Length == 0)))
        {
            refusal = "The file is empty.";
            return null;
        }
        if ((headerLine ?? layout?.HeaderLine) is { } line)
        {
            var named = candidates.FirstOrDefault(r => r.Line >= line);
            if (named is null)
            {
                refusal = $"Line {line} is not among the file's first {SearchedLines} lines.";
                return null;
            }
            return layout is null ? new ImportHeader(named.Line, separator, Clean(named.Fields), null) : Resolve(named, layout, separator, out refusal, "line " + named.Line);
        }
        if (layout is null || layout.Kind == ImportLayoutKind.Generic)
        {
            var guess = candidates.Select((r, i) => (r, i)).FirstOrDefault(c => LooksLikeHeader(candidates, c.i)).r ?? candidates[0];
            return layout is null ? new ImportHeader(guess.Line, separator, Clean(guess.Fields), null) : Resolve(guess, layout, separator, out refusal, "the first line");
        }
        foreach (var record in candidates)
        {
            var headers = Clean(record.Fields);
            if (layout.Variants.FirstOrDefault(v => !Missing(headers, v).Any()) is { } variant)
                return new ImportHeader(record.Line, separator, headers, variant) { Columns = ColumnsOf(headers, variant) };
        }
        return Resolve(candidates[0], layout, separator, out refusal, "the first line");
    }

    private static ImportHeader? Resolve(CsvLine record, ImportLayout layout, char separator, out string refusal, string where)
    {
        refusal = "";
        var headers = Clean(record.Fields);
        var best = layout.Variants.OrderBy(v => Missing(headers, v).Count()).First();
        var missing = Missing(headers, best).ToList();
        if (missing.Count == 0) return new ImportHeader(record.Line, separator, headers, best) { Columns = ColumnsOf(headers, best) };
        refusal = $"This is not a {layout.KindName} file as the import reads it: {where} lacks the column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(m => $"\"{m}\""))}.";
        return null;
    }

    /// <summary>
    /// A line of names (each with a letter, none a date or an amount) for most of its fields, whose next records have as
    /// many fields. Most: a spreadsheet pads the report details above the table ("Period:,March 2025,,,,") to its width.
    /// </summary>
    private static bool LooksLikeHeader(List<CsvLine> records, int index)
    {
        var fields = records[index].Fields;
        var named = fields.Where(f => f.Length > 0).ToList();
        if (named.Count < 2 || named.Count * 2 <= fields.Length || named.Any(f => !f.Any(char.IsLetter) || ImportDates.Shape(f) != DateShape.Unreadable)) return false;
        var below = records.Skip(index + 1).Take(3).ToList();
        return below.Count > 0 && below.All(r => r.Fields.Length == fields.Length);
    }

    internal static List<string> Clean(IEnumerable<string> fields) => [.. fields.Select(h => h.Trim().TrimStart('\uFEFF').Trim())];

    internal static int[] ColumnsOf(IReadOnlyList<string> headers, ExportVariant variant)
    {
        var columns = new int[Enum.GetValues<ImportField>().Length];
        Array.Fill(columns, -1);
        foreach (var (field, names) in variant.Headers) columns[(int)field] = IndexOf(headers, names);
        return columns;
    }

    private static IEnumerable<string> Missing(IReadOnlyList<string> headers, ExportVariant variant) =>
        variant.Required.Where(f => IndexOf(headers, variant.Headers[f]) < 0).Select(f => variant.Headers[f][0]);

    private static int IndexOf(IReadOnlyList<string> headers, string[] names)
    {
        foreach (var name in names)
        {
            for (var i = 0; i < headers.Count; i++) if (string.Equals(headers[i], name, StringComparison.Ordinal)) return i;
            var wanted = Squeeze(name);
            for (var i = 0; i < headers.Count; i++) if (Squeeze(headers[i]) == wanted) return i;
        }
        return -1;
    }

    /// <summary>A header without case, spaces or quotes: "Time zone", "TimeZone" and "TIME ZONE" are one column.</summary>
    private static string Squeeze(string header) =>
        string.Concat(header.Where(c => !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '\uFEFF'))).ToLowerInvariant();

    internal static CsvReaderOptions Options(char separator) => CsvReaderOptions.Default with
    {
        Separator = separator,
        HasHeader = false,
        TrackLineNumbers = true,
        MaxRecordSize = DonationCsv.MaxRecordBytes,
        TrimWhitespace = true,
        DetectSeparatorHint = false,
    };
}
