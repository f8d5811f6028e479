using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Donations;

public class DonationFormTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    [Fact]
    public async Task AYenFeeWithDecimalsIsRefusedBesideTheFeeThenAWholeFeeIsSaved()
    {
        Chromium.Require();
        Directory.CreateDirectory(Repository.Screenshots);
        var staff = await (await server.NewContextAsync()).NewPageAsync();
        await staff.LogInAsync("staff@records.local");

        await staff.GotoAsync("/Donations/Edit");
        await staff.Locator("input[name='Input.DonorKind'][value='new-person']").CheckAsync();
        await staff.Locator("input[name='Input.NewName']").FillAsync("Yuki Tanaka");
        await staff.Locator("input[name='Input.Amount']").FillAsync("5000");
        await staff.Locator("select[name='Input.Currency']").SelectOptionAsync("JPY");
        await staff.Locator("select[name='Input.Channel']").SelectOptionAsync("Card");
        await staff.Locator("input[name='Input.Fee']").FillAsync("3.20");
        await staff.Locator("input[name='Input.TransactionId']").FillAsync("ch_yen_browser");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(staff.Locator("[data-valmsg-for='Input.Fee']")).ToHaveTextAsync("JPY has no minor unit: write 3 or 4, not 3.20.");
        await staff.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "donation-yen-fee-refused.png"), FullPage = true });
        Assert.Null(await FeeAsync("ch_yen_browser"));

        await staff.Locator("input[name='Input.Fee']").FillAsync("3");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(staff.Locator(".flash")).ToContainTextAsync("Saved the gift of 5,000 JPY");
        Assert.Equal(3L, await FeeAsync("ch_yen_browser"));
    }

    private async Task<long?> FeeAsync(string transactionId) =>
        await server.ScalarAsync("SELECT FeeMinor FROM Donations WHERE TransactionId = $id", ("$id", transactionId)) is long fee ? fee : null;
}
