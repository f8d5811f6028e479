using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Records.Web.Infrastructure;

namespace Records.Tests.Accounts;

/// <summary>The benchmark harness may move the app's clock to a generated database's last day; nothing else may.</summary>
public class BenchmarkClockTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void TheSettingIsRefusedOutsideTheBenchmarkEnvironment(string environment)
    {
        var e = Assert.Throws<SettingException>(() => BenchmarkClock.Choose(Settings("2026-11-01T17:00:00Z"), new HostingEnvironment { EnvironmentName = environment }));

        Assert.Contains(BenchmarkClock.Setting, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheSettingTheAppReadsTheSystemClock()
    {
        Assert.Same(TimeProvider.System, BenchmarkClock.Choose(Settings(null), new HostingEnvironment { EnvironmentName = "Production" }));
    }

    [Fact]
    public void InTheBenchmarkEnvironmentTheClockStartsAtTheSettingAndRuns()
    {
        var clock = BenchmarkClock.Choose(Settings("2026-11-01T17:00:00Z"), new HostingEnvironment { EnvironmentName = BenchmarkClock.Environment });

        var now = clock.GetUtcNow();
        Assert.InRange(now, new DateTimeOffset(2026, 11, 1, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 17, 1, 0, TimeSpan.Zero));
    }

    [Fact]
    public void AnInstantThatDoesNotParseIsRefused()
    {
        Assert.Throws<SettingException>(() => BenchmarkClock.Choose(Settings("first of November"), new HostingEnvironment { EnvironmentName = BenchmarkClock.Environment }));
    }

    private static IConfiguration Settings(string? startsAt) =>
        new ConfigurationBuilder().AddInMemoryCollection(startsAt is null ? [] : [new(BenchmarkClock.Setting, startsAt)]).Build();
}
