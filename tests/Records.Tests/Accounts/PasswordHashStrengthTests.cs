using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;

namespace Records.Tests.Accounts;

/// <summary>The app's own hashing strength, which the other test hosts turn down to save time.</summary>
public class PasswordHashStrengthTests(PasswordHashStrengthTests.App app) : IClassFixture<PasswordHashStrengthTests.App>
{
    public sealed class App : RecordsApp
    {
        protected override int? PasswordHashRounds => null;
    }

    [Fact]
    public async Task PasswordsAreStoredAsPbkdf2WithAtLeastAHundredThousandRounds()
    {
        await app.CreateUserAsync("strength@example.org", "Strength-test-heron-2026", "Staff");

        var stored = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "strength@example.org").Select(u => u.PasswordHash).SingleAsync());
        var hash = Convert.FromBase64String(stored!);

        // Identity's version 3 format: a marker byte, then the PRF, the rounds and the salt's length, each big-endian.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)));
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)) >= 100_000);
        var client = app.Browser();
        await client.LoginAsync("strength@example.org", "Strength-test-heron-2026");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
