using Records.Core.Accounts;
using Records.Core.Donations;
using Records.Core.People;
using Records.Tests.Infrastructure;
using Records.Web.Pages.Donations;
using static Records.Tests.Donations.LedgerData;

namespace Records.Tests.Donations;

/// <summary>120 gifts in 2024: pages of 50, sorting, and the same few queries whatever the number of rows.</summary>
public class LedgerPagingTests(LedgerPagingTests.App app) : IClassFixture<LedgerPagingTests.App>
{
    public sealed class App : RecordsApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await WithDbAsync(async db =>
            {
                for (var i = 1; i <= 120; i++)
                {
                    db.Donations.Add(new Donation
                    {
                        Person = new Person { Name = $"Donor {i:000}", CreatedAt = DateTime.UtcNow }, Currency = "USD", AmountMinor = i * 100,
                        ReceivedOn = new DateOnly(2024, 1, 1).AddDays(i), Channel = DonationChannel.Card, TransactionId = $"tx_{i:000}",
                        Campaign = i % 10 == 0 ? new Campaign { Name = $"Campaign {i}", Currency = "USD" } : null,
                    });
                }
                await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task PagesHoldFiftyAndTogetherShowEveryGift()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(Roles.Staff);

        var pages = new[] { 1, 2, 3 }.Select(p => client.GetPageAsync($"/Donations?from=2024-01-01&to=2024-12-31&p={p}")).ToArray();
        var shown = (await Task.WhenAll(pages)).Select(TransactionsShown).ToArray();

        Assert.Equal([IndexModel.PageSize, IndexModel.PageSize, 20], shown.Select(s => s.Length));
        Assert.Equal(120, shown.SelectMany(s => s).Distinct().Count());
        Assert.Equal("tx_120", shown[0][0]);
        Assert.Contains("Page 1 of 3", (await pages[0]).QuerySelector(".pager")!.TextContent);
    }

    [Theory]
    [InlineData("amount", "tx_120", "tx_119")]
    [InlineData("donor", "tx_001", "tx_002")]
    [InlineData("date", "tx_120", "tx_119")]
    public async Task TheLedgerSorts(string sort, string first, string second)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(Roles.Staff);

        var page = await client.GetPageAsync($"/Donations?from=&to=&sort={sort}");

        Assert.Equal([first, second], TransactionsShown(page)[..2]);
        Assert.Contains($"sort={sort}", page.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheNumberOfQueriesDoesNotGrowWithTheRows()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(Roles.Staff);

        var (few, fewSql) = await app.Sql.GetAsync(client, "/Donations?from=2024-01-02&to=2024-01-03");
        // A range no other test asks for, so that its totals are not already kept (LedgerTotalsCacheTests).
        var (many, manySql) = await app.Sql.GetAsync(client, "/Donations?from=2000-01-01&to=&sort=donor");
        var (export, exportSql) = await app.Sql.GetAsync(client, "/Donations/Export?from=&to=");

        Assert.Equal(2, TransactionsShown(await few.ReadPageAsync()).Length);
        Assert.Equal(IndexModel.PageSize, TransactionsShown(await many.ReadPageAsync()).Length);
        Assert.Equal(fewSql.Count, manySql.Count);
        // The campaigns, the finance version the totals are kept under, the totals and the page's rows.
        Assert.InRange(manySql.Count, 1, 4);
        Assert.Equal(121, (await export.Content.ReadAsStringAsync()).Split('\n').Count(l => l.Contains("tx_") || l.StartsWith("Received")));
        Assert.InRange(exportSql.Count, 1, 2);
    }
}
