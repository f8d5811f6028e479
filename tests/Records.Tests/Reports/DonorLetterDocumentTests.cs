using Records.Core.Reports;
using Records.Tests.Pdf;

namespace Records.Tests.Reports;

public class DonorLetterDocumentTests
{
    private static readonly DateTime Generated = new(2026, 11, 27, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void ALongStatementRepeatsTheGiftsHeaderAndKeepsTheSignatureWhole()
    {
        var gifts = Enumerable.Range(1, 75).Select(i => new GivingStatement.Gift(i, new DateOnly(1975, 1, 1).AddDays(i * 4), i % 5 == 0 ? "Converted registration" : "GitHub Sponsors",
            i % 5 == 0 ? "PyCon 1975 cancelled: donate your registration" : null, 25_00 + i, i % 5 == 0 ? 10_00 : 0, "USD")).ToList();
        var total = new GivingStatement.Total("USD", gifts.Count, gifts.Sum(g => g.AmountMinor), gifts.Sum(g => g.QuidProQuoMinor), gifts.Sum(g => g.DeductibleMinor));
        var statement = new GivingStatement(1, "Łukasz Langa", "lukasz@example.org", 1975, [1975], gifts, [total]);

        var pdf = DonorLetterDocuments.Statement(statement, "Python Software Foundation", new DateOnly(2026, 1, 15), Generated).ToBytes();
        if (Environment.GetEnvironmentVariable("RECORDS_PDF_OUT") is { Length: > 0 } folder) File.WriteAllBytes(Path.Combine(folder, "statement-long.pdf"), pdf);

        var pages = PdfLayoutTests.PageTexts(pdf);
        Assert.True(pages.Count >= 2, $"{pages.Count} pages");
        Assert.All(pages.Where(p => p.Contains("GitHub Sponsors")), p => Assert.Contains("Deductible", p));
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        var signed = pages.Single(p => p.Contains("With gratitude,"));
        Assert.Contains("Treasurer, on behalf of the Python Software Foundation", signed);
        Assert.Contains(total.Statement.Split(' ')[^1], string.Concat(pages));
    }
}
