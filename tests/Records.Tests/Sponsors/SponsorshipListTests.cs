using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;
using static Records.Tests.Sponsors.ProgramPageTests;

namespace Records.Tests.Sponsors;

public class SponsorshipListTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private async Task<HttpClient> LoginAsync(string role = "Staff")
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        return client;
    }

    private async Task<(int Program, int Package)> ProgramAsync(string name) => await SponsorshipData.PackageAsync(app, name, "Gold", 2024, 1_000_000);

    private Task PayAsync(int sponsorshipId, long minor) => app.WithDbAsync(async db =>
    {
        db.Payments.Add(new Payment { SponsorshipId = sponsorshipId, ReceivedOn = new(2024, 2, 1), AmountMinor = minor, Currency = "USD" });
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task TheListFiltersByYearProgramAndStatusWithBalancesAndTotals()
    {
        var (program, package) = await ProgramAsync("List Filter Program");
        var sponsor = await SponsorshipData.SponsorAsync(app, "Filter Co");
        var paid = await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, new(2024, 1, 1), 1_000_000, SponsorshipStatus.Approved);
        await PayAsync(paid, 400_000);
        await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, new(2024, 5, 1), 1_000_000, SponsorshipStatus.Rejected);
        await SponsorshipData.SponsorshipAsync(app, sponsor, program, null, new(2023, 5, 1), 250_000, description: "Sprint sponsor");
        await SponsorshipData.SponsorshipAsync(app, sponsor, program, null, new(2024, 7, 1), 500_000, currency: "EUR");

        var page = await (await LoginAsync("Board")).GetPageAsync($"/Sponsors/Sponsorships?program={program}&year=2024");

        Assert.Equal(3, page.QuerySelectorAll("[data-sponsorships] tbody tr").Length);
        Assert.Equal("$6,000", TextOf(page.QuerySelector($"tr[data-sponsorship='{paid}'] .due")!));
        string Total(string currency, string column) => TextOf(page.QuerySelector($"[data-totals] tr[data-currency='{currency}'] .{column}")!);
        Assert.Equal(("2", "$10,000", "$4,000", "$6,000"), (Total("USD", "count"), Total("USD", "fees"), Total("USD", "paid"), Total("USD", "due")));
        Assert.Equal("€5,000", Total("EUR", "due"));

        var rejected = await (await LoginAsync()).GetPageAsync($"/Sponsors/Sponsorships?program={program}&status=Rejected");
        Assert.Equal("— Rejected Draft", string.Join(" ", rejected.QuerySelectorAll("[data-sponsorships] tbody tr").Select(r => TextOf(r.QuerySelector(".due")!) + " " + TextOf(r.QuerySelector(".status")!))));
        Assert.Equal("$0", TextOf(rejected.QuerySelector("[data-totals] .fees")!));
    }

    [Fact]
    public async Task TheListIsSortedAndPaged()
    {
        var (program, _) = await ProgramAsync("List Paging Program");
        var sponsor = await SponsorshipData.SponsorAsync(app, "Paging Co");
        for (var i = 0; i < 55; i++) await SponsorshipData.SponsorshipAsync(app, sponsor, program, null, new DateOnly(2020, 1, 1).AddDays(i), 100_00 * (i + 1));
        var client = await LoginAsync();

        var second = await client.GetPageAsync($"/Sponsors/Sponsorships?program={program}&sort=fee&p=2");
        var fees = second.QuerySelectorAll("[data-sponsorships] tbody .fee").Select(TextOf).ToList();
        Assert.Equal(["$500", "$400", "$300", "$200", "$100"], fees);
        Assert.Contains("Page 2 of 2", TextOf(second.QuerySelector(".pager")!));

        var byEnd = await client.GetPageAsync($"/Sponsors/Sponsorships?program={program}&sort=ends");
        Assert.Equal("Dec 31, 2020", TextOf(byEnd.QuerySelector("[data-sponsorships] tbody tr .ends")!));
        Assert.Contains($"program={program}", byEnd.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheListSendsTheSameNumberOfCommandsWhateverTheRows()
    {
        var (program, package) = await ProgramAsync("List Sql Program");
        var sponsor = await SponsorshipData.SponsorAsync(app, "Sql Co");
        await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, new(2024, 1, 1), 1_000_000);
        var client = await LoginAsync();
        var url = $"/Sponsors/Sponsorships?program={program}";
        var (few, fewCommands) = await app.Sql.GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, few.StatusCode);

        for (var i = 0; i < 40; i++)
        {
            var other = await SponsorshipData.SponsorAsync(app, $"Sql Co {i}");
            var id = await SponsorshipData.SponsorshipAsync(app, other, program, i % 2 == 0 ? package : null, new(2024, 2, 1), 1_000_000);
            await PayAsync(id, 1_000);
            await PayAsync(id, 2_000);
        }
        var (many, manyCommands) = await app.Sql.GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, many.StatusCode);
        Assert.Equal(41, (await many.ReadPageAsync()).QuerySelectorAll("[data-sponsorships] tbody tr").Length);
        Assert.Equal(fewCommands.Count, manyCommands.Count);
        // The totals, the order (both kept until the next finance save) and the page's own rows: never one per row.
        Assert.True(manyCommands.Count(c => c.Contains("\"Sponsorships\"", StringComparison.Ordinal)) <= 3, string.Join("\n---\n", manyCommands));
    }

    [Fact]
    public async Task TheExportEscapesFormulasAndItsTotalsMatchThePage()
    {
        var (program, package) = await ProgramAsync("List Export Program");
        var sponsor = await SponsorshipData.SponsorAsync(app, "=HYPERLINK(\"http://evil.example\",\"x\")");
        var first = await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, new(2024, 1, 1), 1_000_000, SponsorshipStatus.Finalized);
        await PayAsync(first, 250_050);
        await SponsorshipData.SponsorshipAsync(app, sponsor, program, null, new(2024, 3, 1), 300_000, description: "+1, then @SUM(A1)");
        var client = await LoginAsync("Board");
        var page = await client.GetPageAsync($"/Sponsors/Sponsorships?program={program}&sort=sponsor");
        Assert.Equal($"/Sponsors/Sponsorships/Export?program={program}&sort=sponsor", page.QuerySelector("[data-export]")!.GetAttribute("href"));

        var response = await client.GetAsync(page.QuerySelector("[data-export]")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("Sponsor,Program,Package,Description,Starts,Ends,Currency,Fee,In kind,Paid,Balance due,Status,Contract", lines[0]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",List Export Program,Gold 2024,,2024-01-01,2024-12-31,USD,10000.00,,2500.50,7499.50,Finalized,Draft", lines);
        Assert.Contains(lines, l => l.Contains(",\"'+1, then @SUM(A1)\",2024-03-01,", StringComparison.Ordinal));
        var totals = lines.SkipWhile(l => l != "Totals,Sponsorships,Currency,Fees agreed,Paid,Balance due").Skip(1).Where(l => l.Length > 0).ToList();
        Assert.Equal([",2,USD,13000.00,2500.50,10499.50"], totals);
        Assert.Equal("$10,499.50", TextOf(page.QuerySelector("[data-totals] tr[data-currency='USD'] .due")!));
        Assert.Equal("$13,000", TextOf(page.QuerySelector("[data-totals] tr[data-currency='USD'] .fees")!));
    }

    [Fact]
    public async Task ASponsorshipOrPaymentSavedAfterTheListWasShownAppearsOnTheNextView()
    {
        var (program, package) = await ProgramAsync("Kept List Program");
        var sponsor = await SponsorshipData.SponsorAsync(app, "Kept List Co");
        var client = await LoginAsync();
        var url = $"/Sponsors/Sponsorships?program={program}";
        Assert.NotNull((await client.GetPageAsync(url)).QuerySelector("[data-empty]"));

        var added = await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, new(2024, 1, 1), 1_000_000, SponsorshipStatus.Approved);
        var shown = await client.GetPageAsync(url);
        Assert.Equal("$10,000", TextOf(shown.QuerySelector($"tr[data-sponsorship='{added}'] .due")!));

        await PayAsync(added, 250_000);
        var paid = await client.GetPageAsync(url);
        Assert.Equal("$7,500", TextOf(paid.QuerySelector($"tr[data-sponsorship='{added}'] .due")!));
        Assert.Equal("$2,500", TextOf(paid.QuerySelector("[data-totals] tr[data-currency='USD'] .paid")!));
    }

    [Fact]
    public async Task AFilterThatIsNotOneIsRefusedWithAMessage()
    {
        var client = await LoginAsync();
        var page = await client.GetPageAsync("/Sponsors/Sponsorships?year=soon&status=Pending", HttpStatusCode.BadRequest);
        Assert.Equal("Enter a year, such as 2024.", page.FieldError("Input.Year"));
        Assert.Equal("Choose one of the statuses in the list.", page.FieldError("Input.Status"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Sponsors/Sponsorships/Export?year=soon")).StatusCode);
    }
}
