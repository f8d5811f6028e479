using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Sponsors;

public class SponsorshipAccessTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private sealed record Routes(int Sponsor, int Sponsorship, int Payment, string[] Reads, string[] Forms, string[] Posts);

    private async Task<Routes> RoutesAsync()
    {
        var sponsor = await SponsorshipData.SponsorAsync(app, $"Access Co {Guid.NewGuid():N}");
        var (program, package) = await SponsorshipData.PackageAsync(app, $"Access Program {Guid.NewGuid():N}", "Gold");
        var id = await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, new(2024, 1, 1), 1_000_000);
        var payment = await app.WithDbAsync(async db =>
        {
            var p = db.Payments.Add(new Payment { SponsorshipId = id, ReceivedOn = new(2024, 2, 1), AmountMinor = 100_000, Currency = "USD" }).Entity;
            await db.SaveChangesAsync();
            return p.Id;
        });
        var details = $"/Sponsors/Sponsorships/Details/{id}";
        return new Routes(sponsor, id, payment,
            ["/Sponsors/Sponsorships", details, "/Sponsors/Sponsorships/Export"],
            [$"/Sponsors/Sponsorships/Edit?sponsorId={sponsor}", $"/Sponsors/Sponsorships/Edit/{id}"],
            [$"/Sponsors/Sponsorships/Edit?sponsorId={sponsor}", $"/Sponsors/Sponsorships/Edit/{id}", $"{details}?handler=Status&to=Approved",
                $"{details}?handler=Contract&to=AwaitingSignature", $"{details}?handler=Payment", $"{details}?handler=DeletePayment&paymentId={payment}"]);
    }

    private Task<(SponsorshipStatus, ContractStatus, int, int, int)> StateAsync(Routes r) => app.WithDbAsync(async db =>
    {
        var s = await db.Sponsorships.AsNoTracking().SingleAsync(x => x.Id == r.Sponsorship);
        return (s.Status, s.ContractStatus, await db.Payments.CountAsync(p => p.SponsorshipId == r.Sponsorship),
            await db.Sponsorships.CountAsync(x => x.SponsorId == r.Sponsor), await db.SponsorshipEvents.CountAsync(e => e.SponsorshipId == r.Sponsorship));
    });

    private static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token, ["Input.ReceivedOn"] = "2024-03-01", ["Input.Amount"] = "100", ["Input.Currency"] = "USD",
        ["Input.Method"] = "Card", ["Input.ProgramId"] = "1", ["Input.StartsOn"] = "2024-01-01",
    });

    [Fact]
    public async Task TheBoardReadsButIsForbiddenToEditAndToPostAnything()
    {
        var r = await RoutesAsync();
        var client = app.Browser();
        await client.LoginAsRoleAsync("Board");
        foreach (var url in r.Reads) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        Assert.NotNull((await client.GetPageAsync("/Sponsors")).QuerySelector("a[href='/Sponsors/Sponsorships']"));
        Assert.NotNull((await client.GetPageAsync(r.Reads[0])).QuerySelector("[data-export]"));
        var details = await client.GetPageAsync(r.Reads[1]);
        Assert.Empty(details.QuerySelectorAll("main form[method=post]"));
        Assert.Empty(details.QuerySelectorAll("a[href^='/Sponsors/Sponsorships/Edit']"));
        Assert.Empty((await client.GetPageAsync($"/Sponsors/Details/{r.Sponsor}")).QuerySelectorAll("[data-new-sponsorship]"));
        foreach (var url in r.Forms) Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);

        var token = details.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await StateAsync(r);
        foreach (var url in r.Posts) Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(url, Form(token))).StatusCode);
        Assert.Equal(before, await StateAsync(r));
    }

    [Fact]
    public async Task TheWorkGroupIsForbiddenEverywhere()
    {
        var r = await RoutesAsync();
        var client = app.Browser();
        await client.LoginAsRoleAsync("WorkGroup");
        foreach (var url in r.Reads.Concat(r.Forms)) Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        foreach (var url in r.Posts) Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode);
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToLogIn()
    {
        var r = await RoutesAsync();
        var client = app.Browser();
        foreach (var url in r.Reads.Concat(r.Forms))
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
        }
        var before = await StateAsync(r);
        foreach (var url in r.Posts) Assert.NotEqual(HttpStatusCode.OK, (await client.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(before, await StateAsync(r));
    }

    [Theory]
    [InlineData("Staff")]
    public async Task StaffReadAndWrite(string role)
    {
        var r = await RoutesAsync();
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        foreach (var url in r.Reads.Concat(r.Forms)) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        Assert.NotNull((await client.GetPageAsync($"/Sponsors/Details/{r.Sponsor}")).QuerySelector("[data-new-sponsorship]"));

        var details = r.Reads[1];
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(details, new Dictionary<string, string> { ["to"] = "Approved" }, "[data-status-form]")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(details, new Dictionary<string, string>
        {
            ["Input.ReceivedOn"] = "2024-03-01", ["Input.Amount"] = "100", ["Input.Currency"] = "USD", ["Input.Method"] = "Card",
        }, "[data-payment-form]")).StatusCode);
        var (status, _, payments, _, events) = await StateAsync(r);
        Assert.Equal((SponsorshipStatus.Approved, 2, 1), (status, payments, events));
        Assert.Equal(role.ToLowerInvariant() + "@records.local", await app.WithDbAsync(db => db.SponsorshipEvents.Where(e => e.SponsorshipId == r.Sponsorship).Select(e => e.By).SingleAsync()));
    }
}
