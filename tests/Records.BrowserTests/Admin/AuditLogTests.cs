using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using Records.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Admin;

public class AuditLogTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private static async Task LogInAsync(IPage page, string email)
    {
        await page.LogInAsync(email);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ABudgetLineStaffDeleteIsFoundInTheAuditLogByRecordAndPerson()
    {
        await using var staffContext = await server.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await LogInAsync(staff, "staff@records.local");
        await staff.GotoAsync("/Reports/Budget");
        var label = (await server.RowsAsync("SELECT Label FROM BudgetLines ORDER BY AsOf DESC, Id DESC LIMIT 1")).Single();
        var before = Convert.ToInt64(await server.ScalarAsync("SELECT COUNT(*) FROM BudgetLines"));
        staff.Dialog += (_, dialog) => dialog.AcceptAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Delete" }).First.ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync($"Deleted “{label}”.");
        Assert.Equal(before - 1, Convert.ToInt64(await server.ScalarAsync("SELECT COUNT(*) FROM BudgetLines")));

        await using var adminContext = await server.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await LogInAsync(admin, "admin@records.local");
        await admin.GotoAsync("/Admin/Audit");
        await admin.Locator("select[name=type]").SelectOptionAsync("BudgetLine");
        await admin.Locator("select[name=who]").SelectOptionAsync(new SelectOptionValue { Label = "Sam Staff" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        var lines = admin.Locator("table.audit tbody tr");
        await Expect(lines).ToHaveCountAsync(1);
        await Expect(lines.First).ToContainTextAsync("Sam Staff");
        await Expect(lines.First.Locator(".audit-line")).ToContainTextAsync($"deleted · Reserve draw line “{label}”");
        await lines.First.Locator("summary").ClickAsync();
        await Expect(lines.First.Locator("details li").Filter(new() { HasText = "Label" })).ToContainTextAsync(label);

        await admin.Locator("input[name=from]").FillAsync("2001-01-01");
        await admin.Locator("input[name=to]").FillAsync("2001-01-31");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(admin.Locator("p.empty")).ToHaveTextAsync("No changes match.");

        Directory.CreateDirectory(Repository.Screenshots);
        await admin.SetViewportSizeAsync(390, 844);
        await admin.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "audit-390.png"), FullPage = true });
    }
}
