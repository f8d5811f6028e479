using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.People;
using Records.Tests.Infrastructure;

namespace Records.Tests.Data;

/// <summary>The finance version moves with the saves that change what the financial report reads, and only with those that land.</summary>
public class DataVersionTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static async Task<long> VersionAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await DataVersions.ReadAsync(db, DataVersions.Finance);
    }

    private static Donation Gift(long amountMinor) =>
        new() { IsAnonymous = true, AmountMinor = amountMinor, Currency = "USD", ReceivedOn = new(2025, 1, 2), Channel = DonationChannel.Card };

    [Fact]
    public async Task AMigratedDatabaseStartsAtZeroAndEachSaveOfAGiftAddsOne()
    {
        var database = await fixture.CreateDatabaseAsync();
        Assert.Equal(0, await VersionAsync(database));

        await using (var db = database.Open())
        {
            db.Donations.Add(Gift(10_00));
            await db.SaveChangesAsync();
            db.Donations.Add(Gift(20_00));
            db.Donations.Add(Gift(30_00));
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await VersionAsync(database));
    }

    [Fact]
    public async Task ASaveThatFailsOrATransactionRolledBackLeavesTheVersion()
    {
        var database = await fixture.CreateDatabaseAsync();

        await using (var db = database.Open())
        {
            db.Donations.Add(Gift(10_00));
            db.Donations.Add(Gift(0));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        await using (var db = database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Donations.Add(Gift(10_00));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await VersionAsync(database));
    }

    [Fact]
    public async Task ASaveOfRecordsTheReportDoesNotReadLeavesTheVersion()
    {
        var database = await fixture.CreateDatabaseAsync();

        await using (var db = database.Open())
        {
            db.People.Add(new Person { Name = "Nora Nominee" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await VersionAsync(database));
    }
}
