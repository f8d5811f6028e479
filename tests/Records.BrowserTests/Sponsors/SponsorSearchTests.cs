using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Sponsors;

/// <summary>The sponsor list's search, pressed as a person would: a wildcard-looking search finds nothing, a name finds its sponsor.</summary>
public class SponsorSearchTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    [Fact]
    public async Task ASearchForAWildcardFindsNothingAndASearchForANameFindsTheSponsor()
    {
        Chromium.Require();
        Directory.CreateDirectory(Repository.Screenshots);
        var staff = await server.SignedInPageAsync("staff@records.local");
        await staff.GotoAsync("/Sponsors");

        var search = staff.GetByLabel("Search sponsors by name");
        await search.FillAsync("%_");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(staff.Locator("[data-empty]")).ToContainTextAsync("No sponsor's name contains “%_”.");
        await staff.SetViewportSizeAsync(390, 844);
        await staff.ShotAsync("sponsors-search-empty-390.png");
        await staff.SetViewportSizeAsync(1280, 900);
        await staff.ShotAsync("sponsors-search-empty-1280.png");

        await search.FillAsync("  mongo ");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sponsors");
        await Expect(staff.GetByText("1 sponsor named like “mongo”")).ToBeVisibleAsync();
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "MongoDB", Exact = true })).ToBeVisibleAsync();
        await staff.ShotAsync("sponsors-search-found-1280.png");
        await staff.SetViewportSizeAsync(390, 844);
        await staff.ShotAsync("sponsors-search-found-390.png");
    }
}
