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

    private static string[] Tiers(IHtmlDocument page) => [.. page.QuerySelectorAll("table[data-sponsors] tr.group th").Select(TextOf)];

    private static string[] NamesIn(IHtmlDocument page, string tier) =>
        [.. page.QuerySelector($"tbody[data-tier='{tier}']")!.QuerySelectorAll("tr[data-sponsor] .name").Select(TextOf)];

    private static string[] Names(IHtmlDocument page) => [.. page.QuerySelectorAll("table[data-sponsors] tr[data-sponsor] .name").Select(TextOf)];

    private static string? Next(IHtmlDocument page) => page.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");

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
        Assert.Null(page.QuerySelector("tr[data-sponsor] .tier"));
        var byName = await (await StaffAsync()).GetPageAsync("/Sponsors?q=tier&sort=name");
        Assert.Equal("Gold · Foundation 2020", TextOf(byName.QuerySelector("tr[data-sponsor='Tier Both Co'] .tier")!));
        Assert.Equal("—", TextOf(byName.QuerySelector("tr[data-sponsor='Tier Lapsed Co'] .tier")!));
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
    public async Task SponsorsComeFiftyToAPageAndASearchIsKeptAcrossPages()
    {
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 120; i++) db.Sponsors.Add(new Sponsor { Name = $"Pager Co {i:000}" });
            db.Sponsors.Add(new Sponsor { Name = "Unpaged Ltd" });
            await db.SaveChangesAsync();
        });
        var client = await StaffAsync();

        var first = await client.GetPageAsync("/Sponsors?q=PAGER&sort=name");
        var second = await client.GetPageAsync(Next(first)!);
        var third = await client.GetPageAsync(Next(second)!);

        Assert.Equal("/Sponsors?q=PAGER&sort=name&p=2", Next(first));
        Assert.Equal("Page 1 of 3 · 120 in all", TextOf(first.QuerySelector("nav.pager span")!));
        Assert.Equal((50, 50, 20), (Names(first).Length, Names(second).Length, Names(third).Length));
        Assert.Null(Next(third));
        Assert.Equal([.. Enumerable.Range(0, 120).Select(i => $"Pager Co {i:000}")], [.. Names(first), .. Names(second), .. Names(third)]);
        Assert.Equal("120 sponsors named like “PAGER”", TextOf(first.QuerySelector("[data-total]")!));
        Assert.Equal(Names(third), Names(await client.GetPageAsync("/Sponsors?q=pager&sort=name&p=99")));
        Assert.Equal("PAGER", first.QuerySelector("input[name=q]")!.GetAttribute("value"));

        var none = await client.GetPageAsync("/Sponsors?q=nobody-by-this-name");
        Assert.Equal("No sponsor's name contains “nobody-by-this-name”. See all sponsors", TextOf(none.QuerySelector("[data-empty]")!));
        Assert.Null(none.QuerySelector("table[data-sponsors]"));
    }

    [Fact]
    public async Task SponsorsSortByTierTodayByNameOrNewestFirst()
    {
        await app.WithDbAsync(async db =>
        {
            await SponsorAsync(db, "Order B Gold", "Gold", 2020, Today.AddMonths(-2), Today.AddMonths(2), 3_000_000);
            await SponsorAsync(db, "Order C Keystone", "Keystone", 2020, Today.AddMonths(-2), Today.AddMonths(2), 15_000_000);
            db.Sponsors.Add(new Sponsor { Name = "Order A None" });
            await db.SaveChangesAsync();
            var added = app.Now;
            foreach (var (name, days) in new[] { ("Order A None", -3), ("Order B Gold", -1), ("Order C Keystone", -2) })
            {
                await db.Sponsors.Where(s => s.Name == name).ExecuteUpdateAsync(u => u.SetProperty(s => s.CreatedAt, added.AddDays(days)));
            }
        });
        var client = await StaffAsync();

        var byTier = await client.GetPageAsync("/Sponsors?q=order");
        var byName = await client.GetPageAsync("/Sponsors?q=order&sort=name");
        var newest = await client.GetPageAsync("/Sponsors?q=order&sort=added");
        var unknown = await client.GetPageAsync("/Sponsors?q=order&sort=drop%20table");

        Assert.Equal(["Order C Keystone", "Order B Gold", "Order A None"], Names(byTier));
        Assert.Equal(["Order A None", "Order B Gold", "Order C Keystone"], Names(byName));
        Assert.Empty(Tiers(byName));
        Assert.Equal(["Order B Gold", "Order C Keystone", "Order A None"], Names(newest));
        Assert.Equal(Names(byTier), Names(unknown));
        Assert.Equal("Sponsor ▲", TextOf(byName.QuerySelector("table[data-sponsors] thead th a")!));
        Assert.Equal("/Sponsors?q=order&sort=added&p=1", byTier.QuerySelectorAll("table[data-sponsors] thead th a").Last().GetAttribute("href"));
    }

    [Fact]
    public async Task TheTotalsAreTheMatchingSponsorsSumsPerCurrency()
    {
        await app.WithDbAsync(async db =>
        {
            var usd = await SponsorAsync(db, "Sum One", "Gold", 2020, Today.AddMonths(-2), Today.AddMonths(2), 3_000_000);
            await SponsorAsync(db, "Sum One", "Silver", 2020, Today.AddYears(-2), Today.AddYears(-1), 1_000_050);
            var rejected = await SponsorAsync(db, "Sum Two", "Gold", 2020, Today.AddMonths(-2), Today.AddMonths(2), 3_000_000, SponsorshipStatus.Rejected);
            var euro = await SponsorAsync(db, "Sum Two", "Silver", 2020, Today.AddMonths(-2), Today.AddMonths(2), 500_000);
            euro.Currency = "EUR";
            db.Payments.AddRange(
                new Payment { SponsorshipId = usd.Id, AmountMinor = 1_250_025, Currency = "USD", ReceivedOn = Today },
                new Payment { SponsorshipId = usd.Id, AmountMinor = 2_000_000, Currency = "USD", ReceivedOn = Today },
                new Payment { SponsorshipId = rejected.Id, AmountMinor = 10_000, Currency = "USD", ReceivedOn = Today },
                new Payment { SponsorshipId = euro.Id, AmountMinor = 100_000, Currency = "EUR", ReceivedOn = Today });
            db.Sponsors.Add(new Sponsor { Name = "Elsewhere Co" });
            await db.SaveChangesAsync();
        });
        var expected = await app.WithDbAsync(db => db.Database.SqlQueryRaw<SumRow>("""
            SELECT s."Currency",
                   SUM(CASE WHEN s."Status" <> 'Rejected' THEN COALESCE(s."FeeMinor", 0) ELSE 0 END) AS "Fees",
                   SUM(COALESCE((SELECT SUM(p."AmountMinor") FROM "Payments" p WHERE p."SponsorshipId" = s."Id"), 0)) AS "Paid",
                   SUM(CASE WHEN s."Status" <> 'Rejected' AND s."FeeMinor" IS NOT NULL
                                 AND s."FeeMinor" > COALESCE((SELECT SUM(p."AmountMinor") FROM "Payments" p WHERE p."SponsorshipId" = s."Id"), 0)
                            THEN s."FeeMinor" - COALESCE((SELECT SUM(p."AmountMinor") FROM "Payments" p WHERE p."SponsorshipId" = s."Id"), 0) ELSE 0 END) AS "Due"
            FROM "Sponsorships" s JOIN "Sponsors" o ON o."Id" = s."SponsorId"
            WHERE o."Name" LIKE 'Sum %'
            GROUP BY s."Currency" ORDER BY s."Currency"
            """).ToListAsync());

        var page = await (await StaffAsync()).GetPageAsync("/Sponsors?q=sum");

        Assert.Equal(["EUR", "USD"], [.. expected.Select(e => e.Currency)]);
        foreach (var e in expected)
        {
            var row = page.QuerySelector($"table[data-totals] tr[data-currency='{e.Currency}']")!;
            Assert.Equal(
                (Money(e.Fees, e.Currency), Money(e.Paid, e.Currency), Money(e.Due, e.Currency)),
                (TextOf(row.QuerySelector(".fees")!), TextOf(row.QuerySelector(".paid")!), TextOf(row.QuerySelector(".due")!)));
        }
        Assert.Equal(("$40,000.50", "$32,600.25", "$10,000.50"), (Money(4_000_050, "USD"), Money(3_260_025, "USD"), Money(1_000_050, "USD")));
        Assert.Equal("$10,000.50", TextOf(page.QuerySelector("tr[data-sponsor='Sum One'] .due")!));
        Assert.Equal("€4,000", TextOf(page.QuerySelector("tr[data-sponsor='Sum Two'] .due")!));
        Assert.Equal("€5,000", TextOf(page.QuerySelector("tr[data-sponsor='Sum Two'] .fees")!));
        Assert.Equal("€1,000 + $100", TextOf(page.QuerySelector("tr[data-sponsor='Sum Two'] .received")!));
    }

    [Fact]
    public async Task APaymentShowsInTheSponsorsRowAndTotalsAtTheNextVisit()
    {
        var sponsorship = await app.WithDbAsync(db => SponsorAsync(db, "Kept Co", "Gold", 2020, Today.AddMonths(-1), Today.AddMonths(6), 2_000_000));
        var staff = await StaffAsync();
        Assert.Equal("$20,000", TextOf((await staff.GetPageAsync("/Sponsors?q=kept")).QuerySelector("tr[data-sponsor='Kept Co'] .due")!));

        await app.WithDbAsync(async db =>
        {
            db.Payments.Add(new Payment { SponsorshipId = sponsorship.Id, AmountMinor = 500_000, Currency = "USD", ReceivedOn = Today });
            await db.SaveChangesAsync();
        });

        var page = await staff.GetPageAsync("/Sponsors?q=kept");
        Assert.Equal("$15,000", TextOf(page.QuerySelector("tr[data-sponsor='Kept Co'] .due")!));
        Assert.Equal("$15,000", TextOf(page.QuerySelector("table[data-totals] tr[data-currency='USD'] .due")!));
    }

    public sealed record SumRow(string Currency, long Fees, long Paid, long Due);

    private static string Money(long minor, string currency) => new Records.Core.Amounts.Money(minor, currency).Format(dropZeroMinor: true);

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
