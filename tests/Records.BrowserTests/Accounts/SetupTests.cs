using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Accounts;

/// <summary>A new installation without an Admin: the setup form refuses a short password beside the field, makes the first Admin, then closes.</summary>
public class SetupTests(SetupTests.NewInstallation server) : IClassFixture<SetupTests.NewInstallation>
{
    public sealed class NewInstallation(SharedChromium chromium, PreparedDatabase database) : RecordsServer(chromium, database)
    {
        protected override bool StartsOnNewDatabase => true;

        protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Records:SeedDevelopmentUsers"] = "false" };
    }

    [Fact]
    public async Task TheFirstAdminIsMadeOnceAShortPasswordIsRefusedBesideTheField()
    {
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Setup");
        await page.Locator("input[name='Input.DisplayName']").FillAsync("Frieda First");
        await page.Locator("input[name='Input.Email']").FillAsync("frieda@example.org");
        await page.Locator("input[name='Input.Password']").FillAsync("password1");
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync("password1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the Admin account" }).ClickAsync();

        await Expect(page.Locator("[data-valmsg-for='Input.Password']")).ToContainTextAsync("Use at least 12 characters.");
        await page.SetViewportSizeAsync(390, 844);
        await page.ShotAsync("setup-refused-390.png");
        await page.SetViewportSizeAsync(1280, 900);
        await page.ShotAsync("setup-refused-1280.png");
        Assert.Equal(0L, await server.ScalarAsync("SELECT COUNT(*) FROM AspNetUsers"));

        await page.Locator("input[name='Input.Password']").FillAsync("quiet harbour lantern fifty-eight");
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync("quiet harbour lantern fifty-eight");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the Admin account" }).ClickAsync();

        await Expect(page.Locator(".flash")).ToContainTextAsync("Records is set up and you are its first Admin.");
        Assert.EndsWith("/Admin/Users", page.Url);
        await page.ShotAsync("setup-done-1280.png");
        Assert.Equal(1L, await server.ScalarAsync(
            "SELECT COUNT(*) FROM AspNetUsers u JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE u.Email = 'frieda@example.org' AND r.Name = 'Admin'"));
        var again = await page.GotoAsync("/Setup");
        Assert.Equal(404, again!.Status);
    }
}
