using System.Globalization;
using Records.Core.Pdf;

namespace Records.Core.Reports;

/// <summary>The quarter packet as the Work Group and the Board print it: the same rows, worded the same way, as its web page.</summary>
public static class QuarterPacketDocument
{
    public static readonly TableColumn[] NominationColumns =
    [
        new("Nominee", 2.2f), new("Nominator", 2), new("First round", 1.1f), new("Outcome", 1.3f),
        new("Yes", 0.6f, Align.Right), new("No", 0.6f, Align.Right), new("Abstain", 0.9f, Align.Right),
    ];

    public static readonly TableColumn[] FellowColumns = [new("#", 0.4f, Align.Right), new("Fellow", 4), new("Status", 1.4f)];

    public static readonly TableColumn[] AwardColumns = [new("Recipient", 1.8f), new("Decision", 1), new("Decided on", 1.1f), new("Resolution", 4)];

    public static string Title(QuarterPacket packet) => $"Quarter packet: {packet.Name}";

    public static PdfDocument Build(QuarterPacket packet, string foundation, DateTime generatedAt, FontSet? fonts = null)
    {
        fonts ??= FontSet.Default;
        var title = Title(packet);
        var generated = generatedAt.ToString("MMM d, yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var blocks = new List<IBlock>
        {
            new Paragraph(title, TextStyle.Title),
            new Paragraph($"{foundation} · Fellow nominations, new Fellows and Community Service Award decisions · Confidential to the Work Group and the Board", TextStyle.Small),
            new Spacer(8, new SkiaSharp.SKColor(0xd5, 0xdb, 0xe3)),
        };
        Section(blocks, "Nominations", packet.NominationRows(), NominationColumns, QuarterPacket.NoNominations);
        if (packet.HidesTallies) blocks.Add(new Paragraph(QuarterPacket.HiddenNote, TextStyle.Small));
        Section(blocks, "New Fellows", packet.FellowRows(), FellowColumns, QuarterPacket.NoFellows);
        Section(blocks, "Community Service Award decisions", packet.AwardRows(), AwardColumns, QuarterPacket.NoAwards);

        return new PdfDocument(new DocumentInfo(title, foundation, $"Nominations, Fellows and awards for {packet.Name}", generatedAt), new Column(6, [.. blocks]))
        {
            Fonts = fonts,
            Header = page => page.Number == 1 ? new Spacer(0) : new Paragraph($"{foundation} · {title}", TextStyle.Small),
            Footer = page => new Paragraph($"Generated {generated} · Page {page.Number} of {page.Total}", TextStyle.Small with { Align = Align.Right }),
        };
    }

    private static void Section(List<IBlock> blocks, string heading, IReadOnlyList<IReadOnlyList<string>> rows, TableColumn[] columns, string none)
    {
        blocks.Add(new Paragraph(heading, TextStyle.Heading with { LineHeight = 1.8f }, keepWithNext: true));
        blocks.Add(rows.Count == 0 ? new Paragraph(none, TextStyle.Body with { Italic = true }) : new Table(columns, rows));
    }
}
