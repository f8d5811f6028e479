using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;
using static Records.Tests.Sponsors.ProgramPageTests;

namespace Records.Tests.Sponsors;

public class SponsorDetailsTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task TotalsByYearAreTheFeesAgreedAndThePaymentsReceivedThatYear()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var sponsor = db.Sponsors.Add(new Sponsor { Name = "Ledger Co" }).Entity;
            var packages = await db.SponsorPackages.Where(k => k.Program.Name == "Foundation").ToListAsync();
            Sponsorship Add(string package, int year, long? fee, SponsorshipStatus status = SponsorshipStatus.Finalized, long? inKind = null)
            {
                var k = packages.Single(p => p.Name == package && p.Year == year);
                return db.Sponsorships.Add(new Sponsorship { Sponsor = sponsor, ProgramId = k.ProgramId, PackageId = k.Id, Currency = "USD", FeeMinor = fee, InKindValueMinor = inKind,
                    Status = status, StartsOn = new(year, 3, 1), EndsOn = new(year + 1, 2, 28) }).Entity;
            }
            var gold = Add("Gold", 2020, 3_000_000);
            var silver = Add("Silver", 2020, 1_500_000);
            Add("Keystone", 2020, 15_000_000, SponsorshipStatus.Rejected);
            var partner = Add("Partner", 2022, 1_000_000);
            Add("Supporting", 2022, null, inKind: 1_500_000);
            gold.Payments.Add(new Payment { ReceivedOn = new(2020, 4, 2), AmountMinor = 2_000_000, Currency = "USD", Reference = "INV-1" });
            gold.Payments.Add(new Payment { ReceivedOn = new(2021, 1, 15), AmountMinor = 1_000_000, Currency = "USD" });
            silver.Payments.Add(new Payment { ReceivedOn = new(2021, 2, 1), AmountMinor = 500_000, Currency = "USD" });
            partner.Payments.Add(new Payment { ReceivedOn = new(2022, 6, 30), AmountMinor = 250_050, Currency = "USD" });
            await db.SaveChangesAsync();
            return sponsor.Id;
        });
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");

        var page = await client.GetPageAsync($"/Sponsors/Details/{id}");

        string Cell(int year, string column) => TextOf(page.QuerySelector($"[data-totals] tr[data-year='{year}'] .{column}")!);
        Assert.Equal("$45,000", Cell(2020, "fees"));       // Gold 30,000 + Silver 15,000; the rejected Keystone does not count
        Assert.Equal("$20,000", Cell(2020, "received"));
        Assert.Equal("—", Cell(2021, "fees"));
        Assert.Equal("$15,000", Cell(2021, "received"));   // 10,000 + 5,000
        Assert.Equal("$10,000", Cell(2022, "fees"));       // in-kind value is not a fee
        Assert.Equal("$2,500.50", Cell(2022, "received"));
        Assert.Equal(["2022", "2021", "2020"], page.QuerySelectorAll("[data-totals] tr[data-year]").Select(r => r.GetAttribute("data-year")!));

        var rows = page.QuerySelectorAll("[data-sponsorships] tr[data-sponsorship]").Select(TextOf).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Contains(rows, r => r.StartsWith("Foundation Gold 2020 Mar 1, 2020 – Feb 28, 2021 $30,000 $30,000 $0 Finalized", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("Foundation Silver 2020 Mar 1, 2020 – Feb 28, 2021 $15,000 $5,000 $10,000", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("$15,000 in kind $0 —", StringComparison.Ordinal));
        Assert.Equal(4, page.QuerySelectorAll("[data-payments] tbody tr").Length);
    }

    [Fact]
    public async Task AnUnknownSponsorIsNotFound()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        await client.GetPageAsync("/Sponsors/Details/999999", HttpStatusCode.NotFound);
    }
}
