using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;
using static Records.Tests.Sponsors.ProgramPageTests;

namespace Records.Tests.Sponsors;

public class SponsorshipDetailsTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private async Task<HttpClient> StaffAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        return client;
    }

    private async Task<int> SponsorshipAsync(string sponsor, SponsorshipStatus status = SponsorshipStatus.Applied, ContractStatus contract = ContractStatus.Draft, long fee = 1_000_000)
    {
        var id = await SponsorshipData.SponsorAsync(app, sponsor);
        var (program, package) = await SponsorshipData.PackageAsync(app, sponsor + " Program", "Gold", priceMinor: fee);
        return await SponsorshipData.SponsorshipAsync(app, id, program, package, new(2024, 1, 1), fee, status, contract);
    }

    private static Dictionary<string, string> Payment(string amount, string on = "2024-02-01", string currency = "USD", string reference = "INV-7") => new()
    {
        ["Input.ReceivedOn"] = on, ["Input.Amount"] = amount, ["Input.Currency"] = currency, ["Input.Method"] = "BankTransfer", ["Input.Reference"] = reference,
    };

    [Fact]
    public async Task OnlyTheAllowedNextStepsAreOffered()
    {
        var id = await SponsorshipAsync("Steps Co");
        var page = await (await StaffAsync()).GetPageAsync($"/Sponsors/Sponsorships/Details/{id}");

        Assert.Equal(["Approved", "Rejected"], page.QuerySelectorAll("[data-status-form] button").Select(b => b.GetAttribute("value")!));
        Assert.Equal(["AwaitingSignature", "Nullified"], page.QuerySelectorAll("[data-contract-form] button").Select(b => b.GetAttribute("value")!));
        Assert.Equal("$10,000", TextOf(page.QuerySelector("[data-due]")!));
    }

    [Fact]
    public async Task ApprovingAndSendingTheContractAreDatedInTheHistory()
    {
        var id = await SponsorshipAsync("History Co");
        var client = await StaffAsync();
        var url = $"/Sponsors/Sponsorships/Details/{id}";

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, new Dictionary<string, string> { ["to"] = "Approved" }, "[data-status-form]")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, new Dictionary<string, string> { ["to"] = "AwaitingSignature" }, "[data-contract-form]")).StatusCode);

        var s = await SponsorshipData.LoadAsync(app, id);
        Assert.Equal((SponsorshipStatus.Approved, ContractStatus.AwaitingSignature), (s.Status, s.ContractStatus));
        Assert.Equal([("Status", "Applied", "Approved"), ("Contract", "Draft", "AwaitingSignature")],
            s.History.OrderBy(e => e.Id).Select(e => (e.Change.ToString(), e.From!, e.To!)));
        Assert.All(s.History, e => Assert.Equal("staff@records.local", e.By));
        Assert.All(s.History, e => Assert.Equal(app.Now, e.At));
        Assert.Equal(s.History.Single(e => e.Change == SponsorshipChange.Status).At, s.StatusChangedAt);

        var page = await client.GetPageAsync(url);
        var rows = page.QuerySelectorAll("[data-history] tbody tr").Select(TextOf).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Contract Draft Awaiting signature", rows[0]);
        Assert.Contains("Status Applied Approved", rows[1]);
        Assert.All(page.QuerySelectorAll("[data-history] time"), t => Assert.Matches(@"^\d{4}-\d\d-\d\dT", t.GetAttribute("datetime")!));
    }

    [Fact]
    public async Task AStepTheLifecycleForbidsIsRefusedAndNothingChanges()
    {
        var id = await SponsorshipAsync("Refused Co", SponsorshipStatus.Rejected);
        var client = await StaffAsync();
        var url = $"/Sponsors/Sponsorships/Details/{id}";
        var page = await client.GetPageAsync(url);
        Assert.Empty(page.QuerySelectorAll("[data-status-form]"));
        Assert.Equal(["Nullified"], page.QuerySelectorAll("[data-contract-form] button").Select(b => b.GetAttribute("value")!));

        var status = await client.SubmitFormAsync(page, url, new Dictionary<string, string> { ["to"] = "Finalized" }, "[data-payment-form]", $"{url}?handler=Status");
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        Assert.Contains("A Rejected sponsorship cannot become Finalized.", TextOf((await status.ReadPageAsync()).QuerySelector(".validation-summary-errors")!));
        var contract = await client.SubmitFormAsync(page, url, new Dictionary<string, string> { ["to"] = "AwaitingSignature" }, "[data-payment-form]", $"{url}?handler=Contract");
        Assert.Equal(HttpStatusCode.BadRequest, contract.StatusCode);
        Assert.Contains("its contract cannot go from Draft to Awaiting signature", await contract.Content.ReadAsStringAsync());

        var s = await SponsorshipData.LoadAsync(app, id);
        Assert.Equal((SponsorshipStatus.Rejected, ContractStatus.Draft), (s.Status, s.ContractStatus));
        Assert.Empty(s.History);
    }

    [Fact]
    public async Task PaymentMistakesAreShownBesideTheirFieldsAndNothingIsSaved()
    {
        var id = await SponsorshipAsync("Mistakes Co");
        var client = await StaffAsync();
        var url = $"/Sponsors/Sponsorships/Details/{id}";
        var tomorrow = app.Today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await client.SubmitAsync(url, Payment("0", tomorrow, "EUR"), "[data-payment-form]");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("Enter the amount received, such as 5,000.", page.FieldError("Input.Amount"));
        Assert.Equal("A payment cannot be received in the future.", page.FieldError("Input.ReceivedOn"));
        Assert.Equal("Payments on this sponsorship are in USD.", page.FieldError("Input.Currency"));

        var absurd = await client.SubmitAsync(url, Payment("5,000,000,000"), "[data-payment-form]");
        Assert.Equal(HttpStatusCode.BadRequest, absurd.StatusCode);
        Assert.Contains("check the amount", (await absurd.ReadPageAsync()).FieldError("Input.Amount"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SubmitAsync(url, Payment("-5"), "[data-payment-form]")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Payments.CountAsync(p => p.SponsorshipId == id)));
    }

    [Fact]
    public async Task TheBalanceDueIsTheFeeLessThePaymentsRecorded()
    {
        var id = await SponsorshipAsync("Balance Co", SponsorshipStatus.Approved);
        var client = await StaffAsync();
        var url = $"/Sponsors/Sponsorships/Details/{id}";

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, Payment("2,500"), "[data-payment-form]")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, Payment("1000.50", "2024-03-01", "usd"), "[data-payment-form]")).StatusCode);
        var page = await client.GetPageAsync(url);
        Assert.Equal("$6,499.50", TextOf(page.QuerySelector("[data-due]")!));
        Assert.Equal("$3,500.50", TextOf(page.QuerySelector("[data-paid]")!));
        Assert.Equal("$3,500.50", TextOf(page.QuerySelector("[data-payment-total] .num")!));
        Assert.Equal(2, page.QuerySelectorAll("[data-payments] tbody tr").Length);

        var first = await app.WithDbAsync(db => db.Payments.Where(p => p.SponsorshipId == id).OrderBy(p => p.ReceivedOn).Select(p => p.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, new Dictionary<string, string>(), $"[data-delete-payment='{first}']")).StatusCode);
        Assert.Equal("$8,999.50", TextOf((await client.GetPageAsync(url)).QuerySelector("[data-due]")!));
    }

    [Fact]
    public async Task AnUnknownSponsorshipIsNotFound()
    {
        var client = await StaffAsync();
        await client.GetPageAsync("/Sponsors/Sponsorships/Details/999999", HttpStatusCode.NotFound);
        await client.GetPageAsync("/Sponsors/Sponsorships/Edit/999999", HttpStatusCode.NotFound);
        await client.GetPageAsync("/Sponsors/Sponsorships/Edit?sponsorId=999999", HttpStatusCode.NotFound);
    }
}
