using System.Buffers.Binary;
using Records.Core.Pdf;
using SkiaSharp;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using Doc = Records.Core.Pdf.PdfDocument;

namespace Records.Tests.Pdf;

public class FontSubsetTests
{
    private static readonly DocumentInfo Info = new("Subset", "Records", "Fonts", new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc));
    private const string Names = "Łukasz Langa and Stéphane Wirtel";

    private static (byte[] Font, SKTypeface Typeface) Regular()
    {
        var fonts = FontSet.Default;
        var file = fonts.Files.First(f => !f.Bold && !f.Italic).File;
        return (File.ReadAllBytes(file), fonts.Regular);
    }

    private static ushort[] Glyphs(SKTypeface typeface, string text)
    {
        using var font = new SKFont(typeface);
        return font.GetGlyphs(text);
    }

    [Fact]
    public void ACutFontLoadsInSkiaAndMeasuresTextAsTheWholeFontDoes()
    {
        var (file, full) = Regular();

        var bytes = FontSubset.Keep(file, Glyphs(full, Names));

        using var subset = SKTypeface.FromData(SKData.CreateCopy(bytes));
        Assert.NotNull(subset);
        using var whole = new SKFont(full, 11);
        using var cut = new SKFont(subset, 11);
        Assert.Equal(whole.MeasureText(Names), cut.MeasureText(Names));
        Assert.Equal(whole.GetGlyphWidths(Names), cut.GetGlyphWidths(Names));
        Assert.Equal(Glyphs(full, Names), Glyphs(subset, Names));
        Assert.Equal(whole.Metrics.Ascent, cut.Metrics.Ascent);
        Assert.True(bytes.Length < file.Length / 3, $"{bytes.Length:#,0} bytes cut from {file.Length:#,0}");
    }

    [Fact]
    public void EveryTableChecksumAndTheWholeFilesAdjustmentAreRight()
    {
        var (file, full) = Regular();

        var bytes = FontSubset.Keep(file, Glyphs(full, Names));

        Assert.Equal(0xB1B0AFBA, FontSubset.Checksum(bytes));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(4));
        for (var i = 0; i < tables; i++)
        {
            var record = bytes.AsSpan(12 + 16 * i, 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var (sum, offset, length) = (BinaryPrimitives.ReadUInt32BigEndian(record[4..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            var data = bytes.AsSpan(offset, length).ToArray();
            if (tag == "head") data.AsSpan(8, 4).Clear();
            Assert.True(FontSubset.Checksum(data) == sum, $"The {tag} table's checksum");
            Assert.NotEqual("GSUB", tag);
        }
    }

    [Fact]
    public void AnAccentedCapitalKeepsTheGlyphsItIsBuiltFrom()
    {
        var (file, full) = Regular();
        using var whole = new SKFont(full, 40);
        var accented = Glyphs(full, "Ê")[0];
        var components = OutlineComponents(file, accented);
        Assert.NotEmpty(components);

        var bytes = FontSubset.Keep(file, [accented]);

        using var subset = SKTypeface.FromData(SKData.CreateCopy(bytes));
        using var cut = new SKFont(subset, 40);
        using var drawn = cut.GetGlyphPath(accented);
        using var expected = whole.GetGlyphPath(accented);
        Assert.False(drawn.IsEmpty);
        Assert.Equal(expected.Bounds, drawn.Bounds);
        Assert.Equal(expected.PointCount, drawn.PointCount);
        foreach (var component in components)
        {
            using var part = cut.GetGlyphPath(component);
            Assert.False(part.IsEmpty, $"Component glyph {component} lost its outline");
        }
        using var dropped = cut.GetGlyphPath(Glyphs(full, "Q")[0]);
        Assert.True(dropped.IsEmpty);
    }

    [Fact]
    public void AFileWithoutTrueTypeOutlinesIsRefusedSoTheDocumentEmbedsItWhole()
    {
        Assert.Throws<ArgumentException>(() => FontSubset.Keep("OTTO\0\0\0\0\0\0\0\0"u8, [1]));
        Assert.Throws<ArgumentException>(() => FontSubset.Keep("ttcf"u8, [1]));
    }

    /// <summary>The glyphs a composite glyph in the font file is made of, read from its loca and glyf tables.</summary>
    private static List<ushort> OutlineComponents(byte[] font, ushort glyph)
    {
        var tables = Enumerable.Range(0, BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4))).Select(i => font.AsSpan(12 + 16 * i, 16).ToArray())
            .ToDictionary(r => System.Text.Encoding.ASCII.GetString(r, 0, 4), r => (int)BinaryPrimitives.ReadUInt32BigEndian(r.AsSpan(8)));
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(tables["head"] + 50)) == 1;
        int Offset(int g) => longOffsets ? (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(tables["loca"] + 4 * g)) : 2 * BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["loca"] + 2 * g));
        return [.. FontSubset.Components(font.AsSpan(tables["glyf"] + Offset(glyph), Offset(glyph + 1) - Offset(glyph)))];
    }

    [Fact]
    public void ADocumentEmbedsOnlyTheGlyphsItDrawsAndNamesComeBackAsWritten()
    {
        var pdf = new Doc(Info, new Column(new Paragraph(Names, TextStyle.Heading), new Paragraph("Zoë Çelik, Ned Batchelder"))).ToBytes();

        var text = string.Concat(PdfLayoutTests.PageTexts(pdf));
        Assert.Contains("Łukasz Langa", text);
        Assert.Contains("Stéphane Wirtel", text);
        Assert.Contains("Zoë Çelik", text);
        Assert.True(pdf.Length < 40_000, $"{pdf.Length:#,0} bytes for two lines");
    }

    [Fact]
    public void ATableAddsUnderThreeKilobytesAPage()
    {
        static Doc Table(int rows) => new(Info, new Table([new("Date", 1.2f), new("Donor", 3), new("Amount", 1.3f, Align.Right)],
            Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[$"Jan {i % 28 + 1}, 2025", $"Donor {i} Łukasz Stéphane", $"${i * 7 % 10_000:#,0}.00"])));
        var onePage = Table(20).ToBytes().Length;
        var many = Table(1_000);
        using var stream = new MemoryStream();
        var pages = many.Write(stream);

        var perPage = (stream.Length - onePage) / (pages - 1);

        Assert.True(pages > 10, $"{pages} pages");
        Assert.True(perPage < 3_000, $"{perPage:#,0} bytes a page after the first ({onePage:#,0} for one page)");
    }

    [Fact]
    public void AChartIsSetInTheSameEmbeddedFontsAsTheText()
    {
        FontSet.Default.UseForCharts();
        var plot = new ScottPlot.Plot();
        plot.Add.Bars([3.0, 5, 2]);
        plot.Axes.Left.Label.Text = "Gifts à Łódź";

        var pdf = new Doc(Info, new Column(new Paragraph("Trend à Łódź"), new Chart(plot, 200))).ToBytes();

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var fonts = page.Letters.Select(l => l.FontName).Distinct().ToList();
        Assert.True(fonts.Count <= 2, string.Join(", ", fonts));
        Assert.Contains("Łódź", ContentOrderTextExtractor.GetText(page).Replace(" ", ""));
        Assert.True(pdf.Length < 40_000, $"{pdf.Length:#,0} bytes");
    }
}
