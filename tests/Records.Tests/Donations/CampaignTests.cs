using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.GiftData;

namespace Records.Tests.Donations;

/// <summary>Campaigns: progress is what was raised in the goal's currency, summed in SQL; the form refuses a bad campaign beside the field.</summary>
public class CampaignTests(CampaignTests.App app) : IClassFixture<CampaignTests.App>
{
    public sealed class App : RecordsApp
    {
        public int Appeal, NoGoal;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Appeal = await CampaignAsync(this, "Progress Appeal", "USD", 1_000_00, new DateOnly(2025, 3, 1), new DateOnly(2025, 5, 31));
            NoGoal = await CampaignAsync(this, "Open Appeal");
            await GiftAsync(this, 250_00, new DateOnly(2025, 3, 5), more: d => d.CampaignId = Appeal);
            await GiftAsync(this, 125_50, new DateOnly(2025, 3, 6), more: d => d.CampaignId = Appeal);
            await GiftAsync(this, 900_00, new DateOnly(2025, 3, 7), currency: "EUR", more: d => d.CampaignId = Appeal);
            await GiftAsync(this, 999_00, new DateOnly(2025, 3, 8));
        }
    }

    private static Dictionary<string, string> Fields(string name, params (string Key, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Description"] = "", ["Input.Goal"] = "5,000", ["Input.Currency"] = "USD", ["Input.StartsOn"] = "2026-01-01", ["Input.EndsOn"] = "2026-02-01",
        };
        foreach (var (key, value) in changes) fields[key] = value;
        return fields;
    }

    [Fact]
    public async Task ACampaignShowsWhatItRaisedInTheGoalsCurrencyAsAPercentOfTheGoal()
    {
        var page = await (await AsAsync(app, "Board")).GetPageAsync("/Donations/Campaigns");

        var row = page.QuerySelector($"tr[data-campaign='{app.Appeal}']")!;
        var raised = await app.WithDbAsync(db => db.Donations.Where(d => d.CampaignId == app.Appeal && d.Currency == "USD").SumAsync(d => d.AmountMinor));
        Assert.Equal(375_50, raised);
        Assert.Equal("$375.50", row.QuerySelector(".raised")!.TextContent);
        Assert.Equal("$1,000", row.QuerySelector(".goal")!.TextContent);
        Assert.Equal("37%", row.QuerySelector(".percent")!.TextContent);
        Assert.Equal("37", row.QuerySelector("progress")!.GetAttribute("value"));
        Assert.StartsWith("3", row.QuerySelector(".gifts")!.TextContent);
        Assert.Contains("1 in other currencies", row.QuerySelector(".gifts")!.TextContent);
        Assert.Contains("Mar 1, 2025 – May 31, 2025", row.TextContent);
        Assert.Contains("no goal", page.QuerySelector($"tr[data-campaign='{app.NoGoal}']")!.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/Donations?from=&to=&campaign={app.Appeal}']"));
    }

    [Fact]
    public async Task StaffCreateAndEditACampaign()
    {
        var client = await AsAsync(app, "Staff");

        var created = await client.SubmitAsync("/Donations/Campaigns/Edit", Fields("Winter Drive 2026", ("Input.Currency", "eur"), ("Input.Goal", "12,500.50")));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var campaign = await app.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Name == "Winter Drive 2026"));
        Assert.Equal(("EUR", (long?)12_500_50, (DateOnly?)new DateOnly(2026, 1, 1)), (campaign.Currency, campaign.GoalMinor, campaign.StartsOn));
        Assert.Contains("Saved the campaign Winter Drive 2026", (await client.GetPageAsync("/Donations/Campaigns")).QuerySelector(".flash")!.TextContent);

        var form = await client.GetPageAsync($"/Donations/Campaigns/Edit/{campaign.Id}");
        Assert.Equal("12,500.50", form.QuerySelector("[name='Input.Goal']")!.GetAttribute("value"));
        var edited = await client.SubmitFormAsync(form, $"/Donations/Campaigns/Edit/{campaign.Id}", Fields("Winter Drive 2026", ("Input.Goal", ""), ("Input.Currency", "EUR")));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaign.Id).Select(c => c.GoalMinor).SingleAsync()));

        var stale = await client.SubmitFormAsync(form, $"/Donations/Campaigns/Edit/{campaign.Id}", Fields("Winter Drive 2026 (stale)"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Campaigns.AnyAsync(c => c.Name == "Winter Drive 2026 (stale)")));
    }

    [Theory]
    [InlineData("Input.Name", "", "Input.Name", "Enter the campaign's name.")]
    [InlineData("Input.Name", "progress appeal", "Input.Name", "Another campaign already has this name.")]
    [InlineData("Input.EndsOn", "2025-12-31", "Input.EndsOn", "The campaign cannot end before it starts.")]
    [InlineData("Input.StartsOn", "soon", "Input.StartsOn", "Enter a date like 2026-03-01.")]
    [InlineData("Input.Goal", "-10", "Input.Goal", "Enter a goal above zero")]
    [InlineData("Input.Goal", "lots", "Input.Goal", "“lots” is not an amount: write it in USD like 250 or 99.50.")]
    [InlineData("Input.Goal", "20000000", "Input.Goal", "at most $10,000,000.00")]
    [InlineData("Input.Currency", "ABC", "Input.Currency", "ISO 4217")]
    [InlineData("Input.Currency", "", "Input.Currency", "ISO 4217")]
    public async Task ABadCampaignIsRefusedBesideTheFieldAndNothingIsSaved(string field, string value, string errorField, string message)
    {
        var before = await app.WithDbAsync(db => db.Campaigns.CountAsync());

        var response = await (await AsAsync(app, "Staff")).SubmitAsync("/Donations/Campaigns/Edit", Fields("Bad Campaign", (field, value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ReadPageAsync()).FieldError(errorField));
        Assert.Equal(before, await app.WithDbAsync(db => db.Campaigns.CountAsync()));
    }

    [Fact]
    public async Task TheCampaignListIssuesTheSameQueriesForTwoCampaignsOrTwenty()
    {
        var client = await AsAsync(app, "Staff");
        var (_, few) = await app.Sql.GetAsync(client, "/Donations/Campaigns");
        for (var i = 0; i < 18; i++)
        {
            var id = await CampaignAsync(app, $"Many {i:00}", goalMinor: 100_00);
            await GiftAsync(app, 10_00, new DateOnly(2025, 1, 1), more: d => d.CampaignId = id);
        }

        var (response, many) = await app.Sql.GetAsync(client, "/Donations/Campaigns");

        Assert.True(response.IsSuccessStatusCode);
        Assert.True((await response.ReadPageAsync()).QuerySelectorAll("tr[data-campaign]").Length >= 20);
        Assert.Equal(few.Count, many.Count);
    }
}
