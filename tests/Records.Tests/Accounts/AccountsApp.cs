using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Records.Core.Accounts;
using Records.Tests.Infrastructure;
using Records.Tests.Nominations;

namespace Records.Tests.Accounts;

/// <summary>
/// The app for sign-in tests: a clock the test moves, each request's network address taken from the test's
/// <see cref="PeerHeader"/> (the test server has none of its own), and a count of password hashes checked.
/// </summary>
public class AccountsApp : RecordsApp
{
    public const string PeerHeader = "X-Test-Peer";

    public TestClock Clock { get; } = new(DateTimeOffset.Parse("2027-03-01T12:00:00Z"));

    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
            services.AddSingleton<IStartupFilter, PeerAddress>();
        });
    }

    /// <summary>A client whose requests come from this network address.</summary>
    public HttpClient From(string address, string? forwardedFor = null)
    {
        var client = Browser();
        client.DefaultRequestHeaders.Add(PeerHeader, address);
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    /// <summary>Runs before the app's own middleware, as the server's socket would, so forwarded headers see it.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[PeerHeader].FirstOrDefault() ?? "127.0.0.1");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The real hasher, counting how many stored or stand-in hashes a request made it check.</summary>
public sealed class CountingHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> inner = new();
    private int verified;

    public int Verified => Volatile.Read(ref verified);

    public void Reset() => Interlocked.Exchange(ref verified, 0);

    public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verified);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public static class Login
{
    public static Task<HttpResponseMessage> TryAsync(this HttpClient client, string email, string password) =>
        client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>The auth cookie the login response set, as "name=value", to replay from another client.</summary>
    public static string AuthCookie(HttpResponseMessage login) =>
        login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.Split('=')[0].EndsWith("Records.Auth", StringComparison.Ordinal));
}
