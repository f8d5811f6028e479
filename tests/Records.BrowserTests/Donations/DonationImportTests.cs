using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using Records.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Donations;

public class DonationImportTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    /// <summary>A cold server's first dry run on a busy two-core machine has been seen to take over 30 s.</summary>
    private const float ImportWait = 90_000;

    private static string ImportFile(string name) => Path.Combine(Repository.Root, "tests", "Records.Tests", "Donations", "Import", "Files", name);

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Repository.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, name), FullPage = true });
    }

    private async Task<IPage> StaffAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.LogInAsync("staff@records.local");
        return page;
    }

    [Fact]
    public async Task StaffImportAStripeExportAndFindTheGiftsInTheLedger()
    {
        await using var context = await server.NewContextAsync();
        var page = await StaffAsync(context);

        await page.GotoAsync("/Donations");
        await page.Locator("[data-import]").ClickAsync();
        await page.GetByLabel("Whose export").SelectOptionAsync("Stripe");
        await page.Locator("input[name='Input.File']").SetInputFilesAsync(ImportFile("stripe.csv"));
        await ScreenshotAsync(page, "donations-import-upload.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        // The first dry run in a cold server builds EF's model and compiles the import; a slow CI machine needs more than the default 5 s.
        await Expect(page.Locator("[data-summary]")).ToContainTextAsync("5 donations would be added", new() { Timeout = ImportWait });
        await Expect(page.Locator("[data-totals] tbody tr")).ToHaveCountAsync(2);
        await ScreenshotAsync(page, "donations-import-dry-run.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Commit: add 5 donations" }).ClickAsync();

        await Expect(page.Locator("[data-state=done] [data-summary]")).ToContainTextAsync("Added 5 donations", new() { Timeout = ImportWait });
        await Expect(page.Locator("[data-recent-imports] tbody tr")).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "donations-import-done.png");

        await page.GotoAsync("/Donations?from=2025-03-01&to=2025-03-31");
        await Expect(page.Locator("table[data-ledger] code")).ToHaveCountAsync(5);
        foreach (var id in new[] { "ch_3QStripe00001", "ch_3QStripe00002", "ch_3QStripe00005", "ch_3QStripe00006", "ch_3QStripe00007" })
        {
            await Expect(page.Locator("table[data-ledger] code", new() { HasText = id })).ToHaveCountAsync(1);
        }
        await ScreenshotAsync(page, "donations-import-ledger.png");
    }

    [Fact]
    public async Task StaffMapTheColumnsOfAnotherCsvBeforeItsDryRun()
    {
        await using var context = await server.NewContextAsync();
        var page = await StaffAsync(context);

        await page.GotoAsync("/Donations/Import");
        await page.GetByLabel("Whose export").SelectOptionAsync("Generic");
        await page.Locator("input[name='Input.File']").SetInputFilesAsync(ImportFile("generic.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await Expect(page.Locator("[data-state=mapping] h1")).ToHaveTextAsync("Map the columns of generic.csv");
        await Expect(page.GetByLabel("Amount")).ToHaveValueAsync("Amount");
        await page.GetByLabel("Transaction id").SelectOptionAsync("Reference");
        await page.GetByLabel("Dates are written").SelectOptionAsync("DayMonthYear");
        await page.GetByLabel("Channel").SelectOptionAsync("Cheque");
        await ScreenshotAsync(page, "donations-import-mapping.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await Expect(page.Locator("[data-summary]")).ToContainTextAsync("3 donations would be added", new() { Timeout = ImportWait });
        await Expect(page.Locator("[data-bad-rows] tbody tr")).ToHaveTextAsync(["4 GEN-0003 The date '31/02/2025' is not a day of the calendar, read either way."], new() { UseInnerText = true });
    }
}
