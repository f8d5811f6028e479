using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Nominations;

public class NominateTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    [Fact]
    public async Task PreviewFollowsTheStatementAsItIsTypedAndTheNominationIsReceived()
    {
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Nominate");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser Nominee");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("browser.nominee@example.org");
        await page.GetByLabel("GitHub").FillAsync("https://github.com/browser-nominee");
        await page.GetByLabel("Why should they be a Fellow?").PressSequentiallyAsync(
            "Runs the **local meetup** <b>every month</b> and has mentored many new contributors to the packaging tools, the docs and the test suite.");

        // No click: the script posts the statement and swaps in the rendered fragment.
        var preview = page.Locator("#statement-preview [data-statement-preview]");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("local meetup");
        await Expect(preview).ToContainTextAsync("<b>every month</b>");
        await Expect(preview.Locator("b")).ToHaveCountAsync(0);
        Directory.CreateDirectory(Repository.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "nominate-live-preview.png"), FullPage = true });

        await page.GetByLabel("Your name").FillAsync("Browser Nominator");
        await page.GetByLabel("Your email").FillAsync("browser.nominator@example.net");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send nomination" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for your nomination");
        await Expect(page.Locator("main")).ToContainTextAsync("Your nomination of Browser Nominee joined the");
    }
}
