using Records.Core.Money;

namespace Records.Tests.Core;

public class MoneyTests
{
    [Theory]
    [InlineData(62_700_000L, "USD", false, "$627,000.00")]
    [InlineData(14_171_300L, "USD", true, "$141,713")]
    [InlineData(59_950L, "USD", true, "$599.50")]
    [InlineData(-1_50L, "EUR", false, "-€1.50")]
    [InlineData(1500L, "JPY", false, "1,500 JPY")]
    [InlineData(1234567L, "CHF", false, "12,345.67 CHF")]
    public void FormatsWholeMinorUnits(long minor, string currency, bool dropZero, string expected) =>
        Assert.Equal(expected, new Money(minor, currency).Format(dropZero));

    [Theory]
    [InlineData("1,500", "USD", 150_000L)]
    [InlineData("$20.05", "USD", 2_005L)]
    [InlineData("3750", "USD", 375_000L)]
    [InlineData("1500", "JPY", 1_500L)]
    public void ParsesWhatPeopleType(string text, string currency, long expected)
    {
        Assert.True(Money.TryParse(text, currency, out var minor));
        Assert.Equal(expected, minor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("twelve")]
    [InlineData("1.005")]
    [InlineData("99999999999999999999999")]
    public void RefusesWhatIsNotAnAmount(string text) => Assert.False(Money.TryParse(text, "USD", out _));
}
