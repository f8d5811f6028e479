using Records.Core.Amounts;

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

    [Theory]
    [InlineData("3", "JPY", 3L)]
    [InlineData("3.00", "JPY", 3L)]
    [InlineData("3.20", "USD", 320L)]
    [InlineData("1.234", "KWD", 1_234L)]
    [InlineData("0.125", "KWD", 125L)]
    [InlineData("1,500.5", "EUR", 150_050L)]
    [InlineData("-2.50", "USD", -250L)]
    [InlineData("1 500", "CHF", 150_000L)]
    [InlineData("20 USD", "USD", 2_000L)]
    public void ReadsAnAmountInItsCurrency(string text, string currency, long expected) =>
        Assert.Equal(new MoneyReading(expected, null), MoneyText.Read(text, currency));

    [Theory]
    [InlineData("3.20", "JPY", "JPY has no minor unit: write 3 or 4, not 3.20.")]
    [InlineData("1.005", "USD", "USD has 2 decimals: write 1.00 or 1.01, not 1.005.")]
    [InlineData("1.2345", "KWD", "KWD has 3 decimals: write 1.234 or 1.235, not 1.2345.")]
    [InlineData("3,20", "EUR", "Write the decimals after a point, such as 250 or 99.50: a comma only separates thousands (1,500).")]
    [InlineData("12345678901234567890123456789", "USD", "“12345678901234567890123456789” has more digits than any amount Records keeps: check it.")]
    [InlineData("10000000000", "USD", "“10000000000” is more than any amount Records keeps: the largest is 9,999,999,999.99 USD.")]
    [InlineData("-10,000,000,000.00", "USD", "“-10,000,000,000.00” is more than any amount Records keeps: the largest is 9,999,999,999.99 USD.")]
    [InlineData("1000000000000", "JPY", "“1000000000000” is more than any amount Records keeps: the largest is 999,999,999,999 JPY.")]
    [InlineData("twelve", "USD", "“twelve” is not an amount: write it in USD like 250 or 99.50.")]
    [InlineData(".", "USD", "“.” is not an amount: write it in USD like 250 or 99.50.")]
    [InlineData("", "JPY", "Enter an amount in JPY, such as 250 or 1,500.")]
    public void RefusesWhatTheCurrencyCannotHoldWithTheReason(string text, string currency, string error) =>
        Assert.Equal(new MoneyReading(null, error), MoneyText.Read(text, currency));

    [Fact]
    public void EveryCurrencyWithoutOrWithThreeDecimalsIsKnownAndAtMostFifteenDigitsFitALong()
    {
        Assert.All(Money.ZeroDecimals.Concat(Money.ThreeDecimals), c => Assert.True(Currencies.IsKnown(c), c));
        Assert.Null(MoneyText.Read("9999999999999.99", "USD").Minor);
        Assert.Null(MoneyText.Read("99999999999999.99", "USD").Minor);
    }

    [Fact]
    public void TheLargestAmountIsReadAndNineMillionOfThemStillSumInALong()
    {
        Assert.Equal(new MoneyReading(MoneyText.MaxMinor, null), MoneyText.Read("9,999,999,999.99", "USD"));
        Assert.Equal(new MoneyReading(MoneyText.MaxMinor, null), MoneyText.Read("999999999999", "JPY"));
        Assert.True(MoneyText.MaxMinor < long.MaxValue / 9_000_000);
    }
}
