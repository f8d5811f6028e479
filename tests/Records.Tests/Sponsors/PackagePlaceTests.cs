using Records.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Records.Core.Sponsors;
using Records.Tests.Mail;

namespace Records.Tests.Sponsors;

/// <summary>Many people taking a package's last places at once, each on their own connection to a real SQLite file.</summary>
public class PackagePlaceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static async Task<(int Sponsor, int Program, SponsorPackage Package)> PackageAsync(TestDatabase database, int capacity, int taken)
    {
        await using var db = database.Open();
        var program = new SponsorProgram { Name = "PyPI/Packaging" };
        var package = new SponsorPackage { Program = program, Name = "Diamond", Year = 2026, PriceMinor = 5_000_000, Currency = "USD", Capacity = capacity };
        var sponsor = new Sponsor { Name = "Existing" };
        db.AddRange(program, package, sponsor);
        for (var i = 0; i < taken; i++) db.Sponsorships.Add(Applied(sponsor, program, package));
        await db.SaveChangesAsync();
        return (sponsor.Id, program.Id, package);
    }

    private static Sponsorship Applied(Sponsor sponsor, SponsorProgram program, SponsorPackage package) => new()
    {
        Sponsor = sponsor, Program = program, Package = package, Currency = "USD", StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 12, 31),
        FeeMinor = package.PriceMinor,
    };

    [Fact]
    public async Task TwentyPeopleAfterTheLastTwoPlacesGetExactlyTwoAndTheOthersAreToldItIsFull()
    {
        var database = await fixture.CreateDatabaseAsync();
        var (_, programId, package) = await PackageAsync(database, capacity: 5, taken: 3);

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(async () =>
        {
            await using var db = database.Open();
            var mine = await db.SponsorPackages.SingleAsync(k => k.Id == package.Id);
            db.Sponsorships.Add(new Sponsorship
            {
                Sponsor = new Sponsor { Name = $"Sponsor {i}" }, ProgramId = programId, PackageId = mine.Id, Currency = "USD",
                StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 12, 31), FeeMinor = mine.PriceMinor,
            });
            return await PackageCapacity.SaveTakingPlaceAsync(db, mine, null);
        })));

        Assert.Equal(2, results.Count(r => r is null));
        Assert.All(results.Where(r => r is not null), r => Assert.Equal("The Diamond 2026 package is full: it takes 5 sponsors and has 5.", r));
        await using var check = database.Open();
        Assert.Equal(5, await check.Sponsorships.CountAsync(s => s.PackageId == package.Id));
        Assert.Equal(2, await check.Sponsors.CountAsync(s => s.Name.StartsWith("Sponsor ")));
    }

    [Fact]
    public async Task ARejectedApplicationFreesItsPlaceForTheNext()
    {
        var database = await fixture.CreateDatabaseAsync();
        var (sponsorId, programId, package) = await PackageAsync(database, capacity: 1, taken: 1);
        await using var db = database.Open();
        await db.Sponsorships.Where(s => s.PackageId == package.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SponsorshipStatus.Rejected));
        var mine = await db.SponsorPackages.SingleAsync(k => k.Id == package.Id);
        db.Sponsorships.Add(new Sponsorship
        {
            SponsorId = sponsorId, ProgramId = programId, PackageId = mine.Id, Currency = "USD", StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 12, 31),
        });

        Assert.Null(await PackageCapacity.SaveTakingPlaceAsync(db, mine, null));
        Assert.Equal(2, await db.Sponsorships.CountAsync(s => s.PackageId == package.Id));
    }
}
