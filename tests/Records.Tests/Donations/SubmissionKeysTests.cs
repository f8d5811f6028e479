using Records.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Records.Core.People;
using Records.Core.Donations;
using Records.Tests.Mail;

namespace Records.Tests.Donations;

/// <summary>A form that creates a gift carries a one-time key; the database keeps one gift per key, whoever posts it.</summary>
public class SubmissionKeysTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static Donation Gift(Guid? key) => new()
    {
        Person = new Person { Name = "Keyed Donor", CreatedAt = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc) },
        Currency = "USD", AmountMinor = 10_00, ReceivedOn = new DateOnly(2026, 1, 1), SubmissionKey = key,
    };

    [Fact]
    public async Task ASecondGiftWithTheSameKeyIsRefusedAndTheFirstIsFoundByIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await databases.CreateDatabaseAsync();
        var key = Guid.NewGuid();
        await using (var db = database.Open())
        {
            db.Donations.Add(Gift(key));
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.Open())
        {
            db.Donations.Add(Gift(key));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }

        await using (var db = database.Open())
        {
            Assert.Equal(1, await db.Donations.CountAsync(d => d.SubmissionKey == key, ct));
        }
    }

    [Fact]
    public async Task GiftsWithoutAKeyAreNotHeldToOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await databases.CreateDatabaseAsync();
        await using var db = database.Open();

        db.Donations.AddRange(Gift(null), Gift(null));
        await db.SaveChangesAsync(ct);

        Assert.Equal(2, await db.Donations.CountAsync(d => d.SubmissionKey == null, ct));
    }

    [Fact]
    public async Task OnlyOneOfManySimultaneousSavesOfAKeyIsKept()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await databases.CreateDatabaseAsync();
        var key = Guid.NewGuid();

        var saves = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var db = database.Open();
            db.Donations.Add(Gift(key));
            try { await db.SaveChangesAsync(ct); return true; }
            catch (DbUpdateException) { return false; }
        }, ct)));

        Assert.Single(saves, saved => saved);
        await using var check = database.Open();
        Assert.Equal(1, await check.Donations.CountAsync(d => d.SubmissionKey == key, ct));
    }
}
