using SkiaSharp;

namespace Records.Core.Pdf;

/// <summary>
/// A piece of a page that is never split: one line of text, one table row, a row of columns, an image, a chart.
/// Blocks lay themselves out as a run of boxes; pages are filled box by box.
/// </summary>
public abstract class Box
{
    public abstract float Height { get; }
    public abstract void Draw(SKCanvas canvas, float x, float y, float width);
    /// <summary>Moves to the next page with the box after it (a heading with its first line, a table header with its first row).</summary>
    public bool KeepWithNext { get; init; }
    /// <summary>For a table row: the header drawn again at the top of each page the table continues on.</summary>
    public Box? RepeatedHeader { get; init; }
}

public sealed class DrawnBox(float height, Action<SKCanvas, float, float, float> draw) : Box
{
    public override float Height => height;
    public override void Draw(SKCanvas canvas, float x, float y, float width) => draw(canvas, x, y, width);
}

/// <summary>Starts a new page.</summary>
public sealed class PageBreakBox : Box
{
    public override float Height => 0;
    public override void Draw(SKCanvas canvas, float x, float y, float width) { }
}

/// <summary>Something that lays out into boxes at a given width: text, tables, rows and columns of other blocks.</summary>
public interface IBlock
{
    IEnumerable<Box> Layout(float width, FontSet fonts);
}

/// <summary>Blocks one under another with a gap between them.</summary>
public sealed class Column(float spacing, params IBlock[] blocks) : IBlock
{
    public Column(params IBlock[] blocks) : this(6, blocks) { }

    public IEnumerable<Box> Layout(float width, FontSet fonts)
    {
        for (var i = 0; i < blocks.Length; i++)
        {
            Box? last = null;
            foreach (var box in blocks[i].Layout(width, fonts))
            {
                last = box;
                yield return box;
            }
            // The gap after a heading must not cut it loose from what it heads.
            if (i < blocks.Length - 1 && spacing > 0) yield return new DrawnBox(spacing, (_, _, _, _) => { }) { KeepWithNext = last?.KeepWithNext == true };
        }
    }
}

/// <summary>Blocks side by side, each given a share of the width; the row is kept on one page.</summary>
public sealed class Row(float gap, params (float Share, IBlock Block)[] cells) : IBlock
{
    public IEnumerable<Box> Layout(float width, FontSet fonts)
    {
        var total = cells.Sum(c => c.Share);
        var usable = width - gap * (cells.Length - 1);
        var laid = cells.Select(c => (Width: usable * c.Share / total, Boxes: c.Block.Layout(usable * c.Share / total, fonts).ToList())).ToList();
        var height = laid.Max(l => l.Boxes.Sum(b => b.Height));
        yield return new DrawnBox(height, (canvas, x, y, _) =>
        {
            var left = x;
            foreach (var (cellWidth, boxes) in laid)
            {
                var top = y;
                foreach (var box in boxes)
                {
                    box.Draw(canvas, left, top, cellWidth);
                    top += box.Height;
                }
                left += cellWidth + gap;
            }
        });
    }
}

/// <summary>Empty space, or a thin rule across the width.</summary>
public sealed class Spacer(float height, SKColor? rule = null) : IBlock
{
    public IEnumerable<Box> Layout(float width, FontSet fonts)
    {
        yield return new DrawnBox(height, (canvas, x, y, w) =>
        {
            if (rule is not { } color) return;
            using var paint = new SKPaint { Color = color, StrokeWidth = 0.75f, IsAntialias = true };
            canvas.DrawLine(x, y + height / 2, x + w, y + height / 2, paint);
        });
    }
}

public sealed class PageBreak : IBlock
{
    public IEnumerable<Box> Layout(float width, FontSet fonts)
    {
        yield return new PageBreakBox();
    }
}

/// <summary>A picture scaled to a width (and never above its own size), kept on one page.</summary>
public sealed class Image(SKImage image, float? width = null) : IBlock
{
    public IEnumerable<Box> Layout(float available, FontSet fonts)
    {
        var w = Math.Min(width ?? image.Width, available);
        var h = image.Height * w / image.Width;
        yield return new DrawnBox(h, (canvas, x, y, _) => canvas.DrawImage(image, SKRect.Create(x, y, w, h)));
    }
}

/// <summary>A ScottPlot chart drawn as vectors onto the page.</summary>
public sealed class Chart(ScottPlot.Plot plot, float height) : IBlock
{
    public IEnumerable<Box> Layout(float width, FontSet fonts)
    {
        fonts.Note(plot, (int)width, (int)height);
        yield return new DrawnBox(height, (canvas, x, y, w) =>
        {
            canvas.Save();
            canvas.Translate(x, y);
            plot.Render(canvas, (int)w, (int)height);
            canvas.Restore();
        });
    }
}
