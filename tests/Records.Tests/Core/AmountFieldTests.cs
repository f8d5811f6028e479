using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;

namespace Records.Tests.Core;

/// <summary>Every money field in the app reads an amount in its own currency, with the same message beside the field and nothing saved.</summary>
public class AmountFieldTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private async Task<HttpClient> StaffAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        return client;
    }

    private static async Task RefusedAsync(HttpResponseMessage response, string field, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.ReadPageAsync()).FieldError(field));
    }

    [Fact]
    public async Task CampaignGoalBudgetLinePackagePriceSponsorshipFeePaymentAndAwardPaymentRefuseDecimalsTheirCurrencyCannotHold()
    {
        var client = await StaffAsync();
        var (program, sponsorship, award) = await app.WithDbAsync(async db => (
            await db.SponsorPrograms.Select(p => p.Id).FirstAsync(),
            await db.Sponsorships.Select(s => new { s.Id, s.ProgramId }).FirstAsync(),
            await db.ServiceAwards.Where(a => a.RecipientName == "John Roa").Select(a => a.Id).SingleAsync()));
        var counts = await CountsAsync();

        await RefusedAsync(await client.SubmitAsync("/Donations/Campaigns/Edit", new Dictionary<string, string> { ["Input.Name"] = "Yen drive", ["Input.Goal"] = "3.20", ["Input.Currency"] = "JPY" }),
            "Input.Goal", "JPY has no minor unit: write 3 or 4, not 3.20.");
        await RefusedAsync(await client.SubmitAsync("/Reports/Budget", new Dictionary<string, string>
            {
                ["Input.Kind"] = "Reserve", ["Input.Label"] = "Dinar reserve", ["Input.AsOf"] = "2020-04-14", ["Input.Amount"] = "1.2345", ["Input.Currency"] = "KWD",
            }, "#budget-form"),
            "Input.Amount", "KWD has 3 decimals: write 1.234 or 1.235, not 1.2345.");
        await RefusedAsync(await client.SubmitAsync($"/Sponsors/Programs/Package?programId={program}", new Dictionary<string, string>
            {
                ["Input.ProgramId"] = program.ToString(), ["Input.Name"] = "Yen Gold", ["Input.Year"] = "2024", ["Input.Price"] = "12345678901234567890123456789", ["Input.Currency"] = "JPY", ["Input.Rank"] = "0",
            }),
            "Input.Price", "“12345678901234567890123456789” has more digits than any amount Records keeps: check it.");
        await RefusedAsync(await client.SubmitAsync($"/Sponsors/Sponsorships/Edit/{sponsorship.Id}", new Dictionary<string, string>
            {
                ["Input.ProgramId"] = sponsorship.ProgramId.ToString(), ["Input.StartsOn"] = "2020-01-01", ["Input.EndsOn"] = "2020-12-31", ["Input.Fee"] = "15000.5", ["Input.Currency"] = "JPY",
            }),
            "Input.Fee", "JPY has no minor unit: write 15000 or 15001, not 15000.5.");
        await RefusedAsync(await client.SubmitAsync($"/Sponsors/Sponsorships/Details/{sponsorship.Id}", new Dictionary<string, string>
            {
                ["Input.ReceivedOn"] = "2020-05-01", ["Input.Amount"] = "1.005", ["Input.Currency"] = "USD", ["Input.Method"] = "BankTransfer",
            }, "form[data-payment-form]"),
            "Input.Amount", "USD has 2 decimals: write 1.00 or 1.01, not 1.005.");
        await RefusedAsync(await client.SubmitAsync($"/ServiceAwards/Details/{award}", new Dictionary<string, string>
            {
                ["Payment.Amount"] = "599.5", ["Payment.Currency"] = "JPY", ["Payment.PaidOn"] = "2019-02-01",
            }, "form[action*='handler=Payment']"),
            "Payment.Amount", "JPY has no minor unit: write 599 or 600, not 599.5.");

        Assert.Equal(counts, await CountsAsync());
        Assert.Null(await app.WithDbAsync(db => db.ServiceAwards.Where(a => a.Id == award).Select(a => a.AmountMinor).SingleAsync()));
    }

    private Task<(int, int, int, int, string)> CountsAsync() => app.WithDbAsync(async db => (
        await db.Campaigns.CountAsync(), await db.BudgetLines.CountAsync(), await db.SponsorPackages.CountAsync(), await db.Payments.CountAsync(),
        string.Join(",", await db.Sponsorships.OrderBy(s => s.Id).Select(s => s.Currency + (s.FeeMinor ?? -1)).ToListAsync())));

    [Fact]
    public async Task EveryMoneyFieldRefusesAnAmountAboveTheMaximumBesideTheField()
    {
        const string tooMuch = "10000000000";
        const string message = "“10000000000” is more than any amount Records keeps: the largest is 9,999,999,999.99 USD.";
        var client = await StaffAsync();
        var (program, sponsorship, award) = await app.WithDbAsync(async db => (
            await db.SponsorPrograms.Select(p => p.Id).FirstAsync(),
            await db.Sponsorships.Select(s => new { s.Id, s.ProgramId }).FirstAsync(),
            await db.ServiceAwards.Where(a => a.RecipientName == "John Roa").Select(a => a.Id).SingleAsync()));
        var counts = await CountsAsync();

        await RefusedAsync(await client.SubmitAsync("/Donations/Campaigns/Edit", new Dictionary<string, string> { ["Input.Name"] = "Huge drive", ["Input.Goal"] = tooMuch, ["Input.Currency"] = "USD" }),
            "Input.Goal", message);
        await RefusedAsync(await client.SubmitAsync("/Reports/Budget", new Dictionary<string, string>
            {
                ["Input.Kind"] = "Reserve", ["Input.Label"] = "Huge reserve", ["Input.AsOf"] = "2020-04-14", ["Input.Amount"] = tooMuch, ["Input.Currency"] = "USD",
            }, "#budget-form"),
            "Input.Amount", message);
        await RefusedAsync(await client.SubmitAsync($"/Sponsors/Programs/Package?programId={program}", new Dictionary<string, string>
            {
                ["Input.ProgramId"] = program.ToString(), ["Input.Name"] = "Huge Gold", ["Input.Year"] = "2024", ["Input.Price"] = tooMuch, ["Input.Currency"] = "USD", ["Input.Rank"] = "0",
            }),
            "Input.Price", message);
        await RefusedAsync(await client.SubmitAsync($"/Sponsors/Sponsorships/Edit/{sponsorship.Id}", new Dictionary<string, string>
            {
                ["Input.ProgramId"] = sponsorship.ProgramId.ToString(), ["Input.StartsOn"] = "2020-01-01", ["Input.EndsOn"] = "2020-12-31", ["Input.Fee"] = tooMuch, ["Input.Currency"] = "USD",
            }),
            "Input.Fee", message);
        await RefusedAsync(await client.SubmitAsync($"/Sponsors/Sponsorships/Details/{sponsorship.Id}", new Dictionary<string, string>
            {
                ["Input.ReceivedOn"] = "2020-05-01", ["Input.Amount"] = tooMuch, ["Input.Currency"] = "USD", ["Input.Method"] = "BankTransfer",
            }, "form[data-payment-form]"),
            "Input.Amount", message);
        await RefusedAsync(await client.SubmitAsync($"/ServiceAwards/Details/{award}", new Dictionary<string, string>
            {
                ["Payment.Amount"] = tooMuch, ["Payment.Currency"] = "USD", ["Payment.PaidOn"] = "2019-02-01",
            }, "form[action*='handler=Payment']"),
            "Payment.Amount", message);

        Assert.Equal(counts, await CountsAsync());
    }
}
