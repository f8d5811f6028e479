using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Donations;

/// <summary>The campaign form, pressed as Staff would: a goal below zero is refused beside the field and nothing is saved; a good one is saved and listed.</summary>
public class CampaignEditTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    [Fact]
    public async Task ANegativeGoalIsRefusedBesideTheGoalThenAGoodCampaignIsSavedAndListed()
    {
        Chromium.Require();
        Directory.CreateDirectory(Repository.Screenshots);
        var staff = await server.SignedInPageAsync("staff@records.local");
        await staff.GotoAsync("/Donations/Campaigns/Edit");

        await staff.Locator("input[name='Input.Name']").FillAsync("Sprint fund 2026");
        await staff.Locator("input[name='Input.Goal']").FillAsync("-5");
        await staff.Locator("select[name='Input.Currency']").SelectOptionAsync("USD");
        await staff.Locator("input[name='Input.StartsOn']").FillAsync("2026-01-01");
        await staff.Locator("input[name='Input.EndsOn']").FillAsync("2026-12-31");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(staff.Locator("[data-valmsg-for='Input.Goal']")).ToContainTextAsync("Enter a goal above zero");
        Assert.Equal(0L, await server.ScalarAsync("SELECT COUNT(*) FROM Campaigns WHERE Name = 'Sprint fund 2026'"));
        await staff.SetViewportSizeAsync(390, 844);
        await staff.ShotAsync("campaign-goal-refused-390.png");
        await staff.SetViewportSizeAsync(1280, 900);
        await staff.ShotAsync("campaign-goal-refused-1280.png");

        await staff.Locator("input[name='Input.Goal']").FillAsync("25,000");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(staff.Locator(".flash")).ToContainTextAsync("Saved the campaign Sprint fund 2026.");
        Assert.Equal(2_500_000L, await server.ScalarAsync("SELECT GoalMinor FROM Campaigns WHERE Name = 'Sprint fund 2026'"));
        await Expect(staff.Locator("[data-campaigns]")).ToContainTextAsync("Sprint fund 2026");
        await staff.ShotAsync("campaign-saved-1280.png");
        await staff.SetViewportSizeAsync(390, 844);
        await staff.ShotAsync("campaign-saved-390.png");
    }
}
