using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using Records.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Accounts;

public class LoginTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    public static TheoryData<string, string, string, string> Roles => new()
    {
        { "admin", "admin@records.local", "admin", "Mail outbox" },
        { "chair", "chair@records.local", "workgroup", "Rounds ready to close" },
        { "workgroup", "workgroup@records.local", "workgroup", "Fellow nominations" },
        { "staff", "staff@records.local", "staff", "Sponsorships ending in the next 60 days" },
        { "board", "board@records.local", "board", "Community Service Award proposals" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachRoleLogsInSeesItsHomePageAndLogsOut(string role, string email, string panel, string panelText)
    {
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Log in", Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "/Account/Login").ToString());
        await LogInAsync(page, email, AppStartup.DevelopmentPassword);

        await Expect(page).ToHaveURLAsync(server.BaseAddress.ToString());
        await Expect(page.Locator($"[data-panel='{panel}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-panel='{panel}']")).ToContainTextAsync(panelText);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Hello, {AppStartup.DevelopmentUsers.Single(u => u.Email == email).Name}");
        Directory.CreateDirectory(Repository.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, $"home-{role}.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are logged out.");
        await Expect(page.Locator(".who").GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-panel='{panel}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WrongPasswordIsRefusedBesideThePasswordField()
    {
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await LogInAsync(page, "staff@records.local", "Not-the-password-1");

        await Expect(page.Locator("[data-valmsg-for='Input.Password']"))
            .ToHaveTextAsync("That email and password do not match an account that can log in.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnonymousHomePageListsTheNewestFellows()
    {
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        var fellows = page.Locator("section[aria-labelledby='fellows-h'] ul li");
        await Expect(fellows).ToHaveCountAsync(8);
        await Expect(fellows.Filter(new() { HasText = "Al Sweigart" })).ToHaveCountAsync(1);
        await Expect(fellows.Filter(new() { HasText = "Tom Christie" })).ToHaveCountAsync(1);
        await Expect(page.Locator("section[aria-labelledby='fellows-h']")).ToContainTextAsync("2020");
    }

    private static async Task LogInAsync(IPage page, string email, string password)
    {
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }
}
