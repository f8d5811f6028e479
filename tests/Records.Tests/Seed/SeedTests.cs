using Microsoft.EntityFrameworkCore;
using Records.Core.Budget;
using Records.Core.Fellows;
using Records.Core.Amounts;
using Records.Core.People;
using Records.Core.ServiceAwards;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;
using Records.Web.Infrastructure;

namespace Records.Tests.Seed;

public class SeedTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task TheEightFellowsOfQ1_2020HaveExactlyTheLinksThePostGives()
    {
        var fellows = await app.WithDbAsync(db => db.Fellows.AsNoTracking()
            .Where(f => f.Year == 2020 && f.Quarter == 1).OrderBy(f => f.Position)
            .Select(f => new { f.Person.Name, f.Status, Links = f.Person.Links.OrderBy(l => l.Position).Select(l => l.Kind).ToList() })
            .ToListAsync());

        // From "Python Software Foundation Fellow Members for Q1 2020", April 6, 2020.
        var expected = new (string Name, LinkKind[] Links)[]
        {
            ("Al Sweigart", [LinkKind.Website, LinkKind.Twitter, LinkKind.GitHub]),
            ("Alexandre Savio", [LinkKind.Twitter, LinkKind.Website]),
            ("Darya Chyzhyk", [LinkKind.Twitter, LinkKind.GitHub, LinkKind.LinkedIn]),
            ("Kenneth Love", []),
            ("Kevin O'Brien", [LinkKind.Twitter, LinkKind.GitHub, LinkKind.LinkedIn]),
            ("Serhiy Storchaka", []),
            ("Thea Flowers", [LinkKind.Website, LinkKind.Blog, LinkKind.GitHub]),
            ("Tom Christie", [LinkKind.Website, LinkKind.Twitter]),
        };
        Assert.Equal(expected.Select(e => e.Name), fellows.Select(f => f.Name));
        foreach (var (e, f) in expected.Zip(fellows))
        {
            Assert.Equal(e.Links, f.Links);
            Assert.Equal(FellowStatus.Active, f.Status);
        }
        var round = await app.WithDbAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Year == 2020 && r.Quarter == 1));
        Assert.Equal(new DateOnly(2020, 2, 20), round.CutOff);
        Assert.Equal(new DateOnly(2020, 3, 20), round.ReviewEnds);
    }

    [Fact]
    public async Task JohnRoaHoldsThe2018Q4CommunityServiceAward()
    {
        var award = await app.WithDbAsync(db => db.ServiceAwards.AsNoTracking().Include(a => a.RecipientPerson).SingleAsync());
        Assert.Equal("John Roa", award.RecipientName);
        Assert.Equal("John Roa", award.RecipientPerson!.Name);
        Assert.Equal((2018, 4), (award.Year, award.Quarter));
        Assert.Equal(ServiceAwardStatus.Approved, award.Status);
        Assert.Contains("founder and Conference Chair of PyCon Colombia", award.Reasons);
        Assert.StartsWith("RESOLVED, that the Python Software Foundation award the 2018 Q4 Community Service Award to John Roa", award.Resolution);
        Assert.Null(award.AmountMinor);
    }

    [Fact]
    public async Task TheThreePriceListsAreProgramsWithTheirPackages()
    {
        var packages = await app.WithDbAsync(db => db.SponsorPackages.AsNoTracking()
            .OrderBy(p => p.Program.Name).ThenBy(p => p.Year).ThenBy(p => p.Rank)
            .Select(p => new { Program = p.Program.Name, p.Year, p.Name, p.PriceMinor, p.Currency, p.InKindAccepted, p.BenefitMonths })
            .ToListAsync());

        string List(string program, int year) => string.Join(", ", packages.Where(p => p.Program == program && p.Year == year)
            .Select(p => $"{p.Name} {new Money(p.PriceMinor, p.Currency).Format(dropZeroMinor: true)}"));

        Assert.Equal("Keystone $150,000, Diamond $70,000, Platinum $50,000, Gold $30,000, Silver $15,000, Bronze $5,000, Infrastructure $5,000, Copper $2,000, Iron $500", List("Foundation", 2020));
        Assert.Equal("Diamond $50,000, Platinum $30,000, Gold $20,000, Silver $10,000, Bronze $5,000", List("PyPI/Packaging", 2020));
        Assert.Equal("Visionary $150,000, Sustainability $90,000, Maintaining $60,000, Contributing $30,000, Supporting $15,000, Partner $10,000, Participating $3,750, Associate $1,500", List("Foundation", 2022));
        Assert.All(packages.Where(p => p.Program == "PyPI/Packaging"), p => Assert.True(p.InKindAccepted && p.BenefitMonths == 12));
        Assert.All(packages, p => Assert.Equal("USD", p.Currency));
    }

    [Fact]
    public async Task MongoDbSponsoredThe2020LanguageSummitWithoutAnInventedFee()
    {
        var sponsorship = await app.WithDbAsync(db => db.Sponsorships.AsNoTracking().Include(s => s.Sponsor).Include(s => s.Program).SingleAsync());
        Assert.Equal("MongoDB", sponsorship.Sponsor.Name);
        Assert.Equal("PyCon US", sponsorship.Program.Name);
        Assert.Contains("Language Summit", sponsorship.Description);
        Assert.Null(sponsorship.FeeMinor);
        Assert.Null(sponsorship.PackageId);
        Assert.Equal(2020, sponsorship.StartsOn.Year);
    }

    [Fact]
    public async Task TheSeededSponsorshipCarriesIts2020DatesNotTheDayTheSeedLoaded()
    {
        var s = await app.WithDbAsync(db => db.Sponsorships.AsNoTracking().Include(x => x.Sponsor).Include(x => x.History).SingleAsync());

        // "The 2020 Python Language Summit", April 30, 2020: the post the sponsorship is recorded from.
        var posted = new DateTime(2020, 4, 30, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)), (s.StartsOn, s.EndsOn));
        Assert.Equal(posted, s.Sponsor.CreatedAt);
        Assert.Equal(posted, s.StatusChangedAt);
        Assert.Equal(posted, s.ContractStatusChangedAt);
        var recorded = Assert.Single(s.History);
        Assert.Equal((SponsorshipChange.Created, nameof(SponsorshipStatus.Finalized), posted), (recorded.Change, recorded.To, recorded.At));
        Assert.Contains("The 2020 Python Language Summit", recorded.Note);

        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        var details = await client.GetPageAsync($"/Sponsors/Sponsorships/Details/{s.Id}");
        var history = details.QuerySelector("[data-history]")!.TextContent;
        Assert.Contains("Apr 30, 2020", history);
        Assert.DoesNotContain(app.Today.Year.ToString(), history);
    }

    [Fact]
    public async Task ThePyCon2020CampaignAndTheReserveEstimatesAreThere()
    {
        var campaign = await app.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync());
        Assert.Equal("PyCon 2020", campaign.Name);
        Assert.Contains("418 individuals", campaign.Description);
        Assert.Contains("over 40 sponsors", campaign.Description);
        Assert.Equal(0, await app.WithDbAsync(db => db.Donations.CountAsync()));

        var lines = await app.WithDbAsync(db => db.BudgetLines.AsNoTracking().OrderBy(l => l.AsOf).ToListAsync());
        Assert.Equal([(new DateOnly(2020, 3, 31), 627_000_00L), (new DateOnly(2020, 4, 14), 141_713_00L)], lines.Select(l => (l.AsOf, l.AmountMinor)));
        Assert.All(lines, l => Assert.Equal(BudgetLineKind.ReserveDraw, l.Kind));
    }

    [Fact]
    public async Task ASecondStartAddsNothing()
    {
        async Task<int[]> Counts() => await app.WithDbAsync(async db => new[]
        {
            await db.People.CountAsync(), await db.Fellows.CountAsync(), await db.Rounds.CountAsync(), await db.ServiceAwards.CountAsync(),
            await db.SponsorPrograms.CountAsync(), await db.SponsorPackages.CountAsync(), await db.Sponsors.CountAsync(),
            await db.Sponsorships.CountAsync(), await db.Campaigns.CountAsync(), await db.BudgetLines.CountAsync(), await db.Users.CountAsync(),
        });
        var before = await Counts();

        await AppStartup.PrepareAsync(app.Services);
        await using (var second = new SecondStart(app.DatabasePath))
        {
            _ = second.Server;
        }

        Assert.Equal(before, await Counts());
        Assert.Equal(8, before[1]);
    }

    private sealed class SecondStart(string path) : RecordsApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Records:DatabasePath"] = path };
    }
}
