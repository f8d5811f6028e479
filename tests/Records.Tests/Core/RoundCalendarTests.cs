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
        Assert.Equal((year, quarter), RoundCalendar.RoundFor(DateOnly.Parse(received)));

    [Fact]
    public void CutOffAndReviewEndAreTheTwentiethOfTheSecondAndThirdMonths()
    {
        Assert.Equal(new DateOnly(2020, 5, 20), RoundCalendar.CutOff(2020, 2));
        Assert.Equal(new DateOnly(2020, 12, 20), RoundCalendar.ReviewEnds(2020, 4));
        Assert.Equal(new DateOnly(2020, 5, 20), RoundCalendar.NextCutOff(new DateOnly(2020, 4, 6)));
    }
}
