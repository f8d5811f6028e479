using Records.Web.Infrastructure;

namespace Records.Tests.Donations;

public class SubmissionKeysTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void AKeyIsClaimedOnceThenReportsTheRecordItSaved()
    {
        var keys = new SubmissionKeys(new Clock());
        var key = Guid.NewGuid();

        Assert.Equal(SubmissionKeys.Claim.Claimed, keys.TryClaim(key).Claim);
        Assert.Equal((SubmissionKeys.Claim.InProgress, (int?)null), keys.TryClaim(key));
        keys.Saved(key, 42);
        Assert.Equal((SubmissionKeys.Claim.AlreadySaved, (int?)42), keys.TryClaim(key));
        Assert.Equal(42, keys.Find(key));
        Assert.Null(keys.Find(Guid.NewGuid()));
    }

    [Fact]
    public void AReleasedKeyMayBeClaimedAgain()
    {
        var keys = new SubmissionKeys(new Clock());
        var key = Guid.NewGuid();
        keys.TryClaim(key);

        keys.Release(key);

        Assert.Equal(SubmissionKeys.Claim.Claimed, keys.TryClaim(key).Claim);
    }

    [Fact]
    public void KeysAreForgottenAfterADay()
    {
        var clock = new Clock();
        var keys = new SubmissionKeys(clock);
        var key = Guid.NewGuid();
        keys.TryClaim(key);
        keys.Saved(key, 7);

        clock.Now = clock.Now.AddHours(23);
        Assert.Equal(SubmissionKeys.Claim.AlreadySaved, keys.TryClaim(key).Claim);
        clock.Now = clock.Now.AddHours(2);
        keys.TryClaim(Guid.NewGuid());

        Assert.Null(keys.Find(key));
    }

    [Fact]
    public void OnlyOneOfManySimultaneousPostsClaimsTheKey()
    {
        var keys = new SubmissionKeys(new Clock());
        var key = Guid.NewGuid();

        var claims = Enumerable.Range(0, 64).AsParallel().Select(_ => keys.TryClaim(key).Claim).ToList();

        Assert.Single(claims, c => c == SubmissionKeys.Claim.Claimed);
    }
}
