using Records.Core.Nominations;
using Records.Core.Reports;
using Records.Core.ServiceAwards;
using Records.Tests.Pdf;

namespace Records.Tests.Reports;

public class QuarterPacketDocumentTests
{
    private static readonly DateTime Generated = new(2026, 11, 27, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void ALongPacketRepeatsEachTablesHeaderOnEveryPageItRunsOnAndNumbersThePages()
    {
        var nominations = Enumerable.Range(1, 70).Select(i => new QuarterPacket.NominationLine($"Nominee N{i:D2}", "Nora Nominator", "Q4 1975",
            i % 3 == 0 ? NominationStatus.Accepted : NominationStatus.UnderReview, new Tally(i % 7, i % 3, i % 2))).ToList();
        var fellows = Enumerable.Range(1, 19).Select(i => new QuarterPacket.NewFellow(i, $"Fellow F{i:D2}", "Active")).ToList();
        var resolution = "RESOLVED, that the Python Software Foundation award the 1976 Q1 Community Service Award to Grace in recognition of her years of organising the regional conference and mentoring its speakers.";
        var awards = Enumerable.Range(1, 6).Select(i => new QuarterPacket.AwardDecision($"Recipient R{i}", i == 2, ServiceAwardStatus.Approved, resolution, new DateOnly(1976, 3, i))).ToList();

        var pdf = QuarterPacketDocument.Build(new QuarterPacket(1976, 1, nominations, fellows, awards), "Python Software Foundation", Generated).ToBytes();
        if (Environment.GetEnvironmentVariable("RECORDS_PDF_OUT") is { Length: > 0 } folder) File.WriteAllBytes(Path.Combine(folder, "quarter-packet-long.pdf"), pdf);

        var pages = PdfLayoutTests.PageTexts(pdf);
        Assert.True(pages.Count >= 2, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        var found = pages.SelectMany(p => System.Text.RegularExpressions.Regex.Matches(p, @"N(\d{2})\b").Select(m => int.Parse(m.Groups[1].Value))).ToList();
        Assert.Equal(Enumerable.Range(1, 70), found);
        Assert.All(pages.Where(p => p.Contains("Nominee N")), p => Assert.Contains("Abstain", p));
        Assert.Contains("Recipient R2 (group)", string.Concat(pages));
    }
}
