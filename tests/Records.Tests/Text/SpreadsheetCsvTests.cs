using System.Text;
using Records.Core.Text;

namespace Records.Tests.Text;

public class SpreadsheetCsvTests
{
    private static string Cell(string? value) => SpreadsheetCsv.Text([[value, "x"]])[..^",x\r\n".Length];

    // CsvHelper quotes a cell it escapes, which a spreadsheet reads the same as the bare cell.
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "\"'+1+1\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    public void CellsASpreadsheetWouldRunAsAFormulaStartWithAQuote(string value, string expected) =>
        Assert.Equal(expected, Cell(value));

    [Theory]
    [InlineData("Ada Lovelace", "Ada Lovelace")]
    [InlineData("Smith, Jane", "\"Smith, Jane\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("a-b=c", "a-b=c")]
    [InlineData(null, "")]
    [InlineData("", "")]
    public void OrdinaryCellsAreLeftAloneOrQuoted(string? value, string expected) =>
        Assert.Equal(expected, Cell(value));

    [Fact]
    public void ALineJoinsEscapedCellsWithCommasAndEndsWithCrLf() =>
        Assert.Equal("2024-01-02,\"'=1+1\",\"a,b\",\r\n", SpreadsheetCsv.Text([["2024-01-02", "=1+1", "a,b", null]]));

    [Fact]
    public async Task SectionsOfDifferentWidthsArePartedByABlankLine()
    {
        using var stream = new MemoryStream();
        await using (var csv = new SpreadsheetCsv(stream))
        {
            await csv.WriteLineAsync("Received", "Donor", "Amount");
            await csv.WriteLineAsync("2024-01-02", "Ada", "10.00");
            await csv.WriteBlankLineAsync();
            await csv.WriteLineAsync("Totals", "Gifts");
        }

        Assert.Equal("Received,Donor,Amount\r\n2024-01-02,Ada,10.00\r\n\r\nTotals,Gifts\r\n", Encoding.UTF8.GetString(stream.ToArray()));
    }
}
