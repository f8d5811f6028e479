using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using Records.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Donations;

public class DonationImportTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    /// <summary>A cold server's first dry run on a busy two-core machine has been seen to take over 30 s.</summary>
    private const float ImportWait = 90_000;

    /// <summary>
    /// Waits for what a background import's page shows once its job ends; a failure says what the page showed instead,
    /// so a job that failed is never mistaken for one that is slow.
    /// </summary>
    private static async Task AfterTheJobAsync(IPage page, Func<Task> expectation)
    {
        try
        {
            await expectation();
        }
        catch (PlaywrightException e)
        {
            var shown = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 });
            var state = await page.EvaluateAsync<string>(@"async () => {
                const timer = await new Promise(r => setTimeout(() => r('timers run'), 100));
                const box = document.querySelector('[data-import-progress]');
                let poll = 'no box';
                if (box) { try { const r = await fetch(box.getAttribute('data-import-progress')); poll = r.status + ' ' + (await r.text()); } catch (x) { poll = 'fetch failed ' + x; } }
                const meta = document.querySelector('meta[http-equiv=refresh]');
                return [document.readyState, document.visibilityState, timer, 'meta ' + (meta ? meta.content : 'none'), 'scripts ' + [...document.scripts].map(s => s.src).join(' '), 'poll ' + poll, 'uptime ' + Math.round(performance.now())].join('; ');
            }");
            var again = await page.APIRequest.GetAsync(page.Url, new() { Timeout = 10_000 });
            var fresh = System.Text.RegularExpressions.Regex.Match(await again.TextAsync(), "<h1>(.*?)</h1>").Groups[1].Value;
            throw new InvalidOperationException($"{e.Message}{Environment.NewLine}The page at {page.Url} ({state}) showed:{Environment.NewLine}{shown}{Environment.NewLine}Asked again, the server answers {again.Status} \"{fresh}\".", e);
        }
    }

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
        await AfterTheJobAsync(page, () => Expect(page.Locator("[data-summary]")).ToContainTextAsync("5 donations would be added", new() { Timeout = ImportWait }));
        await Expect(page.Locator("[data-totals] tbody tr")).ToHaveCountAsync(2);
        await ScreenshotAsync(page, "donations-import-dry-run.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Commit: add 5 donations" }).ClickAsync();

        await AfterTheJobAsync(page, () => Expect(page.Locator("[data-state=done] [data-summary]")).ToContainTextAsync("Added 5 donations", new() { Timeout = ImportWait }));
        // Other tests of this class share the server and may have imported their own files first.
        await Expect(page.Locator("[data-recent-imports] tbody tr", new() { HasText = "stripe.csv" })).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "donations-import-done.png");

        await page.GotoAsync("/Donations?from=2025-03-01&to=2025-03-31");
        await Expect(page.Locator("table[data-ledger] code", new() { HasText = "ch_3QStripe" })).ToHaveCountAsync(5);
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
        await page.GetByLabel("Dates like 05/04/2025 are").SelectOptionAsync("DayMonthYear");
        await page.GetByLabel("Channel").SelectOptionAsync("Cheque");
        await ScreenshotAsync(page, "donations-import-mapping.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await AfterTheJobAsync(page, () => Expect(page.Locator("[data-summary]")).ToContainTextAsync("3 donations would be added", new() { Timeout = ImportWait }));
        await Expect(page.Locator("[data-bad-rows] tbody tr")).ToHaveTextAsync(["4 GEN-0003 The date '31/02/2025' is not a day of the calendar, read either way."], new() { UseInnerText = true });
    }

    /// <summary>The page at a phone's width and at a desktop's, each as a full-page screenshot; on the phone nothing may push the page sideways.</summary>
    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(390, 900);
        await ScreenshotAsync(page, $"{name}-390.png");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{name} at 390 px scrolls sideways: {widths[0]} px wide in {widths[1]} px.");
        await page.SetViewportSizeAsync(1280, 900);
        await ScreenshotAsync(page, $"{name}-1280.png");
    }

    [Fact]
    public async Task StaffSwitchTheOrderOfDatesThatReadEitherWayAndTheGiftsLandOnTheRightDays()
    {
        await using var context = await server.NewContextAsync();
        var page = await StaffAsync(context);

        await page.GotoAsync("/Donations/Import");
        await page.GetByLabel("Whose export").SelectOptionAsync("PayPal");
        await page.Locator("input[name='Input.File']").SetInputFilesAsync(ImportFile("page-paypal-ambiguous.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await AfterTheJobAsync(page, () => Expect(page.Locator("[data-dates-explained]")).ToContainTextAsync("could be read either way", new() { Timeout = ImportWait }));
        await Expect(page.Locator("[data-date-samples] tbody tr")).ToHaveTextAsync(
        [
            "2\t05/04/2025\t4 May 2025\t5 April 2025\t£50.00\tRosalind Franklin",
            "3\t03/02/2025\t2 March 2025\t3 February 2025\t£25.00\tTim Berners-Lee",
            "4\t10/11/2024\t11 October 2024\t10 November 2024\t£1,200.00\tSophie Wilson",
        ], new() { UseInnerText = true });
        await Expect(page.Locator("[data-commit-waits]")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Commit") })).ToHaveCountAsync(0);
        await ScreenshotsAsync(page, "donations-import-dates");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch: read them day first (DD/MM/YYYY)" }).ClickAsync();

        await AfterTheJobAsync(page, () => Expect(page.Locator("[data-dates-explained]")).ToHaveTextAsync("Dates are read day first (DD/MM/YYYY), as confirmed.", new() { Timeout = ImportWait }));
        await Expect(page.Locator("[data-date-samples] tbody tr").First).ToHaveTextAsync("2\t05/04/2025\t5 April 2025\t4 May 2025\t£50.00\tRosalind Franklin", new() { UseInnerText = true });
        await Expect(page.Locator("form[data-form=dates]")).ToHaveCountAsync(0);
        await ScreenshotsAsync(page, "donations-import-dates-switched");
        await page.GetByRole(AriaRole.Button, new() { Name = "Commit: add 5 donations" }).ClickAsync();

        await AfterTheJobAsync(page, () => Expect(page.Locator("[data-state=done] [data-summary]")).ToContainTextAsync("Added 5 donations", new() { Timeout = ImportWait }));
        Assert.Equal(
            ["PGAMB0001 | 2025-04-05", "PGAMB0002 | 2025-02-03", "PGAMB0003 | 2024-11-10", "PGAMB0004 | 2025-06-06", "PGAMB0005 | 2025-07-08"],
            await server.RowsAsync("SELECT TransactionId, ReceivedOn FROM Donations WHERE TransactionId LIKE 'PGAMB%' ORDER BY TransactionId"));

        await page.GotoAsync("/Donations?from=2024-11-01&to=2025-07-31");
        foreach (var (id, day) in new[] { ("PGAMB0001", "Apr 5, 2025"), ("PGAMB0002", "Feb 3, 2025"), ("PGAMB0003", "Nov 10, 2024"), ("PGAMB0004", "Jun 6, 2025"), ("PGAMB0005", "Jul 8, 2025") })
        {
            var row = page.Locator("table[data-ledger] tbody tr", new() { Has = page.Locator("code", new() { HasText = id }) });
            await Expect(row.Locator("td").First).ToHaveTextAsync(day);
        }
    }

    [Fact]
    public async Task StaffPointAtTheHeaderBelowAReportsDetailsThenMapCheckAndCommit()
    {
        await using var context = await server.NewContextAsync();
        var page = await StaffAsync(context);

        await page.GotoAsync("/Donations/Import");
        await page.GetByLabel("Whose export").SelectOptionAsync("Generic");
        await page.Locator("input[name='Input.File']").SetInputFilesAsync(ImportFile("page-generic-padded.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        // A spreadsheet pads the report details to the width of the table; the guess passes over them, and a person can point elsewhere and back.
        await Expect(page.Locator("[data-state=mapping] .lede")).ToHaveTextAsync("Say which column holds each field. The file has 6 columns, named on line 5.");
        await ScreenshotsAsync(page, "donations-import-header");
        await page.GetByLabel("The column names are on").SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this line" }).ClickAsync();
        await Expect(page.Locator("[data-state=mapping] .lede")).ToHaveTextAsync("Say which column holds each field. The file has 6 columns, named on line 1.");
        await Expect(page.GetByLabel("Transaction id")).ToHaveValueAsync("");
        await page.GetByLabel("The column names are on").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this line" }).ClickAsync();

        await Expect(page.Locator("[data-state=mapping] .lede")).ToHaveTextAsync("Say which column holds each field. The file has 6 columns, named on line 5.");
        await Expect(page.GetByLabel("The column names are on")).ToHaveValueAsync("5");
        await Expect(page.Locator("select[name='Input.Date'] option")).ToHaveTextAsync(["Choose…", "Gift date", "Amount", "Currency", "Reference", "Donor email", "Donor name"]);
        await Expect(page.GetByLabel("Transaction id")).ToHaveValueAsync("Reference");
        await page.GetByLabel("Channel").SelectOptionAsync("BankTransfer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await AfterTheJobAsync(page, () => Expect(page.Locator("[data-summary]")).ToContainTextAsync("3 donations would be added", new() { Timeout = ImportWait }));
        await Expect(page.Locator("[data-state=report] .lede")).ToContainTextAsync("(column names on line 5)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Commit: add 3 donations" }).ClickAsync();

        await AfterTheJobAsync(page, () => Expect(page.Locator("[data-state=done] [data-summary]")).ToContainTextAsync("Added 3 donations", new() { Timeout = ImportWait }));
        Assert.Equal(
            ["PPAD-0001 | 2025-02-15 | 4000 | USD | BankTransfer", "PPAD-0002 | 2025-02-16 | 1250 | EUR | BankTransfer", "PPAD-0003 | 2025-03-01 | 10000 | USD | BankTransfer"],
            await server.RowsAsync("SELECT TransactionId, ReceivedOn, AmountMinor, Currency, Channel FROM Donations WHERE TransactionId LIKE 'PPAD-%' ORDER BY TransactionId"));
    }

    [Fact]
    public async Task StaffConfirmTheOrderTheDatesWereReadInAndTheGiftsKeepIt()
    {
        await using var context = await server.NewContextAsync();
        var page = await StaffAsync(context);
        // The same file as the switch test, under ids of its own: the two share the server's ledger.
        var file = System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(ImportFile("page-paypal-ambiguous.csv")).Replace("PGAMB", "PBCNF", StringComparison.Ordinal));

        await page.GotoAsync("/Donations/Import");
        await page.GetByLabel("Whose export").SelectOptionAsync("PayPal");
        await page.Locator("input[name='Input.File']").SetInputFilesAsync(new FilePayload { Name = "paypal-us.csv", MimeType = "text/csv", Buffer = file });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await AfterTheJobAsync(page, () => Expect(page.Locator("[data-date-samples] tbody tr")).ToHaveCountAsync(3, new() { Timeout = ImportWait }));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm: dates are month first (MM/DD/YYYY)" }).ClickAsync();

        await Expect(page.Locator("[data-dates-explained]")).ToHaveTextAsync("Dates are read month first (MM/DD/YYYY), as confirmed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Commit: add 5 donations" }).ClickAsync();

        await AfterTheJobAsync(page, () => Expect(page.Locator("[data-state=done] [data-summary]")).ToContainTextAsync("Added 5 donations", new() { Timeout = ImportWait }));
        Assert.Equal(
            ["PBCNF0001 | 2025-05-04", "PBCNF0002 | 2025-03-02", "PBCNF0003 | 2024-10-11", "PBCNF0004 | 2025-06-06", "PBCNF0005 | 2025-08-07"],
            await server.RowsAsync("SELECT TransactionId, ReceivedOn FROM Donations WHERE TransactionId LIKE 'PBCNF%' ORDER BY TransactionId"));
    }
}
