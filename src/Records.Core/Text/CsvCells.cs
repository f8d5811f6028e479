using System.Text;

namespace Records.Core.Text;

/// <summary>
/// Writes CSV cells that are safe to open in a spreadsheet: a cell a spreadsheet would read as a formula
/// (starting with =, +, -, @, tab or carriage return) gets a leading single quote, and cells with commas,
/// quotes or line breaks are quoted.
/// </summary>
public static class CsvCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (Array.IndexOf(FormulaStarts, value[0]) >= 0) value = "'" + value;
        return value.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>One CSV line (without its line break) of escaped cells.</summary>
    public static string Line(params string?[] cells)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) line.Append(',');
            line.Append(Escape(cells[i]));
        }
        return line.ToString();
    }
}
