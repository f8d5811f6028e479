using Microsoft.Playwright;
using Records.Web.Infrastructure;

namespace Records.BrowserTests.Infrastructure;

public static class SignIn
{
    /// <summary>Signs in through the login form, as a person does, with a development account's password.</summary>
    public static async Task LogInAsync(this IPage page, string email, string password = AppStartup.DevelopmentPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }

    /// <summary>A page in a browser context of its own, signed in with a development account.</summary>
    public static async Task<IPage> SignedInPageAsync(this RecordsServer server, string email)
    {
        var page = await (await server.NewContextAsync()).NewPageAsync();
        await page.LogInAsync(email);
        return page;
    }

    /// <summary>A full-page screenshot in the repository's screenshots folder.</summary>
    public static Task ShotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, name), FullPage = true });
}
