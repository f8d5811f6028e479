using Microsoft.EntityFrameworkCore;
using Records.Core.Amounts;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.GiftData;

namespace Records.Tests.Donations;

/// <summary>A donor's page: totals by year and currency are the database's sums, anonymous gifts never show, the queries do not grow with the gifts.</summary>
public class DonorPageTests(DonorPageTests.App app) : IClassFixture<DonorPageTests.App>
{
    public sealed class App : RecordsApp
    {
        public int Ada, Many, Sponsor, SecretGift;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Ada = await PersonAsync(this, "Ada Lovelace-Donor", "ada@example.org");
            Many = await PersonAsync(this, "Manny Gifts");
            Sponsor = await SponsorAsync(this, "Org Giver Ltd", "Olga Contact", "olga@org.example");
            await GiftAsync(this, 100_00, new DateOnly(2023, 2, 1), Ada);
            await GiftAsync(this, 250_50, new DateOnly(2023, 11, 30), Ada, more: d => d.FeeMinor = 7_50);
            await GiftAsync(this, 40_00, new DateOnly(2024, 6, 1), Ada, currency: "EUR");
            await GiftAsync(this, 1_000_00, new DateOnly(2025, 1, 1), Ada);
            SecretGift = await GiftAsync(this, 77_777_00, new DateOnly(2025, 3, 3), Ada, more: d => d.IsAnonymous = true);
            for (var i = 0; i < 60; i++) await GiftAsync(this, 10_00 + i, new DateOnly(2020 + i % 5, 1 + i % 12, 1 + i % 28), Many);
            await GiftAsync(this, 5_000_00, new DateOnly(2024, 9, 9), sponsorId: Sponsor);
        }
    }

    [Fact]
    public async Task TotalsByYearAndCurrencyAreTheDatabasesSums()
    {
        var page = await (await AsAsync(app, "Board")).GetPageAsync($"/Donations/Donor/{app.Ada}");

        var sums = await app.WithDbAsync(db => db.Donations.Where(d => d.PersonId == app.Ada && !d.IsAnonymous)
            .GroupBy(d => new { d.ReceivedOn.Year, d.Currency })
            .Select(g => new { g.Key.Year, g.Key.Currency, Count = g.Count(), Gross = g.Sum(d => d.AmountMinor), Net = g.Sum(d => d.AmountMinor - d.FeeMinor) }).ToListAsync());
        var shown = page.QuerySelectorAll("[data-years] tr[data-year]").Select(r => (
            int.Parse(r.GetAttribute("data-year")!), r.GetAttribute("data-currency")!, r.QuerySelectorAll("td")[2].TextContent, r.QuerySelector(".gross")!.TextContent,
            r.QuerySelector(".net")!.TextContent)).ToList();
        Assert.Equal(sums.OrderByDescending(s => s.Year).ThenBy(s => s.Currency)
            .Select(s => (s.Year, s.Currency, s.Count.ToString(), new Money(s.Gross, s.Currency).Format(), new Money(s.Net, s.Currency).Format())), shown);
        Assert.Equal(3, shown.Count);
        Assert.Contains(shown, r => r == (2023, "USD", "2", "$350.50", "$343.00"));
    }

    [Fact]
    public async Task ThePageNamesTheDonorWithFirstAndLastGiftAndNeverTheAnonymousGift()
    {
        var page = await (await AsAsync(app, "Staff")).GetPageAsync($"/Donations/Donor/{app.Ada}");

        Assert.Equal("Ada Lovelace-Donor", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("ada@example.org", page.QuerySelector("[data-email]")!.TextContent);
        Assert.Equal("Feb 1, 2023 · $100.00", page.QuerySelector("[data-first]")!.TextContent);
        Assert.Equal("Jan 1, 2025 · $1,000.00", page.QuerySelector("[data-last]")!.TextContent);
        Assert.Equal(4, page.QuerySelectorAll("[data-gifts] tr[data-donation]").Length);
        Assert.Null(page.QuerySelector($"tr[data-donation='{app.SecretGift}']"));
        Assert.DoesNotContain("77,777", page.Body!.TextContent);
    }

    [Fact]
    public async Task AnOrganisationsPageShowsItsGiftsAndContact()
    {
        var page = await (await AsAsync(app, "Staff")).GetPageAsync($"/Donations/Donor/{app.Sponsor}?organisation=true");

        Assert.Equal("Org Giver Ltd", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("olga@org.example", page.QuerySelector("[data-email]")!.TextContent);
        Assert.Equal("$5,000.00", page.QuerySelector("[data-years] .gross")!.TextContent);
    }

    [Fact]
    public async Task TheHistoryIsPagedNewestFirst()
    {
        var client = await AsAsync(app, "Staff");
        var first = await client.GetPageAsync($"/Donations/Donor/{app.Many}");
        var third = await client.GetPageAsync($"/Donations/Donor/{app.Many}?p=3");

        Assert.Equal(25, first.QuerySelectorAll("[data-gifts] tr[data-donation]").Length);
        Assert.Equal(10, third.QuerySelectorAll("[data-gifts] tr[data-donation]").Length);
        Assert.Contains("Page 3 of 3 · 60 in all", third.QuerySelector(".pager")!.TextContent);
        Assert.StartsWith("Dec", first.QuerySelector("[data-gifts] tr[data-donation] td")!.TextContent);
        Assert.Contains("2024", first.QuerySelector("[data-gifts] tr[data-donation] td")!.TextContent);
    }

    [Fact]
    public async Task TheLedgerLinksNamedDonorsToTheirPageButNotAnonymousOnes()
    {
        var page = await (await AsAsync(app, "Staff")).GetPageAsync("/Donations?from=&to=&donor=Lovelace");

        Assert.NotEmpty(page.QuerySelectorAll($"[data-ledger] a[href='/Donations/Donor/{app.Ada}']"));
        var all = await (await AsAsync(app, "Staff")).GetPageAsync("/Donations?from=2025-03-03&to=2025-03-03");
        Assert.Empty(all.QuerySelectorAll($"tr[data-donation='{app.SecretGift}'] a[href^='/Donations/Donor']"));
        var org = await (await AsAsync(app, "Staff")).GetPageAsync("/Donations?from=&to=&donor=Org Giver");
        Assert.NotNull(org.QuerySelector($"[data-ledger] a[href='/Donations/Donor/{app.Sponsor}?organisation=true']"));
    }

    [Fact]
    public async Task TheDonorPageIssuesTheSameQueriesForFourGiftsOrSixty()
    {
        var client = await AsAsync(app, "Staff");

        var (fewResponse, few) = await app.Sql.GetAsync(client, $"/Donations/Donor/{app.Ada}");
        var (manyResponse, many) = await app.Sql.GetAsync(client, $"/Donations/Donor/{app.Many}");

        Assert.True(fewResponse.IsSuccessStatusCode && manyResponse.IsSuccessStatusCode);
        Assert.Equal(few.Count, many.Count);
        Assert.InRange(few.Count, 1, 8);
    }

    [Fact]
    public async Task AnUnknownDonorIsNotFound()
    {
        var client = await AsAsync(app, "Staff");
        await client.GetPageAsync("/Donations/Donor/987654", System.Net.HttpStatusCode.NotFound);
        await client.GetPageAsync("/Donations/Donor/987654?organisation=true", System.Net.HttpStatusCode.NotFound);
    }
}
