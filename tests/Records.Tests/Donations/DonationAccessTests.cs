using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.GiftData;

namespace Records.Tests.Donations;

/// <summary>Who reaches the donation pages: Staff everything, the Board reads, the Work Group and an Admin alone nothing, visitors log in.</summary>
public class DonationAccessTests(DonationAccessTests.App app) : IClassFixture<DonationAccessTests.App>
{
    public sealed class App : RecordsApp
    {
        public int Person, Sponsor, Campaign, Gift;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Person = await PersonAsync(this, "Grace Giver", "grace@example.org");
            Sponsor = await SponsorAsync(this, "Giving Corp", "Pat Contact", "pat@giving.example");
            Campaign = await CampaignAsync(this, "Access Appeal", goalMinor: 100_000_00);
            Gift = await GiftAsync(this, 500_00, new DateOnly(2025, 3, 1), Person, more: d => d.CampaignId = Campaign);
        }
    }

    private string[] Reads => ["/Donations", $"/Donations/Donor/{app.Person}", $"/Donations/Donor/{app.Sponsor}?organisation=true", "/Donations/Campaigns", "/Donations/Acknowledgements"];
    private string[] Edits => ["/Donations/Edit", $"/Donations/Edit/{app.Gift}", "/Donations/Campaigns/Edit", $"/Donations/Campaigns/Edit/{app.Campaign}"];
    private string[] Posts => [.. Edits, "/Donations/Acknowledgements?handler=Mark", $"/Donations/Acknowledgements?handler=Send&id={app.Gift}"];

    [Theory]
    [InlineData("Staff")]
    public async Task StaffReachEveryPageAndSeeTheWriteLinks(string role)
    {
        var client = await AsAsync(app, role);
        foreach (var url in Reads.Concat(Edits)) await client.GetPageAsync(url);

        var ledger = await client.GetPageAsync("/Donations?from=&to=");
        Assert.NotNull(ledger.QuerySelector("a[href='/Donations/Edit']"));
        Assert.NotNull(ledger.QuerySelector($"a[href='/Donations/Edit/{app.Gift}']"));
        Assert.NotNull((await client.GetPageAsync("/Donations/Acknowledgements")).QuerySelector($"tr[data-donation='{app.Gift}'] [data-send]"));
    }

    [Fact]
    public async Task TheBoardReadsTheListsButGetsForbiddenOnEveryFormAndPost()
    {
        var client = await AsAsync(app, "Board");
        foreach (var url in Reads)
        {
            var page = await client.GetPageAsync(url);
            Assert.Empty(page.QuerySelectorAll("main form[method=post], [data-send], [data-mark], input[name='Input.Ids']"));
            Assert.Empty(page.QuerySelectorAll("a[href^='/Donations/Edit'], a[href^='/Donations/Campaigns/Edit']"));
        }
        var ledger = await client.GetPageAsync("/Donations?from=&to=");
        Assert.NotNull(ledger.QuerySelector("a[href='/Donations/Campaigns']"));
        Assert.NotNull(ledger.QuerySelector("a[href='/Donations/Acknowledgements']"));

        foreach (var url in Edits) Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        var before = await app.WithDbAsync(db => db.Donations.CountAsync(d => d.AcknowledgedOn != null));
        foreach (var url in Posts)
        {
            Assert.Equal(HttpStatusCode.Forbidden, await PostWithTokenAsync(client, url, new Dictionary<string, string>
            {
                ["Input.Ids"] = app.Gift.ToString(), ["Input.Name"] = "Board campaign", ["Input.Amount"] = "10", ["Input.Channel"] = "Card",
            }));
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.Donations.CountAsync(d => d.AcknowledgedOn != null)));
        Assert.False(await app.WithDbAsync(db => db.Campaigns.AnyAsync(c => c.Name == "Board campaign")));
        Assert.Equal(0, await app.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Theory]
    [InlineData("WorkGroup")]
    [InlineData("Admin")]
    public async Task TheWorkGroupAndAnAdminAloneAreForbiddenEverywhere(string role)
    {
        var client = await AsAsync(app, role);
        foreach (var url in Reads.Concat(Edits))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }
        foreach (var url in Posts) Assert.Equal(HttpStatusCode.Forbidden, await PostWithTokenAsync(client, url));
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToLogIn()
    {
        var client = app.Browser();
        foreach (var url in Reads.Concat(Edits))
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
        }
    }
}
