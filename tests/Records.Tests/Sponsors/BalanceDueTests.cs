using Records.Core.Sponsors;

namespace Records.Tests.Sponsors;

public class BalanceDueTests
{
    [Fact]
    public void TheBalanceIsTheFeeLessWhatWasPaid() => Assert.Equal(1_000_000, BalanceDue.Of(3_000_000, 2_000_000, SponsorshipStatus.Finalized));

    [Fact]
    public void AnOverpaymentLeavesNothingDue() => Assert.Equal(0, BalanceDue.Of(3_000_000, 3_500_000, SponsorshipStatus.Approved));

    [Fact]
    public void NothingIsDueOnARejectedSponsorshipOrAnUnstatedFee()
    {
        Assert.Null(BalanceDue.Of(3_000_000, 0, SponsorshipStatus.Rejected));
        Assert.Null(BalanceDue.Of(null, 0, SponsorshipStatus.Finalized));
    }
}
