using Records.Core.Text;

namespace Records.Tests.Text;

public class CsvCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    public void CellsASpreadsheetWouldRunAsAFormulaStartWithAQuote(string value, string expected) =>
        Assert.Equal(expected, CsvCells.Escape(value));

    [Theory]
    [InlineData("Ada Lovelace", "Ada Lovelace")]
    [InlineData("Smith, Jane", "\"Smith, Jane\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("a-b=c", "a-b=c")]
    [InlineData(null, "")]
    [InlineData("", "")]
    public void OrdinaryCellsAreLeftAloneOrQuoted(string? value, string expected) =>
        Assert.Equal(expected, CsvCells.Escape(value));

    [Fact]
    public void ALineJoinsEscapedCellsWithCommas() =>
        Assert.Equal("2024-01-02,'=1+1,\"a,b\",", CsvCells.Line("2024-01-02", "=1+1", "a,b", null));
}
