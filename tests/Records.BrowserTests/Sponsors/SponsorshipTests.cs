using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Sponsors;

public class SponsorshipTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    [Fact]
    public async Task StaffRecordASponsorshipApproveItAndLogAPayment()
    {
        Chromium.Require();
        Directory.CreateDirectory(Repository.Screenshots);
        var staff = await server.SignedInPageAsync("staff@records.local");

        await staff.GotoAsync("/Sponsors");
        await staff.GetByRole(AriaRole.Link, new() { Name = "MongoDB" }).First.ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "New sponsorship" }).ClickAsync();
        await staff.Locator("select[name='Input.ProgramId']").SelectOptionAsync(new SelectOptionValue { Label = "Foundation" });
        await Expect(staff.Locator("select[name='Input.PackageId'] optgroup[label='Foundation']")).ToHaveJSPropertyAsync("disabled", false);
        await Expect(staff.Locator("select[name='Input.PackageId'] optgroup[label='PyPI/Packaging']")).ToHaveJSPropertyAsync("disabled", true);
        await staff.Locator("select[name='Input.PackageId']").SelectOptionAsync(new SelectOptionValue { Label = "Gold 2020 · $30,000" });
        await staff.Locator("input[name='Input.StartsOn']").FillAsync("2020-03-01");
        await staff.ShotAsync("sponsorship-edit.png");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(staff.Locator(".flash")).ToContainTextAsync("Recorded the sponsorship for MongoDB");
        await Expect(staff.Locator("[data-period]")).ToHaveTextAsync("Mar 1, 2020 – Feb 28, 2021");
        await Expect(staff.Locator("[data-due]")).ToHaveTextAsync("$30,000");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(staff.Locator("[data-status]")).ToHaveTextAsync("Approved");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send for signature" }).ClickAsync();
        await staff.Locator("input[name='Input.Amount']").FillAsync("0");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Add payment" }).ClickAsync();
        await Expect(staff.Locator("[data-valmsg-for='Input.Amount']")).ToHaveTextAsync("Enter the amount received, such as 5,000.");
        await staff.ShotAsync("sponsorship-payment-error.png");
        await staff.Locator("input[name='Input.ReceivedOn']").FillAsync("2020-04-02");
        await staff.Locator("input[name='Input.Amount']").FillAsync("12,500");
        await staff.Locator("input[name='Input.Reference']").FillAsync("INV-2020-17");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Add payment" }).ClickAsync();
        await Expect(staff.Locator("[data-due]")).ToHaveTextAsync("$17,500");
        await staff.ShotAsync("sponsorship-details.png");

        await staff.GotoAsync("/Sponsors/Sponsorships?year=2020");
        await Expect(staff.Locator("[data-sponsorships]")).ToContainTextAsync("MongoDB");
        await staff.ShotAsync("sponsorships.png");

        var board = await server.SignedInPageAsync("board@records.local");
        await board.GotoAsync(staff.Url);
        await board.GetByRole(AriaRole.Link, new() { Name = "MongoDB" }).First.ClickAsync();
        await Expect(board.Locator("main form[method=post]")).ToHaveCountAsync(0);
        await board.ShotAsync("sponsorship-details-board.png");
    }
}
