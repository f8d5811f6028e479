using System.Text;
using CsvHelper;

namespace Records.Core.Text;

/// <summary>
/// CSV for people to open in a spreadsheet, written by CsvHelper: lines end with CRLF, cells with commas, quotes or
/// line breaks are quoted, and a cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
/// return) starts with a single quote. A file may hold sections of different widths, parted by a blank line.
/// </summary>
public sealed class SpreadsheetCsv : IAsyncDisposable
{
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r",
        InjectionEscape = '\'',
        ValidateFieldCount = false,
    };

    private static readonly byte[] LineBreak = "\r\n"u8.ToArray();

    private readonly Stream stream;
    private readonly CsvWriter writer;

    /// <param name="stream">Written as UTF-8 without a byte order mark; left open.</param>
    public SpreadsheetCsv(Stream stream)
    {
        this.stream = stream;
        writer = CsvWriter.Create(stream, Options, leaveOpen: true);
    }

    public ValueTask WriteLineAsync(params string?[] cells) => writer.WriteRecordAsync(cells);

    /// <summary>An empty line between sections; CsvHelper would write a record of one empty cell as "".</summary>
    public async Task WriteBlankLineAsync(CancellationToken ct = default)
    {
        await writer.FlushAsync(ct);
        await stream.WriteAsync(LineBreak, ct);
    }

    public ValueTask DisposeAsync() => writer.DisposeAsync();

    /// <summary>The lines as one string, for a file that is small enough to build in memory.</summary>
    public static string Text(IEnumerable<string?[]> lines)
    {
        using var memory = new MemoryStream();
        using (var csv = CsvWriter.Create(memory, Options, leaveOpen: true))
        {
            foreach (var line in lines) csv.WriteRecord(line);
        }
        return Encoding.UTF8.GetString(memory.ToArray());
    }
}
