using Records.Core.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using Doc = Records.Core.Pdf.PdfDocument;

namespace Records.Tests.Pdf;

public class PdfLayoutTests
{
    private static readonly DocumentInfo Info = new("Test report", "Records", "Layout", new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc));

    internal static List<string> PageTexts(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)).ToList();
    }

    [Fact]
    public void A500RowTableRepeatsItsHeaderOnEveryPageAndPrintsEveryRowOnce()
    {
        var rows = Enumerable.Range(1, 500).Select(i => (IReadOnlyList<string>)[$"R{i:D3}x", $"Donor number {i}", $"${i * 10:N0}.00"]);
        var table = new Table([new("Row", 1), new("Donor", 3), new("Amount", 1.5f, Align.Right)], rows);

        var pdf = new Doc(Info, new Column(new Paragraph("Gifts", TextStyle.Title), table)).ToBytes();

        var pages = PageTexts(pdf);
        Assert.True(pages.Count > 5, $"{pages.Count} pages");
        Assert.All(pages, text => Assert.Contains(text.Split('\n'), line => line.Contains("Row") && line.Contains("Donor") && line.Contains("Amount")));
        if (Environment.GetEnvironmentVariable("RECORDS_PDF_OUT") is { Length: > 0 } folder) File.WriteAllBytes(Path.Combine(folder, "table-500.pdf"), pdf);
        var found = pages.SelectMany(text => System.Text.RegularExpressions.Regex.Matches(text, @"R(\d{3})x").Select(m => int.Parse(m.Groups[1].Value))).ToList();
        Assert.Equal(Enumerable.Range(1, 500), found);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(pages[i], "Amount"));
        }
    }

    [Fact]
    public void ARowWhoseCellsWrapIsNeverSplitAcrossPages()
    {
        var tall = string.Join(" ", Enumerable.Range(1, 40).Select(i => $"w{i:D2}"));
        var rows = Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string>)[$"Row{i:D2}", tall]);

        var pages = PageTexts(new Doc(Info, new Table([new("Id", 1), new("Words", 1)], rows)).ToBytes());

        for (var i = 1; i <= 60; i++)
        {
            var page = pages.FindIndex(p => p.Contains($"Row{i:D2}"));
            Assert.True(page >= 0, $"Row{i:D2} missing");
            var text = pages[page];
            var after = text[text.IndexOf($"Row{i:D2}", StringComparison.Ordinal)..];
            Assert.Contains("w40", after);
        }
    }

    [Fact]
    public void LongWordsAndNamesBeyondAsciiComeBackAsWritten()
    {
        var longWord = "Supercalifragilisticexpialidocious" + new string('x', 120);
        var content = new Column(
            new Paragraph("Łukasz Langa and Stéphane Wirtel, Ned Batchelder, Zoë Çelik", TextStyle.Heading),
            new Row(12, (1, new Paragraph(longWord)), (1, new Paragraph("Right column"))));

        var pdf = new Doc(Info, content).ToBytes();

        var text = string.Concat(PageTexts(pdf)).Replace("\n", "").Replace("\r", "").Replace(" ", "");
        Assert.Contains("ŁukaszLangaandStéphaneWirtel,NedBatchelder,ZoëÇelik", text);
        Assert.Contains(longWord, text);
        Assert.Contains("Rightcolumn", text);
    }

    [Fact]
    public void TheDocumentCarriesItsTitleAuthorSubjectAndDate()
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(new Doc(Info, new Paragraph("x")).ToBytes());

        Assert.Equal("Test report", document.Information.Title);
        Assert.Equal("Records", document.Information.Author);
        Assert.Equal("Layout", document.Information.Subject);
        Assert.StartsWith("D:20261127", document.Information.CreationDate);
    }

    [Fact]
    public void AChartIsDrawnAsVectorsWithItsLabels()
    {
        FontSet.Default.UseForCharts();
        var plot = new ScottPlot.Plot();
        plot.Add.Bars([3.0, 5, 2]);
        plot.Title("Gifts by month");

        var pdf = new Doc(Info, new Column(new Paragraph("Trend"), new Chart(plot, 200))).ToBytes();

        var text = PageTexts(pdf)[0].Replace(" ", "");
        Assert.Contains("Giftsbymonth", text);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Empty(document.GetPage(1).GetImages());
        Assert.NotEmpty(document.GetPage(1).Paths);
    }

    [Fact]
    public void AnImageIsPlacedScaledToTheWidthItIsGiven()
    {
        using var bitmap = new SkiaSharp.SKBitmap(400, 200);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap)) canvas.Clear(new SkiaSharp.SKColor(0x1d, 0x3b, 0x5e));
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);

        var pdf = new Doc(Info, new Column(new Paragraph("Logo"), new Image(image, 200))).ToBytes();

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var placed = Assert.Single(document.GetPage(1).GetImages());
        Assert.Equal(200, placed.BoundingBox.Width, 1);
        Assert.Equal(100, placed.BoundingBox.Height, 1);
    }

    [Fact]
    public void APageBreakStartsANewPage()
    {
        var pages = PageTexts(new Doc(Info, new Column(new Paragraph("First"), new PageBreak(), new Paragraph("Second"))).ToBytes());

        Assert.Equal(2, pages.Count);
        Assert.Contains("Second", pages[1]);
    }

    [Fact]
    public void WithoutAUsableFontTheErrorNamesThePackageToInstall()
    {
        var error = Assert.Throws<FontsMissingException>(() => FontSet.Resolve(["Nothing Sans"], _ => null));

        Assert.Contains("apt-get install fonts-dejavu-core", error.Message);
    }

    [Fact]
    public void FontconfigFindsAFontThatDrawsTheFoundationsNames()
    {
        var fonts = FontSet.Default;

        using var font = new SkiaSharp.SKFont(fonts.Regular);
        Assert.True(font.ContainsGlyphs(FontSet.Probe));
        Assert.All(fonts.Files, f => Assert.True(File.Exists(f.File)));
    }
}

public class KeepWithNextTests
{
    private static readonly DocumentInfo Info = new("Keep with next", "Records", "Layout", new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void AHeadingInAColumnIsNeverLeftAtTheFootOfAPageWithoutItsTable()
    {
        // Wherever the filler ends, the heading has to land on the page of its table.
        for (var filler = 30; filler <= 60; filler++)
        {
            var blocks = Enumerable.Range(1, filler).Select(i => (IBlock)new Paragraph($"Filler line {i}"))
                .Append(new Paragraph("Donations by channel", TextStyle.Heading, keepWithNext: true))
                .Append(new Table([new("Channelheader", 3), new("Amount", 1, Align.Right)], [["Card", "$10.00"], ["PayPal", "$5.00"]]))
                .ToArray();

            var pages = PdfLayoutTests.PageTexts(new Records.Core.Pdf.PdfDocument(Info, new Column(6, blocks)).ToBytes());

            var heading = pages.FindIndex(p => p.Contains("Donations by channel"));
            var table = pages.FindIndex(p => p.Contains("Channelheader"));
            Assert.True(heading == table, $"With {filler} filler lines the heading is on page {heading + 1} and its table on page {table + 1}");
        }
    }
}
