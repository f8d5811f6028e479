using SkiaSharp;

namespace Records.Core.Pdf;

public sealed record PageSize(float Width, float Height)
{
    public static readonly PageSize A4 = new(595.28f, 841.89f);
    public static readonly PageSize Letter = new(612, 792);
}

public sealed record Margins(float Top, float Right, float Bottom, float Left)
{
    public static readonly Margins Standard = new(40, 48, 40, 48);
}

public sealed record DocumentInfo(string Title, string Author, string Subject, DateTime CreatedAt);

/// <summary>Where a page is in its document, for headers and footers ("Page 3 of 12").</summary>
public sealed record PageContext(int Number, int Total);

/// <summary>
/// A document: content flowed onto pages of one size, with a header and a footer drawn on every page once the number
/// of pages is known. Drawn with SkiaSharp's PDF backend.
/// </summary>
public sealed class PdfDocument(DocumentInfo info, IBlock content)
{
    public PageSize Size { get; init; } = PageSize.Letter;
    public Margins Margins { get; init; } = Margins.Standard;
    public Func<PageContext, IBlock>? Header { get; init; }
    public Func<PageContext, IBlock>? Footer { get; init; } = page => new Paragraph($"Page {page.Number} of {page.Total}", TextStyle.Small with { Align = Align.Right });
    public FontSet Fonts { get; init; } = FontSet.Default;

    private const float BandGap = 10;

    /// <summary>
    /// Lays the content out on pages and writes the PDF; returns the number of pages. Everything is laid out before
    /// anything is drawn, so the fonts embedded hold only the glyphs the document uses.
    /// </summary>
    public int Write(Stream output)
    {
        var fonts = Fonts.ForDocument();
        var width = Size.Width - Margins.Left - Margins.Right;
        // Header and footer heights are measured with a placeholder page count of the same width as the real one.
        var headerHeight = Band(Header, new PageContext(1, 1), width, fonts);
        var footerHeight = Band(Footer, new PageContext(1, 1), width, fonts);
        var available = Size.Height - Margins.Top - Margins.Bottom - headerHeight - footerHeight;
        var pages = Paginate(content.Layout(width, fonts), available);
        var bands = Enumerable.Range(1, pages.Count).Select(number => new PageContext(number, pages.Count))
            .Select(context => (Header: Header?.Invoke(context).Layout(width, fonts).ToList(), Footer: Footer?.Invoke(context).Layout(width, fonts).ToList()))
            .ToList();
        fonts.Embed();

        var metadata = new SKDocumentPdfMetadata
        {
            Title = info.Title, Author = info.Author, Subject = info.Subject, Creator = "Records", Producer = "Records (SkiaSharp PDF)",
            Creation = info.CreatedAt, Modified = info.CreatedAt, RasterDpi = 300,
        };
        using var document = SKDocument.CreatePdf(output, metadata);
        for (var i = 0; i < pages.Count; i++)
        {
            var canvas = document.BeginPage(Size.Width, Size.Height);
            if (bands[i].Header is { } header) DrawBand(canvas, header, Margins.Top, width);
            var y = Margins.Top + headerHeight;
            foreach (var box in pages[i])
            {
                box.Draw(canvas, Margins.Left, y, width);
                y += box.Height;
            }
            if (bands[i].Footer is { } footer) DrawBand(canvas, footer, Size.Height - Margins.Bottom - footerHeight + BandGap, width);
            document.EndPage();
        }
        document.Close();
        return pages.Count;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Write(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Fills pages box by box. A box that does not fit starts a new page, taking along the boxes it must stay with;
    /// a table row that starts a page brings its header.
    /// </summary>
    internal static List<List<Box>> Paginate(IEnumerable<Box> boxes, float available)
    {
        var pages = new List<List<Box>> { new() };
        var used = 0f;
        var pending = new List<Box>();

        void NewPage()
        {
            pages.Add([]);
            used = 0;
        }

        void Place(IReadOnlyList<Box> group)
        {
            var height = group.Sum(b => b.Height);
            if (used > 0 && used + height > available) NewPage();
            if (used == 0 && group[0].RepeatedHeader is { } header)
            {
                pages[^1].Add(header);
                used += header.Height;
            }
            pages[^1].AddRange(group);
            used += height;
        }

        foreach (var box in boxes)
        {
            if (box is PageBreakBox)
            {
                if (pending.Count > 0) Place(pending);
                pending.Clear();
                if (used > 0) NewPage();
                continue;
            }
            pending.Add(box);
            if (box.KeepWithNext && pending.Sum(b => b.Height) < available / 3) continue;
            Place(pending);
            pending = [];
        }
        if (pending.Count > 0) Place(pending);
        if (pages.Count > 1 && pages[^1].Count == 0) pages.RemoveAt(pages.Count - 1);
        return pages;
    }

    private static float Band(Func<PageContext, IBlock>? band, PageContext context, float width, FontSet fonts) =>
        band is null ? 0 : band(context).Layout(width, fonts).Sum(b => b.Height) + BandGap;

    private void DrawBand(SKCanvas canvas, List<Box> band, float top, float width)
    {
        var y = top;
        foreach (var box in band)
        {
            box.Draw(canvas, Margins.Left, y, width);
            y += box.Height;
        }
    }
}
