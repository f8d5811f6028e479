using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Records.Core.Accounts;
using Records.Tests.Infrastructure;

namespace Records.Tests.Accounts;

public class LoginThrottleTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const string Password = "Quiet-harbour-lantern-58";
    private const string Refusal = "That email and password do not match an account that can log in.";

    [Fact]
    public async Task UnknownLockedAndDisabledAccountsGetTheSameAnswerAfterTheSameWork()
    {
        await app.CreateUserAsync("known@example.org", Password, "Staff");
        await app.CreateUserAsync("disabled@example.org", Password, "Staff");
        await app.CreateUserAsync("locked@example.org", Password, "Staff");
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var disabled = (await users.FindByEmailAsync("disabled@example.org"))!;
            disabled.DisabledAt = app.Clock.GetUtcNow().UtcDateTime;
            disabled.LockoutEnd = DateTimeOffset.MaxValue;
            await users.UpdateAsync(disabled);
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("locked@example.org"))!, app.Clock.GetUtcNow().AddYears(1));
        }

        var attempts = new (string Email, string Password)[]
        {
            ("nobody-here@example.org", Password),
            ("known@example.org", "Wrong-harbour-lantern-58"),
            ("disabled@example.org", Password),
            ("locked@example.org", Password),
        };
        foreach (var (email, password) in attempts)
        {
            var client = app.From("192.0.2.10");
            await client.GetPageAsync("/Account/Login");
            app.Hasher.Reset();

            var response = await client.TryAsync(email, password);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await response.ReadPageAsync();
            Assert.Equal(Refusal, page.FieldError("Input.Password"));
            Assert.Null(page.FieldError("Input.Email"));
            // One password hash checked, whether or not the account exists or may log in: the time does not tell them apart.
            Assert.True(app.Hasher.Verified == 1, $"{email}: {app.Hasher.Verified} hashes checked");
        }
    }

    [Fact]
    public async Task FiveWrongPasswordsFromOneAddressDoNotLockTheAdminOutElsewhere()
    {
        var attacker = app.From("203.0.113.66");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await attacker.TryAsync("admin@records.local", $"Guess-number-{i}-2026")).StatusCode);
        }

        var blocked = await attacker.TryAsync("admin@records.local", Records.Web.Infrastructure.AppStartup.DevelopmentPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.StartsWith("Too many failed attempts", (await blocked.ReadPageAsync()).FieldError("Input.Password"));

        await app.From("198.51.100.7").LoginAsRoleAsync("Admin");

        app.Clock.Now += TimeSpan.FromMinutes(16);
        await attacker.LoginAsRoleAsync("Admin");
    }

    [Fact]
    public async Task AnUnknownEmailIsHeldBackExactlyAsAKnownOneIs()
    {
        var client = app.From("203.0.113.80");
        for (var i = 0; i < 5; i++)
        {
            await client.TryAsync("staff@records.local", $"Guess-number-{i}-2026");
            await client.TryAsync("no-such-staff@records.local", $"Guess-number-{i}-2026");
        }

        var known = await client.TryAsync("staff@records.local", "Guess-again-2026");
        var unknown = await client.TryAsync("no-such-staff@records.local", "Guess-again-2026");

        Assert.Equal(HttpStatusCode.TooManyRequests, known.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, unknown.StatusCode);
        Assert.Equal((await known.ReadPageAsync()).FieldError("Input.Password"), (await unknown.ReadPageAsync()).FieldError("Input.Password"));
    }

    [Fact]
    public async Task OneAddressTryingManyAccountsIsHeldBackWithA429()
    {
        var sprayer = app.From("203.0.113.99");
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await sprayer.TryAsync($"guess{i:00}@records.local", "Spray-password-2026")).StatusCode);
        }

        var refused = await sprayer.TryAsync("board@records.local", Records.Web.Infrastructure.AppStartup.DevelopmentPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.StartsWith("Too many failed logins from your network address", (await refused.ReadPageAsync()).FieldError("Input.Password"));
        await app.From("198.51.100.20").LoginAsRoleAsync("Board");

        app.Clock.Now += TimeSpan.FromMinutes(16);
        await sprayer.LoginAsRoleAsync("Board");
    }
}
