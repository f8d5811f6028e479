using Records.Core.Sponsors;
using static Records.Core.Sponsors.ContractStatus;
using static Records.Core.Sponsors.SponsorshipStatus;

namespace Records.Tests.Sponsors;

public class SponsorshipLifecycleTests
{
    public static TheoryData<SponsorshipStatus, SponsorshipStatus> AllowedStatusMoves => new() { { Applied, Approved }, { Applied, Rejected }, { Approved, Finalized } };

    [Theory, MemberData(nameof(AllowedStatusMoves))]
    public void AnAppliedSponsorshipIsDecidedAndAnApprovedOneFinalized(SponsorshipStatus from, SponsorshipStatus to) =>
        Assert.Null(SponsorshipLifecycle.RefuseStatus(from, to));

    [Fact]
    public void EveryOtherStatusMoveIsRefused()
    {
        var allowed = AllowedStatusMoves.Select(row => row.Data).ToHashSet();
        foreach (var from in Enum.GetValues<SponsorshipStatus>())
        foreach (var to in Enum.GetValues<SponsorshipStatus>())
        {
            if (allowed.Contains((from, to))) continue;
            Assert.NotNull(SponsorshipLifecycle.RefuseStatus(from, to));
            Assert.DoesNotContain(to, SponsorshipLifecycle.NextStatuses(from));
        }
    }

    [Fact]
    public void TheRefusalNamesBothStatuses()
    {
        Assert.Equal("A Rejected sponsorship cannot become Finalized.", SponsorshipLifecycle.RefuseStatus(Rejected, Finalized));
        Assert.Equal("An Applied sponsorship cannot become Finalized.", SponsorshipLifecycle.RefuseStatus(Applied, Finalized));
        Assert.Equal("A Finalized sponsorship cannot become Approved.", SponsorshipLifecycle.RefuseStatus(Finalized, Approved));
    }

    [Fact]
    public void AContractIsSignedInOrderAndCanBeNullifiedAndRedrafted()
    {
        Assert.Equal([AwaitingSignature, Nullified], SponsorshipLifecycle.NextContractStatuses(Approved, Draft));
        Assert.Equal([Executed, Nullified], SponsorshipLifecycle.NextContractStatuses(Approved, AwaitingSignature));
        Assert.Equal([Nullified], SponsorshipLifecycle.NextContractStatuses(Finalized, Executed));
        Assert.Equal([Draft], SponsorshipLifecycle.NextContractStatuses(Applied, Nullified));
    }

    [Fact]
    public void AContractCannotSkipOrGoBack()
    {
        Assert.Equal("The contract cannot go from Draft to Executed.", SponsorshipLifecycle.RefuseContract(Approved, Draft, Executed));
        Assert.Equal("The contract cannot go from Awaiting signature to Draft.", SponsorshipLifecycle.RefuseContract(Approved, AwaitingSignature, Draft));
        Assert.NotNull(SponsorshipLifecycle.RefuseContract(Approved, Executed, AwaitingSignature));
        Assert.NotNull(SponsorshipLifecycle.RefuseContract(Approved, Nullified, Executed));
        Assert.NotNull(SponsorshipLifecycle.RefuseContract(Approved, Draft, Draft));
    }

    [Fact]
    public void ARejectedSponsorshipsContractCanOnlyBeNullified()
    {
        Assert.Equal([Nullified], SponsorshipLifecycle.NextContractStatuses(Rejected, Draft));
        Assert.Empty(SponsorshipLifecycle.NextContractStatuses(Rejected, Nullified));
        Assert.Null(SponsorshipLifecycle.RefuseContract(Rejected, AwaitingSignature, Nullified));
        Assert.Contains("Rejected", SponsorshipLifecycle.RefuseContract(Rejected, Draft, AwaitingSignature));
        Assert.NotNull(SponsorshipLifecycle.RefuseContract(Rejected, AwaitingSignature, Executed));
        Assert.NotNull(SponsorshipLifecycle.RefuseContract(Rejected, Nullified, Draft));
    }
}

public class SponsorshipTermsTests
{
    [Fact]
    public void APeriodLastsTwelveMonthsFromItsStart()
    {
        Assert.Equal(new DateOnly(2025, 2, 28), SponsorshipTerms.DefaultEnd(new DateOnly(2024, 3, 1)));
        Assert.Equal(new DateOnly(2024, 12, 31), SponsorshipTerms.DefaultEnd(new DateOnly(2024, 1, 1)));
        Assert.Equal(new DateOnly(2025, 2, 27), SponsorshipTerms.DefaultEnd(new DateOnly(2024, 2, 28)));
    }

    [Fact]
    public void InKindValueNeedsAPackageThatAcceptsItOrNoPackage()
    {
        Assert.True(SponsorshipTerms.InKindAllowed(null));
        Assert.True(SponsorshipTerms.InKindAllowed(new SponsorPackage { Name = "Gold", Currency = "USD", InKindAccepted = true }));
        Assert.False(SponsorshipTerms.InKindAllowed(new SponsorPackage { Name = "Gold", Currency = "USD" }));
    }

    [Fact]
    public void APackageHasRoomUntilItsCapacityIsTaken()
    {
        Assert.True(PackageCapacity.HasRoom(null, 1000));
        Assert.True(PackageCapacity.HasRoom(2, 1));
        Assert.False(PackageCapacity.HasRoom(2, 2));
        Assert.False(PackageCapacity.HasRoom(1, 3));
    }
}
