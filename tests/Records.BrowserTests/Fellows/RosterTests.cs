using System.Text;
using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using Records.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Fellows;

public class RosterTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private const string RosterCsv =
        "name,year,quarter,links,email,status\n" +
        "\"Rossum, Guido van\",2001,1,\"https://gvanrossum.github.io https://github.com/gvanrossum\",,Emeritus\n" +
        "Al Sweigart,2020,1,https://inventwithpython.com,,\n" +
        ",2019,2,,,\n" +
        "Mariatta Wijaya,2018,2,https://github.com/Mariatta | https://fosstodon.org/@mariatta,mariatta@example.org,\n" +
        "Bad Quarter,2019,7,,,\n" +
        "Ftp Person,2018,4,ftp://files.example/me,,\n";

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Repository.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, name), FullPage = true });
    }

    [Fact]
    public async Task StaffImportARosterAndMarkAFellowInMemoriamWhichThePublicThenSees()
    {
        await using var staff = await server.NewContextAsync();
        var page = await staff.NewPageAsync();
        await page.LogInAsync("staff@records.local");

        await page.GotoAsync("/Fellows");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import roster" }).ClickAsync();
        await page.Locator("input[name='Input.File']").SetInputFilesAsync(new FilePayload { Name = "psf-fellows.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(RosterCsv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await Expect(page.Locator("[data-summary]")).ToContainTextAsync("2 Fellows would be added, 1 row skipped as already on the roster.");
        await Expect(page.Locator("[data-bad-rows] tbody tr")).ToHaveCountAsync(3);
        await ScreenshotAsync(page, "fellows-import-dry-run.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add 2 Fellows to the roster" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added 2 Fellows from psf-fellows.csv");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit Kenneth Love" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kenneth Love");
        await page.GetByLabel("Deceased").CheckAsync();
        await ScreenshotAsync(page, "fellows-edit.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved Kenneth Love: in memoriam, 2020 Q1.");
        await page.GotoAsync("/Fellows");
        await ScreenshotAsync(page, "fellows-roster-staff.png");

        await using var visitor = await server.NewContextAsync();
        var roster = await visitor.NewPageAsync();
        await roster.GotoAsync("/Fellows");
        await Expect(roster.Locator("[data-total]")).ToHaveTextAsync("10 Fellows on the roster");
        await Expect(roster.Locator("li[data-fellow]", new() { HasText = "Kenneth Love" }).Locator(".badge")).ToHaveTextAsync("In memoriam");
        await Expect(roster.Locator("[data-quarter='2018-2'] li", new() { HasText = "Mariatta Wijaya" }).Locator(".links a")).ToHaveTextAsync(["GitHub", "Mastodon"]);
        await Expect(roster.Locator("a[href^='/Fellows/Edit']")).ToHaveCountAsync(0);
        await ScreenshotAsync(roster, "fellows-roster.png");
    }
}
