using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.LedgerData;

namespace Records.Tests.Donations;

/// <summary>The ledger over HTTP: each filter narrows the rows, and the totals are the sums of exactly those rows.</summary>
public class LedgerPageTests(LedgerApp app) : IClassFixture<LedgerApp>
{
    private async Task<HttpClient> StaffAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(Roles.Staff);
        return client;
    }

    [Theory]
    [InlineData("from=&to=", "ch_1 pp_1 INJ ch_2 ch_3 ch_recent")]
    [InlineData("", "ch_recent")]
    [InlineData("from=2025-02-01&to=2025-04-30", "pp_1 INJ ch_2")]
    [InlineData("from=2025-04-20", "ch_2 ch_3 ch_recent")]
    [InlineData("from=&to=2025-01-10", "ch_1")]
    [InlineData("from=&to=&channel=Card", "ch_1 ch_2 ch_3 ch_recent")]
    [InlineData("from=&to=&campaign=Spring Appeal", "ch_1 ch_2")]
    [InlineData("from=&to=&donor=ada", "ch_1 pp_1")]
    [InlineData("from=&to=&donor=acme", "INJ")]
    [InlineData("from=&to=&min=100&max=300", "ch_1 ch_2")]
    [InlineData("from=&to=&min=20.50&max=20.50", "ch_3")]
    [InlineData("from=&to=&acknowledged=yes", "ch_1 ch_2")]
    [InlineData("from=&to=&acknowledged=no&channel=Card", "ch_3 ch_recent")]
    public async Task EachFilterNarrowsTheRowsAndTheTotalsAreTheirSums(string query, string expected)
    {
        var url = await UrlAsync(query);

        var page = await (await StaffAsync()).GetPageAsync(url);

        var wanted = expected.Split(' ').Select(t => t == "INJ" ? Injection : t).ToHashSet();
        Assert.Equal(wanted.Order(), TransactionsShown(page).Order());
        var totals = TotalsShown(page);
        var byHand = TotalsOf(Gifts.Where(g => wanted.Contains(g.Tx)));
        Assert.Equal(byHand.Keys.Order(), totals.Keys.Order());
        foreach (var (currency, values) in byHand) Assert.Equal(values, totals[currency]);
    }

    [Fact]
    public async Task ANarrowFilterShowsTheEmptyState()
    {
        var page = await (await StaffAsync()).GetPageAsync("/Donations?from=&to=&donor=nobody-at-all");

        Assert.NotNull(page.QuerySelector("[data-empty]"));
        Assert.Null(page.QuerySelector("[data-ledger]"));
    }

    [Theory]
    [InlineData("from=&to=")]
    [InlineData("from=&to=&sort=donor")]
    [InlineData("from=&to=&donor=Secret")]
    public async Task AnAnonymousDonorIsNeverNamed(string query)
    {
        var client = await StaffAsync();

        var html = await client.GetStringAsync("/Donations?" + query);
        var csv = await client.GetStringAsync("/Donations/Export?" + query);

        Assert.DoesNotContain(SecretName, html);
        Assert.DoesNotContain(SecretName, csv);
        if (!query.Contains("donor=")) Assert.Contains("Anonymous", html);
    }

    [Theory]
    [InlineData("from=2025-05-01&to=2025-01-01", "Input.To", "The end date is before the start date.")]
    [InlineData("from=31/01/2025", "Input.From", "Enter a date like 2025-01-31.")]
    [InlineData("min=500&max=20", "Input.Max", "The largest amount is below the smallest.")]
    [InlineData("min=lots", "Input.Min", "Enter an amount like 250 or 99.50.")]
    [InlineData("max=-5", "Input.Max", "Enter an amount like 1000 or 99.50.")]
    [InlineData("channel=Fax", "Input.Channel", "Choose one of the channels in the list.")]
    [InlineData("channel=3", "Input.Channel", "Choose one of the channels in the list.")]
    [InlineData("campaign=spring", "Input.Campaign", "Choose one of the campaigns in the list.")]
    [InlineData("acknowledged=maybe", "Input.Acknowledged", "Choose yes, no or any.")]
    public async Task ABadFilterIsRefusedBesideItsField(string query, string field, string message)
    {
        var client = await StaffAsync();

        var page = await client.GetPageAsync("/Donations?" + query, HttpStatusCode.BadRequest);
        var export = await client.GetAsync("/Donations/Export?" + query);

        Assert.Equal(message, page.FieldError(field));
        Assert.Null(page.QuerySelector("[data-ledger]"));
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Equal(message, (await export.ReadPageAsync()).FieldError(field)?.Split(": ", 2)[1]);
    }

    [Fact]
    public async Task TheBoardReadsTheLedgerAndItsExport()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(Roles.Board);

        Assert.NotNull((await client.GetPageAsync("/Donations?from=&to=")).QuerySelector("[data-ledger]"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Donations/Export?from=&to=")).StatusCode);
    }

    [Fact]
    public async Task TheWorkGroupDoesNotSeeTheLedger()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(Roles.WorkGroup);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Donations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Donations/Export")).StatusCode);
    }

    [Fact]
    public async Task AVisitorIsSentToSignIn()
    {
        var client = app.Browser();

        var page = await client.GetAsync("/Donations");
        var export = await client.GetAsync("/Donations/Export?from=&to=");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.ToString());
    }

    private async Task<string> UrlAsync(string query)
    {
        foreach (var name in new[] { "Spring Appeal", "Winter Drive" })
        {
            if (!query.Contains(name)) continue;
            var id = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
            query = query.Replace(name, id.ToString());
        }
        return "/Donations?" + query;
    }
}
