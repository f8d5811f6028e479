using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Sponsors;

/// <summary>The sponsorships list's "ending within" filter, pressed as a person would: a word is refused beside the field, a number of days filters.</summary>
public class SponsorshipEndingFilterTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    [Fact]
    public async Task AWordIsRefusedBesideTheFieldAndANumberOfDaysFiltersTheList()
    {
        Chromium.Require();
        Directory.CreateDirectory(Repository.Screenshots);
        var staff = await server.SignedInPageAsync("staff@records.local");
        await staff.GotoAsync("/Sponsors/Sponsorships");

        var ending = staff.GetByLabel("Ending within");
        await ending.FillAsync("forever");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(staff.Locator("[data-valmsg-for='Input.Ending']")).ToHaveTextAsync("Enter a number of days from 1 to 3,660.");
        await Expect(staff.Locator(".lede")).ToHaveTextAsync("The filter needs correcting");
        await staff.SetViewportSizeAsync(390, 844);
        await staff.ShotAsync("sponsorships-ending-refused-390.png");
        await staff.SetViewportSizeAsync(1280, 900);
        await staff.ShotAsync("sponsorships-ending-refused-1280.png");

        await staff.GetByLabel("Ending within").FillAsync("3660");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(staff.Locator(".lede")).ToContainTextAsync("ending in the next 3,660 days");
        Assert.Contains("ending=3660", staff.Url, StringComparison.Ordinal);
        await Expect(staff.GetByLabel("Ending within")).ToHaveValueAsync("3660");
        await staff.ShotAsync("sponsorships-ending-filtered-1280.png");
        await staff.SetViewportSizeAsync(390, 844);
        await staff.ShotAsync("sponsorships-ending-filtered-390.png");
    }
}
