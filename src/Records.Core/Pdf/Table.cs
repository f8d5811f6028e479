using SkiaSharp;

namespace Records.Core.Pdf;

public sealed record TableColumn(string Header, float Share = 1, Align Align = Align.Left);

/// <summary>
/// A table whose header is drawn again at the top of every page it continues on, and whose rows are never split
/// across pages. A cell's text wraps within its column.
/// </summary>
public sealed class Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows, TextStyle? style = null) : IBlock
{
    private const float Padding = 3;
    private static readonly SKColor HeaderFill = new(0xe8, 0xee, 0xf5);
    private static readonly SKColor Rule = new(0xd5, 0xdb, 0xe3);

    private readonly TextStyle body = style ?? new TextStyle(Size: 9);

    /// <summary>Bold rows (totals) are marked by a first cell starting with this; the mark is not printed.</summary>
    public const string Emphasis = "\u0001";

    public IEnumerable<Box> Layout(float width, FontSet fonts)
    {
        var total = columns.Sum(c => c.Share);
        var widths = columns.Select(c => width * c.Share / total).ToArray();
        var headerStyle = body with { Bold = true };
        var header = RowBox(columns.Select(c => c.Header).ToList(), widths, headerStyle, fonts, HeaderFill, keepWithNext: true, header: null);
        yield return header;
        foreach (var row in rows)
        {
            var emphasis = row.Count > 0 && row[0].StartsWith(Emphasis, StringComparison.Ordinal);
            var cells = emphasis ? [row[0][Emphasis.Length..], .. row.Skip(1)] : row;
            yield return RowBox(cells, widths, emphasis ? headerStyle : body, fonts, null, keepWithNext: false, header);
        }
    }

    private Box RowBox(IReadOnlyList<string> cells, float[] widths, TextStyle style, FontSet fonts, SKColor? fill, bool keepWithNext, Box? header)
    {
        var font = style.Font(fonts);
        foreach (var cell in cells) fonts.Note(font, cell);
        var lineHeight = style.Size * style.LineHeight;
        var wrapped = widths.Select((w, i) => Paragraph.Wrap(i < cells.Count ? cells[i] : "", w - 2 * Padding, font)).ToArray();
        var height = wrapped.Max(l => l.Count) * lineHeight + 2 * Padding;
        return new DrawnBox(height, (canvas, x, y, _) =>
        {
            var rowWidth = widths.Sum();
            if (fill is { } color)
            {
                using var background = new SKPaint { Color = color };
                canvas.DrawRect(x, y, rowWidth, height, background);
            }
            var left = x;
            for (var i = 0; i < widths.Length; i++)
            {
                var cellStyle = style with { Align = columns[i].Align };
                var top = y + Padding;
                foreach (var line in wrapped[i])
                {
                    Paragraph.DrawLine(canvas, line, left + Padding, top, widths[i] - 2 * Padding, font, cellStyle);
                    top += lineHeight;
                }
                left += widths[i];
            }
            using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.5f };
            canvas.DrawLine(x, y + height, x + rowWidth, y + height, rule);
        })
        { KeepWithNext = keepWithNext, RepeatedHeader = header };
    }
}
