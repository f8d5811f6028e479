using Records.Core.Calendar;
using Records.Core.Nominations;

namespace Records.Tests.Nominations;

public class NominationOutcomeTests
{
    private static readonly Tally Rejected = new(1, 4, 0);

    [Fact]
    public void AcceptedWhenTheRuleHoldsWhateverTheAge() =>
        Assert.Equal(Outcome.Accepted, NominationOutcome.Decide(new Tally(4, 1, 0), 5, new(2025, 1), new(2025, 4)));

    [Theory]
    [InlineData(2026, 1, Outcome.CarriedOver)]
    [InlineData(2026, 2, Outcome.CarriedOver)]
    [InlineData(2026, 3, Outcome.CarriedOver)]
    [InlineData(2026, 4, Outcome.Expired)]
    public void NotAcceptedCarriesForFourQuartersThenExpires(int year, int quarter, Outcome expected) =>
        Assert.Equal(expected, NominationOutcome.Decide(Rejected, 5, new(2026, 1), new(year, quarter)));

    [Fact]
    public void CarryOverCountsQuartersAcrossTheYearEnd()
    {
        Assert.Equal(Outcome.Expired, NominationOutcome.Decide(Rejected, 5, new(2025, 3), new(2026, 2)));
        Assert.Equal(Outcome.CarriedOver, NominationOutcome.Decide(Rejected, 5, new(2025, 4), new(2026, 2)));
    }

    [Fact]
    public void MajorityWithoutQuorumCarriesOver() =>
        Assert.Equal(Outcome.CarriedOver, NominationOutcome.Decide(new Tally(3, 0, 0), 5, new(2026, 1), new(2026, 1)));
}
