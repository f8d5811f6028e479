using Records.Core.Data;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Data;

/// <summary>A kept result is read again until a save moves its data version, and then computed afresh.</summary>
public class VersionedCacheTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static async Task<List<string>> SponsorNamesAsync(VersionedCache cache, TestDatabase database)
    {
        await using var db = database.Open();
        return await cache.GetAsync(db, DataVersions.Finance, "names",
            ct => Task.FromResult(db.Sponsors.OrderBy(s => s.Name).Select(s => s.Name).ToList()), CancellationToken.None);
    }

    private static async Task AddSponsorAsync(TestDatabase database, string name)
    {
        await using var db = database.Open();
        db.Sponsors.Add(new Sponsor { Name = name });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task AResultIsReadAgainUntilASaveMovesItsVersion()
    {
        var database = await fixture.CreateDatabaseAsync();
        var cache = new VersionedCache();
        await AddSponsorAsync(database, "Anaconda");

        Assert.Equal(["Anaconda"], await SponsorNamesAsync(cache, database));
        Assert.Equal(["Anaconda"], await SponsorNamesAsync(cache, database));
        Assert.Equal(1, cache.Computations);

        await AddSponsorAsync(database, "Bloomberg");

        Assert.Equal(["Anaconda", "Bloomberg"], await SponsorNamesAsync(cache, database));
        Assert.Equal(2, cache.Computations);
    }

    [Fact]
    public async Task OnlyTheCapacityIsKeptAndTheLeastRecentlyReadGoesFirst()
    {
        var database = await fixture.CreateDatabaseAsync();
        var cache = new VersionedCache(capacity: 2);
        await using var db = database.Open();
        Task<string> Get(string key) => cache.GetAsync(db, DataVersions.Finance, key, _ => Task.FromResult(key), CancellationToken.None);

        await Get("a");
        await Get("b");
        await Get("a");
        await Get("c");
        Assert.Equal(3, cache.Computations);

        await Get("a");
        Assert.Equal(3, cache.Computations);
        await Get("b");
        Assert.Equal(4, cache.Computations);
    }

    [Fact]
    public async Task AFailedComputationIsNotKept()
    {
        var database = await fixture.CreateDatabaseAsync();
        var cache = new VersionedCache();
        await using var db = database.Open();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.GetAsync<string>(db, DataVersions.Finance, "k", _ => throw new InvalidOperationException("no"), CancellationToken.None));

        Assert.Equal("yes", await cache.GetAsync(db, DataVersions.Finance, "k", _ => Task.FromResult("yes"), CancellationToken.None));
    }
}
