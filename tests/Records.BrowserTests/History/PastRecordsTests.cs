using System.Text;
using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.History;

public class PastRecordsTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private const string PastCsv =
        "year,quarter,nominee,nominator,outcome,nominee_email\n" +
        "2014,4,Naomi Past,Nora Nominator,accepted,naomi.past@example.org\n" +
        "2014,4,Oscar Past,Nora Nominator,not accepted,\n" +
        "2014,4,,Nora Nominator,accepted,\n";

    [Fact]
    public async Task TheChairImportsAPastQuarterAndItsFellowsJoinTheRoster()
    {
        Directory.CreateDirectory(Repository.Screenshots);
        var page = await server.SignedInPageAsync("chair@records.local");
        await page.GotoAsync("/Nominations/Rounds");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import past nominations" }).ClickAsync();
        await page.Locator("input[name='Input.File']").SetInputFilesAsync(new FilePayload { Name = "past-2014.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(PastCsv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await Expect(page.Locator("[data-summary]")).ToContainTextAsync("2 nominations would be added (Q4 2014), 1 Fellow joining the roster.");
        await Expect(page.Locator("[data-bad-rows] tbody tr")).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("4.*The nominee is missing\\.")]);
        Assert.Empty(await server.RowsAsync("SELECT Id FROM Rounds WHERE Year = 2014"));
        await page.SetViewportSizeAsync(390, 844);
        await page.ShotAsync("past-nominations-390.png");
        await page.SetViewportSizeAsync(1280, 900);
        await page.ShotAsync("past-nominations-1280.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add 2 past nominations" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Added 2 past nominations from past-2014.csv (Q4 2014); 1 Fellow joined the roster. 1 row with problems left out.");
        Assert.Equal(["Closed | 2014-11-20 | 2014-12-20"], await server.RowsAsync("SELECT Status, CutOff, ReviewEnds FROM Rounds WHERE Year = 2014 AND Quarter = 4"));
        Assert.Equal(["Naomi Past | Accepted", "Oscar Past | NotAccepted"],
            await server.RowsAsync("SELECT p.Name, n.Status FROM Nominations n JOIN People p ON p.Id = n.NomineeId JOIN Rounds r ON r.Id = n.RoundId WHERE r.Year = 2014 ORDER BY p.Name"));
        Assert.Equal(["Naomi Past | 2014 | 4"], await server.RowsAsync("SELECT p.Name, f.Year, f.Quarter FROM Fellows f JOIN People p ON p.Id = f.PersonId WHERE f.Year = 2014"));
    }

    [Fact]
    public async Task StaffRecordAPastAwardWhichThePublicListShows()
    {
        Directory.CreateDirectory(Repository.Screenshots);
        var page = await server.SignedInPageAsync("staff@records.local");
        await page.GotoAsync("/ServiceAwards");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a past award" }).ClickAsync();
        await page.GetByLabel("Recipient", new() { Exact = true }).FillAsync("PyCon Past Association");
        await page.GetByLabel("The recipient is a group").CheckAsync();
        await page.GetByLabel("Year", new() { Exact = true }).FillAsync("2011");
        await page.GetByLabel("Quarter", new() { Exact = true }).SelectOptionAsync("2");
        await page.GetByLabel("Decided on").FillAsync("2011-06-15");
        await page.GetByLabel("What the award recognised").FillAsync("Running the regional conference for ten years.");
        await page.GetByLabel("The Board's resolution").FillAsync("RESOLVED, that the Python Software Foundation award the 2011 Q2 Community Service Award to the PyCon Past Association.");
        await page.SetViewportSizeAsync(390, 844);
        await page.ShotAsync("past-award-390.png");
        await page.SetViewportSizeAsync(1280, 900);
        await page.ShotAsync("past-award-1280.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.Locator(".flash")).ToHaveTextAsync("Recorded the 2011 Q2 Community Service Award to PyCon Past Association, approved Jun 15, 2011.");
        Assert.Equal(["Approved | 2011 | 2 | 2011-06-15 | 1 | ∅"],
            await server.RowsAsync("SELECT Status, Year, Quarter, DecidedOn, RecipientIsGroup, RecipientPersonId FROM ServiceAwards WHERE RecipientName = 'PyCon Past Association'"));
        var visitor = await (await server.NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync("/ServiceAwards/Recipients");
        await Expect(visitor.Locator("main")).ToContainTextAsync("PyCon Past Association");
    }
}
