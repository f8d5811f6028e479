using Records.Core.Calendar;
using Records.Core.Nominations;

namespace Records.Tests.Core;

public class RoundCalendarTests
{
    [Theory]
    [InlineData("2020-02-20", 2020, 1)]
    [InlineData("2020-02-21", 2020, 2)]
    [InlineData("2020-01-01", 2020, 1)]
    [InlineData("2020-05-20", 2020, 2)]
    [InlineData("2020-11-20", 2020, 4)]
    [InlineData("2020-11-21", 2021, 1)]
    [InlineData("2020-12-31", 2021, 1)]
    public void NominationJoinsTheRoundWhoseCutOffItMeets(string received, int year, int quarter) =>
        Assert.Equal(new YearQuarter(year, quarter), RoundCalendar.RoundFor(DateOnly.Parse(received)));

    [Fact]
    public void CutOffAndReviewEndAreTheTwentiethOfTheSecondAndThirdMonths()
    {
        Assert.Equal(new DateOnly(2020, 5, 20), new YearQuarter(2020, 2).CutOff);
        Assert.Equal(new DateOnly(2020, 12, 20), new YearQuarter(2020, 4).ReviewEnds);
        Assert.Equal(new DateOnly(2020, 5, 20), RoundCalendar.NextCutOff(new DateOnly(2020, 4, 6)));
    }
}

public class RoundCalendarZoneTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2026-02-20T23:59:59-05:00", 2026, 1)]
    [InlineData("2026-02-21T00:00:00-05:00", 2026, 2)]
    [InlineData("2026-02-21T04:59:59Z", 2026, 1)]
    [InlineData("2026-02-21T05:00:00Z", 2026, 2)]
    [InlineData("2026-08-21T03:59:00Z", 2026, 3)]
    [InlineData("2026-08-21T04:00:00Z", 2026, 4)]
    [InlineData("2026-11-20T12:00:00-05:00", 2026, 4)]
    [InlineData("2026-11-21T00:00:01-05:00", 2027, 1)]
    [InlineData("2027-01-01T04:59:59Z", 2027, 1)]
    [InlineData("2026-12-31T23:59:59-05:00", 2027, 1)]
    public void TheDayIsReadInTheFoundationsZone(string instant, int year, int quarter) =>
        Assert.Equal(new YearQuarter(year, quarter), RoundCalendar.RoundFor(DateTimeOffset.Parse(instant), NewYork));
}
