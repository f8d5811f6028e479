using Records.Core.Pdf;
using SkiaSharp;

namespace Records.Core.Reports;

/// <summary>The acknowledgement letter for one gift and a donor's year-end giving statement, as they are printed and sent.</summary>
public static class DonorLetterDocuments
{
    private static readonly SKColor Rule = new(0xd5, 0xdb, 0xe3);

    public static readonly TableColumn[] GiftColumns =
    [
        new("Date", 1.3f), new("Channel", 2.3f), new("Campaign", 1.8f), new("Amount", 1.2f, Align.Right),
        new("Goods or services", 1.4f, Align.Right), new("Deductible", 1.2f, Align.Right),
    ];

    public static readonly TableColumn[] TotalColumns =
    [
        new("Currency", 1), new("Gifts", 0.8f, Align.Right), new("Amount", 1.4f, Align.Right),
        new("Goods or services", 1.4f, Align.Right), new("Deductible", 1.4f, Align.Right),
    ];

    public static PdfDocument Letter(Acknowledgement letter, string foundation, DateOnly written, DateTime generatedAt, FontSet? fonts = null, FoundationDetails? details = null)
    {
        details ??= FoundationDetails.PythonSoftwareFoundation;
        var body = new List<IBlock>
        {
            Letterhead(details, written),
            Recipient(letter.Donor, letter.Email),
            new Spacer(10),
            new Paragraph($"Dear {letter.Donor},"),
            new Paragraph(letter.ThankYou),
            new Paragraph(letter.QuidProQuoStatement),
            new Paragraph(details.TaxStatusSentence),
        };
        body.Add(Signature(foundation, $"Your support keeps the work of the {foundation} going. Please keep this letter for your tax records."));
        return Document($"Acknowledgement of your gift to the {foundation}", foundation, $"Gift of {letter.Amount} received on {QuidProQuo.Day(letter.ReceivedOn)}",
            generatedAt, fonts, body, letter.Donor);
    }

    public static PdfDocument Statement(GivingStatement statement, string foundation, DateOnly written, DateTime generatedAt, FontSet? fonts = null, FoundationDetails? details = null)
    {
        details ??= FoundationDetails.PythonSoftwareFoundation;
        var body = new List<IBlock>
        {
            Letterhead(details, written),
            Recipient(statement.Donor, statement.Email),
            new Spacer(10),
            new Paragraph($"Giving statement for {statement.Year}", TextStyle.Heading),
            new Paragraph($"Dear {statement.Donor},"),
            new Paragraph($"Thank you for your gifts to the {foundation} in {statement.Year}. Every gift we received from you that year is listed below."),
            new Table(GiftColumns, statement.GiftRows()),
            new Paragraph("Totals", TextStyle.Heading with { Size = 11 }, keepWithNext: true),
            new Table(TotalColumns, statement.TotalRows()),
        };
        body.AddRange(statement.Totals.Select(t => new Paragraph(statement.Totals.Count > 1 ? $"{t.Currency}: {t.Statement}" : t.Statement)));
        body.Add(new Paragraph(details.TaxStatusSentence));
        body.Add(Signature(foundation, "Please keep this statement for your tax records."));
        return Document($"Giving statement {statement.Year}", foundation, $"Gifts to the {foundation} in {statement.Year}", generatedAt, fonts, body, statement.Donor);
    }

    private static IBlock Letterhead(FoundationDetails details, DateOnly written) => new Column(4,
        new Paragraph(details.LegalName, TextStyle.Title),
        new Paragraph($"{details.Address} · {details.TaxIdLine}", TextStyle.Small),
        new Spacer(6, Rule),
        new Paragraph(QuidProQuo.Day(written), TextStyle.Body with { Align = Align.Right }));

    private static IBlock Recipient(string name, string? email) =>
        email is null ? new Paragraph(name, TextStyle.Body with { Bold = true }) : new Column(0, new Paragraph(name, TextStyle.Body with { Bold = true }), new Paragraph(email));

    /// <summary>One row, so the last sentence, the space to sign and the signatory are never split across pages.</summary>
    private static IBlock Signature(string foundation, string closing) => new Row(0, (1, new Column(4,
        new Paragraph(closing),
        new Spacer(8),
        new Paragraph("With gratitude,"),
        new Spacer(28),
        new Paragraph("______________________________"),
        new Paragraph($"Treasurer, on behalf of the {foundation}"))));

    private static PdfDocument Document(string title, string foundation, string subject, DateTime generatedAt, FontSet? fonts, List<IBlock> body, string donor) =>
        new(new DocumentInfo(title, foundation, subject, generatedAt), new Column(8, [.. body]))
        {
            Fonts = fonts ?? FontSet.Default,
            Footer = page => new Paragraph($"{title} · {donor} · Page {page.Number} of {page.Total}", TextStyle.Small with { Align = Align.Right }),
        };
}
