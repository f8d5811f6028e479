using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Posts;

public class TemplateTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    [Fact]
    public async Task EditingATemplateChangesThePreviewAsStaffType()
    {
        Chromium.Require();
        Directory.CreateDirectory(Repository.Screenshots);

        var staff = await (await server.NewContextAsync()).NewPageAsync();
        await staff.LogInAsync("staff@records.local");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Posts" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Templates" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "New Fellows" }).ClickAsync();

        var preview = staff.Locator("#template-preview");
        await Expect(preview.Locator("strong").First).ToHaveTextAsync("Al Sweigart");
        await Expect(preview).ToContainTextAsync("We are happy to announce our newest PSF Fellow Members for Q1 2020!");

        var body = staff.Locator("textarea[name='Input.Body']");
        await body.FillAsync("Welcome, {% for fellow in fellows %}*{{ fellow.name }}*{% unless forloop.last %}, {% endunless %}{% endfor %}!");
        await Expect(preview.Locator("em").Nth(7)).ToHaveTextAsync("Tom Christie");
        await Expect(preview).Not.ToContainTextAsync("We are happy to announce");

        await body.PressSequentiallyAsync(" {{ fellow.nmae");
        await Expect(preview.Locator("[data-preview-error]")).ToContainTextAsync("Line 1:");
        await staff.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "post-template-error.png"), FullPage = true });

        await body.FillAsync("Welcome, {% for fellow in fellows %}*{{ fellow.name }}*{% unless forloop.last %}, {% endunless %}{% endfor %}!");
        await Expect(preview.Locator("em").First).ToHaveTextAsync("Al Sweigart");
        await staff.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "post-template-preview.png"), FullPage = true });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(staff.Locator(".flash")).ToContainTextAsync("Saved the New Fellows template");
        await Expect(staff.Locator("[data-kind=Fellows]")).ToContainTextAsync("Changed by Staff");
    }
}
