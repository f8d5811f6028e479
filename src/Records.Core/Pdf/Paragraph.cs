using System.Globalization;
using SkiaSharp;

namespace Records.Core.Pdf;

public enum Align { Left, Center, Right }

public sealed record TextStyle(float Size = 10, bool Bold = false, bool Italic = false, SKColor? Color = null, Align Align = Align.Left, float LineHeight = 1.3f)
{
    public static readonly TextStyle Body = new();
    public static readonly TextStyle Small = new(Size: 8, Color: new SKColor(0x55, 0x5d, 0x68));
    public static readonly TextStyle Title = new(Size: 20, Bold: true, Color: new SKColor(0x1d, 0x3b, 0x5e));
    public static readonly TextStyle Heading = new(Size: 13, Bold: true, Color: new SKColor(0x1d, 0x3b, 0x5e));

    public SKFont Font(FontSet fonts) => fonts.Font(Bold, Italic, Size);
}

/// <summary>Text that wraps at spaces, breaks a word wider than the line between letters, and keeps line breaks it is given.</summary>
public sealed class Paragraph(string text, TextStyle? style = null, bool keepWithNext = false) : IBlock
{
    private readonly TextStyle style = style ?? TextStyle.Body;

    public IEnumerable<Box> Layout(float width, FontSet fonts)
    {
        var font = style.Font(fonts);
        fonts.Note(font, text);
        var lineHeight = style.Size * style.LineHeight;
        var lines = Wrap(text, width, font);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            yield return new DrawnBox(lineHeight, (canvas, x, y, w) => DrawLine(canvas, line, x, y, w, font, style))
            {
                KeepWithNext = keepWithNext || (i < lines.Count - 1 && lines.Count <= 3),
            };
        }
    }

    internal static void DrawLine(SKCanvas canvas, string line, float x, float y, float width, SKFont font, TextStyle style)
    {
        using var paint = new SKPaint { Color = style.Color ?? SKColors.Black, IsAntialias = true };
        var baseline = y + (style.Size * style.LineHeight - (font.Metrics.Descent - font.Metrics.Ascent)) / 2 - font.Metrics.Ascent;
        var (left, align) = style.Align switch
        {
            Align.Center => (x + width / 2, SKTextAlign.Center),
            Align.Right => (x + width, SKTextAlign.Right),
            _ => (x, SKTextAlign.Left),
        };
        canvas.DrawText(line, left, baseline, align, font, paint);
    }

    /// <summary>The lines <paramref name="text"/> takes at <paramref name="width"/>; never empty, so a blank cell still has a height.</summary>
    public static List<string> Wrap(string text, float width, SKFont font)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0) lines.Add(current);
                current = word;
                while (font.MeasureText(current) > width && LongestFitting(current, width, font) is { } head)
                {
                    lines.Add(head);
                    current = current[head.Length..];
                }
            }
            lines.Add(current);
        }
        return lines;
    }

    /// <summary>The longest run of whole letters (never half a surrogate pair or accent) that fits; null when not even one does.</summary>
    private static string? LongestFitting(string word, float width, SKFont font)
    {
        var elements = StringInfo.GetTextElementEnumerator(word);
        var fitting = 0;
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + elements.GetTextElement().Length;
            if (font.MeasureText(word[..end]) > width) break;
            fitting = end;
        }
        return fitting == 0 ? (word.Length > 1 ? word[..StringInfo.GetNextTextElementLength(word)] : null) : fitting == word.Length ? null : word[..fitting];
    }
}
