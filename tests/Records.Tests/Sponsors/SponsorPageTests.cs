using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;
using static Records.Tests.Sponsors.ProgramPageTests;

namespace Records.Tests.Sponsors;

public class SponsorPageTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private DateOnly Today => app.Today;

    private async Task<HttpClient> StaffAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        return client;
    }

    private static Dictionary<string, string> Fields(string name, string website = "https://example.org", string email = "ada@example.org") => new()
    {
        ["Input.Name"] = name, ["Input.Website"] = website, ["Input.PrimaryContactName"] = "Ada", ["Input.PrimaryContactEmail"] = email,
        ["Input.AccountingContactName"] = "", ["Input.AccountingContactEmail"] = "", ["Input.Notes"] = "Met at PyCon",
    };

    private static async Task<Sponsorship> SponsorAsync(RecordsDbContext db, string sponsor, string package, int year, DateOnly from, DateOnly to, long? fee, SponsorshipStatus status = SponsorshipStatus.Finalized)
    {
        var s = await db.Sponsors.SingleOrDefaultAsync(x => x.Name == sponsor) ?? db.Sponsors.Add(new Sponsor { Name = sponsor, Website = "https://" + sponsor.Replace(" ", "").ToLowerInvariant() + ".example" }).Entity;
        var k = await db.SponsorPackages.Include(p => p.Program).SingleAsync(p => p.Program.Name == "Foundation" && p.Name == package && p.Year == year);
        var sponsorship = new Sponsorship { Sponsor = s, ProgramId = k.ProgramId, PackageId = k.Id, StartsOn = from, EndsOn = to, FeeMinor = fee, Currency = "USD", Status = status };
        db.Sponsorships.Add(sponsorship);
        await db.SaveChangesAsync();
        return sponsorship;
    }

    private static string[] Tiers(IHtmlDocument page) => [.. page.QuerySelectorAll("section[data-tier]").Select(s => s.GetAttribute("data-tier")!)];

    private static string[] NamesIn(IHtmlDocument page, string tier) =>
        [.. page.QuerySelector($"section[data-tier='{tier}']")!.QuerySelectorAll("tr[data-sponsor] .name").Select(TextOf)];

    [Fact]
    public async Task SponsorsAreGroupedByTheTierTheyHoldTodayTopTierFirst()
    {
        await app.WithDbAsync(async db =>
        {
            await SponsorAsync(db, "Tier Gold Co", "Gold", 2020, Today.AddMonths(-2), Today.AddMonths(2), 3_000_000);
            await SponsorAsync(db, "Tier Keystone Co", "Keystone", 2020, Today.AddMonths(-2), Today.AddMonths(2), 15_000_000);
            await SponsorAsync(db, "Tier Lapsed Co", "Keystone", 2020, Today.AddYears(-2), Today.AddYears(-1), 15_000_000);
            await SponsorAsync(db, "Tier Rejected Co", "Keystone", 2020, Today.AddMonths(-2), Today.AddMonths(2), 15_000_000, SponsorshipStatus.Rejected);
            // Two current sponsorships: listed once, under the higher tier.
            await SponsorAsync(db, "Tier Both Co", "Iron", 2020, Today.AddMonths(-2), Today.AddMonths(2), 50_000);
            await SponsorAsync(db, "Tier Both Co", "Gold", 2020, Today.AddMonths(-2), Today.AddMonths(2), 3_000_000);
        });

        var page = await (await StaffAsync()).GetPageAsync("/Sponsors?q=tier");

        Assert.Equal(["Keystone · Foundation 2020", "Gold · Foundation 2020", "No current sponsorship"], Tiers(page));
        Assert.Equal(["Tier Keystone Co"], NamesIn(page, "Keystone · Foundation 2020"));
        Assert.Equal(["Tier Both Co", "Tier Gold Co"], NamesIn(page, "Gold · Foundation 2020"));
        Assert.Equal(["Tier Lapsed Co", "Tier Rejected Co"], NamesIn(page, "No current sponsorship"));
        Assert.Equal("$30,500", TextOf(page.QuerySelector("tr[data-sponsor='Tier Both Co'] .fees")!));
        Assert.Equal("https://tiergoldco.example", TextOf(page.QuerySelector("tr[data-sponsor='Tier Gold Co'] .website")!));

        var seed = await (await StaffAsync()).GetPageAsync("/Sponsors?q=mongo");
        Assert.Equal(["MongoDB"], NamesIn(seed, "No current sponsorship"));
    }

    [Fact]
    public async Task TheSponsorListSendsTheSameFewQueriesWhateverTheNumberOfSponsors()
    {
        var client = await StaffAsync();
        var (before, few) = await app.Sql.GetAsync(client, "/Sponsors");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 12; i++)
            {
                var s = await SponsorAsync(db, $"Many {i}", i % 2 == 0 ? "Gold" : "Silver", 2020, Today.AddMonths(-1), Today.AddMonths(1), 100_000);
                db.Payments.Add(new Payment { SponsorshipId = s.Id, AmountMinor = 50_000, Currency = "USD", ReceivedOn = Today });
            }
            await db.SaveChangesAsync();
        });

        var (after, many) = await app.Sql.GetAsync(client, "/Sponsors");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("Many 11", await after.Content.ReadAsStringAsync());
        Assert.Equal(few.Count, many.Count);
    }

    [Fact]
    public async Task StaffAddASponsorAndSeeItsPage()
    {
        var client = await StaffAsync();

        var response = await client.SubmitAsync("/Sponsors/Edit", Fields("Acme Analytics", email: "grace@acme.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Saved Acme Analytics.", TextOf(page.QuerySelector(".flash")!));
        Assert.Equal("Acme Analytics", TextOf(page.QuerySelector("h1")!));
        Assert.Contains("grace@acme.example", TextOf(page.Body!));
        Assert.Contains("No sponsorships recorded.", TextOf(page.Body!));
        Assert.Equal("Acme Analytics", await app.WithDbAsync(db => db.Sponsors.Where(s => s.PrimaryContactEmail == "grace@acme.example").Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task BadSponsorValuesAreRefusedBesideTheirFields()
    {
        var response = await (await StaffAsync()).SubmitAsync("/Sponsors/Edit", Fields("", website: "javascript:alert(1)", email: "not an email"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("Enter the organisation's name.", page.FieldError("Input.Name"));
        Assert.Equal("Enter the full address, starting with http:// or https://.", page.FieldError("Input.Website"));
        Assert.Equal("Enter an email address such as name@example.com.", page.FieldError("Input.PrimaryContactEmail"));
        Assert.False(await app.WithDbAsync(db => db.Sponsors.AnyAsync(s => s.Notes == "Met at PyCon" && s.Name == "")));
    }

    [Fact]
    public async Task StaleSponsorEditIsRefusedWithAConflict()
    {
        var id = await app.WithDbAsync(async db => { var s = db.Sponsors.Add(new Sponsor { Name = "Stale Co" }).Entity; await db.SaveChangesAsync(); return s.Id; });
        var client = await StaffAsync();
        var form = await client.GetPageAsync($"/Sponsors/Edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await (await StaffAsync()).SubmitAsync($"/Sponsors/Edit/{id}", Fields("Stale Co Ltd"))).StatusCode);

        var response = await client.SubmitFormAsync(form, $"/Sponsors/Edit/{id}", Fields("Stale Company"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone else changed this sponsor while you were editing", TextOf((await response.ReadPageAsync()).Body!));
        Assert.Equal("Stale Co Ltd", await app.WithDbAsync(db => db.Sponsors.Where(s => s.Id == id).Select(s => s.Name).SingleAsync()));
    }
}
