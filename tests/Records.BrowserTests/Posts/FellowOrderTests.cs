using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Posts;

public class FellowOrderTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    [Fact]
    public async Task StaffMoveAFellowUpAndDownInADraftAndThePostIsWrittenInThatOrder()
    {
        Chromium.Require();
        Directory.CreateDirectory(Repository.Screenshots);
        var staff = await (await server.NewContextAsync()).NewPageAsync();
        await staff.LogInAsync("staff@records.local");

        await staff.GotoAsync("/Posts/New?kind=Fellows");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Write the draft" }).ClickAsync();
        var names = staff.Locator("[data-fellow-order] [data-fellow-name]");
        await Expect(names).ToHaveTextAsync(["Al Sweigart", "Alexandre Savio", "Darya Chyzhyk", "Kenneth Love", "Kevin O'Brien", "Serhiy Storchaka", "Thea Flowers", "Tom Christie"]);

        await staff.GetByRole(AriaRole.Button, new() { Name = "Move Tom Christie up" }).ClickAsync();
        await Expect(staff.Locator(".flash")).ToContainTextAsync("Moved Tom Christie up");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Move Al Sweigart down" }).ClickAsync();
        await Expect(staff.Locator(".flash")).ToContainTextAsync("Moved Al Sweigart down");
        string[] expected = ["Alexandre Savio", "Al Sweigart", "Darya Chyzhyk", "Kenneth Love", "Kevin O'Brien", "Serhiy Storchaka", "Tom Christie", "Thea Flowers"];
        await Expect(names).ToHaveTextAsync(expected);
        await Expect(staff.Locator("[data-post-html] strong")).ToHaveTextAsync(expected);
        await staff.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "post-fellow-order.png"), FullPage = true });
        await staff.SetViewportSizeAsync(390, 900);
        await staff.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "post-fellow-order-390.png"), FullPage = true });

        var saved = await MarkdownAsync();
        Assert.Equal(expected, saved.Split('\n').Where(l => l.StartsWith("**")).Select(l => l.Trim('*', ' ')));
    }

    private async Task<string> MarkdownAsync() =>
        (string)(await server.ScalarAsync("SELECT Markdown FROM Posts WHERE Kind = 'Fellows' ORDER BY Id DESC LIMIT 1"))!;
}
