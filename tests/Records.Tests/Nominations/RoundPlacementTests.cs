using Records.Core.Calendar;
using Records.Core.Nominations;

namespace Records.Tests.Nominations;

public class RoundPlacementTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static KnownRound Row(int year, int quarter, string? cutOff = null, RoundStatus status = RoundStatus.Upcoming) =>
        new(year, quarter, cutOff is null ? new YearQuarter(year, quarter).CutOff : DateOnly.Parse(cutOff), status);

    private static YearQuarter Place(string date, params KnownRound[] known) => RoundPlacement.For(DateOnly.Parse(date), known);

    [Theory]
    [InlineData("2027-02-20", 2027, 1)]
    [InlineData("2027-02-21", 2027, 2)]
    [InlineData("2027-05-20", 2027, 2)]
    [InlineData("2027-11-20", 2027, 4)]
    [InlineData("2027-11-21", 2028, 1)]
    [InlineData("2027-12-31", 2028, 1)]
    [InlineData("2028-01-01", 2028, 1)]
    public void WithoutRoundRowsTheCalendarDecides(string received, int year, int quarter) =>
        Assert.Equal(new YearQuarter(year, quarter), Place(received));

    [Fact]
    public void RowsWithTheCalendarsDatesChangeNothing() =>
        Assert.Equal(new YearQuarter(2027, 2), Place("2027-05-20", Row(2027, 1), Row(2027, 2), Row(2027, 3)));

    [Fact]
    public void CutOffMovedEarlierSendsTheNominationToTheNextRound() =>
        Assert.Equal(new YearQuarter(2027, 3), Place("2027-05-20", Row(2027, 2, "2027-05-19")));

    [Fact]
    public void ReceivedOnAMovedCutOffStillJoinsThatRound() =>
        Assert.Equal(new YearQuarter(2027, 2), Place("2027-05-15", Row(2027, 2, "2027-05-15")));

    [Fact]
    public void PreviousRoundWithItsCutOffMovedLaterKeepsTakingNominations()
    {
        Assert.Equal(new YearQuarter(2027, 1), Place("2027-02-25", Row(2027, 1, "2027-02-25")));
        Assert.Equal(new YearQuarter(2027, 2), Place("2027-02-26", Row(2027, 1, "2027-02-25")));
    }

    [Fact]
    public void ClosedPreviousRoundTakesNothingEvenBeforeItsMovedCutOff() =>
        Assert.Equal(new YearQuarter(2027, 2), Place("2027-02-22", Row(2027, 1, "2027-02-25", RoundStatus.Closed)));

    [Fact]
    public void OpenPreviousRoundBeforeItsMovedCutOffTakesTheNomination() =>
        Assert.Equal(new YearQuarter(2027, 1), Place("2027-02-22", Row(2027, 1, "2027-02-25", RoundStatus.Open)));

    [Fact]
    public void ClosedNaturalRoundSendsTheNominationOn() =>
        Assert.Equal(new YearQuarter(2027, 3), Place("2027-05-10", Row(2027, 2, status: RoundStatus.Closed)));

    [Fact]
    public void MovedCutOffInTheLastQuarterSendsTheNominationIntoNextYear() =>
        Assert.Equal(new YearQuarter(2028, 1), Place("2027-11-20", Row(2027, 4, "2027-11-18")));

    [Fact]
    public void EveryRoundThatCannotTakeItIsPassedOver() =>
        Assert.Equal(new YearQuarter(2028, 2), Place("2027-11-20", Row(2027, 4, "2027-11-18"), Row(2028, 1, status: RoundStatus.Closed)));

    [Fact]
    public void PreviousRoundInTheYearBeforeIsConsideredAtYearEnd() =>
        Assert.Equal(new YearQuarter(2027, 4), Place("2027-12-02", Row(2027, 4, "2027-12-05")));

    [Theory]
    [InlineData("2027-02-20T23:59:59-05:00", 2027, 1)]
    [InlineData("2027-02-21T00:00:00-05:00", 2027, 2)]
    [InlineData("2027-02-21T04:59:59Z", 2027, 1)]
    [InlineData("2027-02-21T05:00:00Z", 2027, 2)]
    [InlineData("2027-08-21T03:59:59Z", 2027, 3)]
    [InlineData("2027-08-21T04:00:00Z", 2027, 4)]
    [InlineData("2027-12-31T23:59:59-05:00", 2028, 1)]
    [InlineData("2028-01-01T04:59:59Z", 2028, 1)]
    public void TheDayIsReadInTheFoundationsZone(string instant, int year, int quarter) =>
        Assert.Equal(new YearQuarter(year, quarter), RoundPlacement.For(DateTimeOffset.Parse(instant), NewYork, []));

    [Theory]
    [InlineData("2027-05-18T03:59:59Z", 2027, 2)]
    [InlineData("2027-05-18T04:00:00Z", 2027, 3)]
    public void AMovedCutOffEndsAtMidnightInTheFoundationsZone(string instant, int year, int quarter) =>
        Assert.Equal(new YearQuarter(year, quarter), RoundPlacement.For(DateTimeOffset.Parse(instant), NewYork, [Row(2027, 2, "2027-05-17")]));
}
