using Records.Core.Calendar;

namespace Records.Tests.Core;

public class YearQuarterTests
{
    [Fact]
    public void RoundsReportsAndPostsNameTheQuarterFirstAwardsAndTheRosterTheYear()
    {
        Assert.Equal("Q1 2026", new YearQuarter(2026, 1).Name);
        Assert.Equal("Q1 2026", new YearQuarter(2026, 1).ToString());
        Assert.Equal("2026 Q1", new YearQuarter(2026, 1).YearFirstName);
    }

    [Theory]
    [InlineData(2025, 4, 2026, 1)]
    [InlineData(2026, 1, 2026, 2)]
    [InlineData(2026, 3, 2026, 4)]
    public void NextAndPreviousCrossTheYearEnd(int year, int quarter, int nextYear, int nextQuarter)
    {
        Assert.Equal(new YearQuarter(nextYear, nextQuarter), new YearQuarter(year, quarter).Next);
        Assert.Equal(new YearQuarter(year, quarter), new YearQuarter(nextYear, nextQuarter).Previous);
    }

    [Fact]
    public void QuartersAreCountedAndMovedAcrossYears()
    {
        Assert.Equal(3, new YearQuarter(2025, 3).QuartersUntil(new YearQuarter(2026, 2)));
        Assert.Equal(new YearQuarter(2026, 2), new YearQuarter(2025, 3).Plus(3));
        Assert.Equal(new YearQuarter(2025, 4), new YearQuarter(2026, 1).Plus(-1));
    }

    [Theory]
    [InlineData("2026-01-01", 2026, 1)]
    [InlineData("2026-03-31", 2026, 1)]
    [InlineData("2026-04-01", 2026, 2)]
    [InlineData("2026-12-31", 2026, 4)]
    public void ADayFallsInItsCalendarQuarter(string day, int year, int quarter) =>
        Assert.Equal(new YearQuarter(year, quarter), YearQuarter.Of(DateOnly.Parse(day)));

    [Fact]
    public void DaysOfTheQuarter()
    {
        var q4 = new YearQuarter(2026, 4);
        Assert.Equal(new DateOnly(2026, 10, 1), q4.FirstDay);
        Assert.Equal(new DateOnly(2026, 12, 31), q4.LastDay);
        Assert.Equal(new DateOnly(2026, 11, 20), q4.CutOff);
        Assert.Equal(new DateOnly(2026, 12, 20), q4.ReviewEnds);
        Assert.Equal(new DateOnly(2026, 3, 31), new YearQuarter(2026, 1).LastDay);
    }

    [Fact]
    public void QuartersCompareInTimeOrder()
    {
        Assert.True(new YearQuarter(2025, 4) < new YearQuarter(2026, 1));
        Assert.True(new YearQuarter(2026, 2) >= new YearQuarter(2026, 2));
        Assert.Equal([new YearQuarter(2025, 4), new YearQuarter(2026, 1), new YearQuarter(2026, 3)],
            new[] { new YearQuarter(2026, 3), new YearQuarter(2025, 4), new YearQuarter(2026, 1) }.Order());
    }

    [Theory]
    [InlineData("Q1 2020", 2020, 1)]
    [InlineData(" q4  2019 ", 2019, 4)]
    [InlineData("2020-3", 2020, 3)]
    public void ReadsTheQuarterAsTheListsWriteIt(string text, int year, int quarter)
    {
        Assert.True(YearQuarter.TryParse(text, out var read));
        Assert.Equal(new YearQuarter(year, quarter), read);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Q5 2020")]
    [InlineData("2020 Q1")]
    [InlineData("Q1 1820")]
    public void RefusesAnythingElse(string? text) => Assert.False(YearQuarter.TryParse(text, out _));
}
