using Records.Core.Nominations;

namespace Records.Tests.Nominations;

public class TallyTests
{
    private static Tally Votes(int yes, int no, int abstain) =>
        Tally.Of(Enumerable.Repeat(VoteChoice.Yes, yes).Concat(Enumerable.Repeat(VoteChoice.No, no)).Concat(Enumerable.Repeat(VoteChoice.Abstain, abstain)));

    [Fact]
    public void CountsEachChoice()
    {
        var tally = Votes(3, 2, 4);
        Assert.Equal((3, 2, 4, 9), (tally.Yes, tally.No, tally.Abstain, tally.Counted));
    }

    [Theory]
    [InlineData(3, 2, 0, true)]
    [InlineData(3, 3, 0, false)]
    [InlineData(1, 0, 8, true)]
    [InlineData(0, 0, 5, false)]
    [InlineData(5, 4, 3, true)]
    public void MajorityIsMoreThanHalfOfYesAndNoWithAbstentionsLeftOut(int yes, int no, int abstain, bool accepted) =>
        Assert.Equal(accepted, Votes(yes, no, abstain).IsAccepted(quorum: 1));

    [Fact]
    public void AbstentionsCountTowardsTheQuorum()
    {
        Assert.False(Votes(2, 0, 2).QuorumMet(5));
        Assert.True(Votes(2, 0, 3).QuorumMet(5));
        Assert.True(Votes(2, 0, 3).IsAccepted(5));
    }

    [Fact]
    public void UnanimousYesWithoutQuorumIsNotAccepted() => Assert.False(Votes(4, 0, 0).IsAccepted(5));
}
