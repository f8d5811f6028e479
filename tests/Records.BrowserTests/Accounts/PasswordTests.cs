using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Accounts;

/// <summary>The forms that set a password refuse a guessable one beside the field, saying why, and take a strong one.</summary>
public class PasswordTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    [Fact]
    public async Task AdminAddsAUserWhoThenChangesTheirPassword()
    {
        var admin = await server.SignedInPageAsync("admin@records.local");
        var cookies = await admin.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == "__Host-Records.Auth" && c.Secure && c.Path == "/" && c.HttpOnly);
        Assert.All(cookies, c => Assert.True(c.Secure, $"{c.Name} is not Secure"));

        await admin.GotoAsync("/Admin/Users/Create");
        await admin.Locator("input[name='Input.DisplayName']").FillAsync("Petra Password");
        await admin.Locator("input[name='Input.Email']").FillAsync("petra@example.org");
        await admin.Locator("input[name='Input.Password']").FillAsync("Password2026!");
        await admin.Locator("input[name='Input.Roles'][value='Board']").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        await Expect(admin.Locator("[data-valmsg-for='Input.Password']")).ToContainTextAsync("This password is easy to guess: it is built on a common password.");
        await admin.SetViewportSizeAsync(390, 844);
        await admin.ShotAsync("password-refused-390.png");
        await admin.SetViewportSizeAsync(1280, 900);
        await admin.ShotAsync("password-refused-1280.png");
        Assert.Equal(0L, await server.ScalarAsync("SELECT COUNT(*) FROM AspNetUsers WHERE Email = 'petra@example.org'"));

        await admin.Locator("input[name='Input.Password']").FillAsync("velvet otter climbs the lighthouse");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Expect(admin.Locator(".flash")).ToContainTextAsync("Petra Password can now log in as petra@example.org.");

        await using var context = await server.NewContextAsync();
        var petra = await context.NewPageAsync();
        await petra.LogInAsync("petra@example.org", "velvet otter climbs the lighthouse");
        await petra.GotoAsync("/Account/ChangePassword");
        await petra.Locator("input[name='Input.CurrentPassword']").FillAsync("velvet otter climbs the lighthouse");
        await petra.Locator("input[name='Input.NewPassword']").FillAsync("petra-example-org");
        await petra.Locator("input[name='Input.ConfirmPassword']").FillAsync("petra-example-org");
        await petra.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(petra.Locator("[data-valmsg-for='Input.NewPassword']")).ToContainTextAsync("it contains your name or email address.");

        await petra.Locator("input[name='Input.CurrentPassword']").FillAsync("velvet otter climbs the lighthouse");
        await petra.Locator("input[name='Input.NewPassword']").FillAsync("amber kettle drifts past noon");
        await petra.Locator("input[name='Input.ConfirmPassword']").FillAsync("amber kettle drifts past noon");
        await petra.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(petra.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password has been changed.");

        await using var later = await server.NewContextAsync();
        var again = await later.NewPageAsync();
        await again.LogInAsync("petra@example.org", "amber kettle drifts past noon");
        await Expect(again.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Petra Password");
    }

    [Fact]
    public async Task TooManyWrongPasswordsAreHeldBackWithTheWaitBesideTheField()
    {
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        for (var i = 0; i < 6; i++) await page.LogInAsync("chair@records.local", $"Not-the-password-{i}");

        await Expect(page.Locator("[data-valmsg-for='Input.Password']")).ToContainTextAsync("Too many failed attempts for this email from your network address: wait 15 minutes");
        await page.SetViewportSizeAsync(390, 844);
        await page.ShotAsync("login-held-back-390.png");
    }
}
