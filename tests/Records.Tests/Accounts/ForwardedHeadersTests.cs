using System.Net;
using Records.Tests.Nominations;

namespace Records.Tests.Accounts;

/// <summary>Rate limits count the address that really connected; X-Forwarded-For is believed only from a named proxy.</summary>
public class ForwardedHeadersTests(ForwardedHeadersTests.App app) : IClassFixture<ForwardedHeadersTests.App>
{
    public class App : AccountsApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Records:Nominations:PerAddressPerHour"] = "1",
            ["Records:WorkGroupListAddress"] = NominateApp.ListAddress,
        };
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("203.0.113.5")]
    public async Task WithNoProxyNamedASpoofedForwardedForDoesNotEscapeTheLimit(string peer)
    {
        var first = await app.From(peer, forwardedFor: "198.51.100.1").SendAsync(Nominate.Form($"first-{peer.Replace(':', 'x')}@example.org"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await app.From(peer, forwardedFor: "198.51.100.2").SendAsync(Nominate.Form($"second-{peer.Replace(':', 'x')}@example.org"));

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }
}

public class NamedProxyTests(NamedProxyTests.App app) : IClassFixture<NamedProxyTests.App>
{
    public class App : AccountsApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Records:Nominations:PerAddressPerHour"] = "1",
            ["Records:WorkGroupListAddress"] = NominateApp.ListAddress,
            ["Records:ForwardedHeaders:KnownProxies"] = "10.0.0.5, 10.0.0.6",
        };
    }

    [Fact]
    public async Task ANamedProxyPassesOnEachClientsAddress()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await app.From("10.0.0.5", forwardedFor: "198.51.100.1").SendAsync(Nominate.Form("proxied-one@example.org"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.From("10.0.0.5", forwardedFor: "198.51.100.2").SendAsync(Nominate.Form("proxied-two@example.org"))).StatusCode);

        // The first client again, through the other proxy: still that client's one nomination an hour.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.From("10.0.0.6", forwardedFor: "198.51.100.1").SendAsync(Nominate.Form("proxied-three@example.org"))).StatusCode);
    }

    [Fact]
    public async Task AnAddressThatIsNotANamedProxyIsNotBelieved()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await app.From("127.0.0.1", forwardedFor: "198.51.100.50").SendAsync(Nominate.Form("local-one@example.org"))).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.From("127.0.0.1", forwardedFor: "198.51.100.51").SendAsync(Nominate.Form("local-two@example.org"))).StatusCode);
    }
}
