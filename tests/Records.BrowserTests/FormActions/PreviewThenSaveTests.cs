using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.FormActions;

/// <summary>Each form with a Preview button: Preview first (the page comes back from ?handler=Preview), then Send or Save, then the database.</summary>
public class PreviewThenSaveTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await (await server.NewContextAsync()).NewPageAsync();
        await page.LogInAsync(email);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task ANominationPreviewedFirstIsSent()
    {
        Chromium.Require();
        var page = await (await server.NewContextAsync()).NewPageAsync();
        await page.GotoAsync("/Nominate");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Petra Preview");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("petra.preview@example.org");
        await page.GetByLabel("Why should they be a Fellow?").FillAsync(
            "Petra has run the **Python user group** of her city for ten years and mentored dozens of first-time contributors to the standard library.");
        await page.GetByLabel("Your name").FillAsync("Paul Pressed");
        await page.GetByLabel("Your email").FillAsync("paul@example.net");

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await page.WaitForURLAsync("**/Nominate?handler=Preview");
        await Expect(page.Locator("#statement-preview strong")).ToHaveTextAsync("Python user group");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send nomination" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for your nomination");
        Assert.Equal(1L, await server.ScalarAsync(
            "SELECT COUNT(*) FROM Nominations n JOIN People p ON p.Id = n.NomineeId WHERE p.Email = $email AND n.NominatorEmail = 'paul@example.net'", ("$email", "petra.preview@example.org")));
    }

    [Fact]
    public async Task AnEmailTemplatePreviewedFirstIsSaved()
    {
        Chromium.Require();
        var page = await SignedInAsync("admin@records.local");
        await page.GotoAsync("/Admin/EmailTemplates/Edit/outcome-expired");
        await page.GetByLabel("Subject").FillAsync("Time is up for {{ nominee_name }}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator("[data-preview]")).ToContainTextAsync("Time is up for Łukasz Langa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.Locator(".flash")).ToContainTextAsync("Saved the wording");
        Assert.Equal("Time is up for {{ nominee_name }}", await server.ScalarAsync("SELECT Subject FROM EmailTemplates WHERE Key = 'outcome-expired'"));
    }

    [Fact]
    public async Task APostTemplatePreviewedFirstIsSaved()
    {
        Chromium.Require();
        var page = await SignedInAsync("staff@records.local");
        await page.GotoAsync("/Posts/Templates/Edit/ServiceAward");
        await page.Locator("textarea[name='Input.Body']").FillAsync("Hooray for **{{ recipient }}**!");

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await page.WaitForURLAsync("**/Posts/Templates/Edit/ServiceAward?handler=Preview");
        await Expect(page.Locator("#template-preview strong")).ToHaveTextAsync("John Roa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.Locator(".flash")).ToContainTextAsync("Saved the Community Service Award template");
        Assert.Equal("Hooray for **{{ recipient }}**!", await server.ScalarAsync("SELECT Body FROM PostTemplates WHERE Kind = 'ServiceAward'"));
    }

    [Fact]
    public async Task ADraftPostRefusedOnceIsWrittenAgainThenPublished()
    {
        Chromium.Require();
        var page = await SignedInAsync("staff@records.local");
        await page.GotoAsync("/Posts/New?kind=Fellows");
        await page.GetByLabel("Quarter").FillAsync("Q1 2020");
        await page.GetByRole(AriaRole.Button, new() { Name = "Write the draft" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Wrote the draft");
        var id = long.Parse(page.Url.Split('/')[^1]);

        await page.GetByLabel("Published at").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark published" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Publish.Url']")).Not.ToBeEmptyAsync();
        await page.GetByLabel("Title").FillAsync("Our newest Fellows, Q1 2020");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and write again from the records" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Wrote the draft again");
        Assert.Equal("Our newest Fellows, Q1 2020", await server.ScalarAsync("SELECT Title FROM Posts WHERE Id = $id", ("$id", id)));
        await page.GetByLabel("Published at").FillAsync("https://pyfound.blogspot.com/2020/04/fellows-q1.html");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark published" }).ClickAsync();

        await Expect(page.Locator(".flash")).ToContainTextAsync("Marked “Our newest Fellows, Q1 2020” published");
        Assert.Equal("Published", await server.ScalarAsync("SELECT Status FROM Posts WHERE Id = $id", ("$id", id)));
    }
}
