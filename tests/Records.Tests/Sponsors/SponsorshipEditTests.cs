using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Sponsors;

public class SponsorshipEditTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private static Dictionary<string, string> Fields(int programId, int? packageId, string startsOn, string fee = "", string endsOn = "", string inKind = "", string currency = "USD") => new()
    {
        ["Input.ProgramId"] = programId.ToString(), ["Input.PackageId"] = packageId?.ToString() ?? "", ["Input.StartsOn"] = startsOn, ["Input.EndsOn"] = endsOn,
        ["Input.Fee"] = fee, ["Input.InKindValue"] = inKind, ["Input.Currency"] = currency, ["Input.Description"] = "",
    };

    private async Task<HttpClient> StaffAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        return client;
    }

    private Task<int> CountAsync(int sponsorId) => app.WithDbAsync(db => db.Sponsorships.CountAsync(s => s.SponsorId == sponsorId));

    [Fact]
    public async Task ANewSponsorshipTakesThePackagePriceAndTwelveMonthsAndIsRecordedInTheHistory()
    {
        var sponsor = await SponsorshipData.SponsorAsync(app, "Default Terms Co");
        var (program, package) = await SponsorshipData.PackageAsync(app, "Defaults Program", "Gold", 2024, 3_000_000);
        var client = await StaffAsync();

        var response = await client.SubmitAsync($"/Sponsors/Sponsorships/Edit?sponsorId={sponsor}", Fields(program, package, "2024-03-01"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var s = await app.WithDbAsync(db => db.Sponsorships.Include(x => x.History).SingleAsync(x => x.SponsorId == sponsor));
        Assert.Equal($"/Sponsors/Sponsorships/Details/{s.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(3_000_000, s.FeeMinor);
        Assert.Equal(new DateOnly(2025, 2, 28), s.EndsOn);
        Assert.Equal((SponsorshipStatus.Applied, ContractStatus.Draft), (s.Status, s.ContractStatus));
        var created = Assert.Single(s.History);
        Assert.Equal((SponsorshipChange.Created, "staff@records.local"), (created.Change, created.By));
        Assert.Equal(app.Now, created.At);
    }

    [Fact]
    public async Task APackageOfAnotherProgramIsRefusedBesideThePackage()
    {
        var sponsor = await SponsorshipData.SponsorAsync(app, "Wrong Program Co");
        var (program, _) = await SponsorshipData.PackageAsync(app, "Program A", "Gold");
        var (_, other) = await SponsorshipData.PackageAsync(app, "Program B", "Gold");
        var client = await StaffAsync();

        var response = await client.SubmitAsync($"/Sponsors/Sponsorships/Edit?sponsorId={sponsor}", Fields(program, other, "2024-01-01"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("this program's packages", (await response.ReadPageAsync()).FieldError("Input.PackageId"));
        Assert.Equal(0, await CountAsync(sponsor));
    }

    [Fact]
    public async Task TwentyStaffPostingForTheLastPlaceAtOnceGetOneSponsorshipAndNineteenMessagesBesideThePackage()
    {
        var (program, package) = await SponsorshipData.PackageAsync(app, "Last Place Program", "Visionary", 2026, 15_000_000, capacity: 1);
        var sponsors = new List<int>();
        for (var i = 0; i < 20; i++) sponsors.Add(await SponsorshipData.SponsorAsync(app, $"Last Place Co {i}"));
        var client = await StaffAsync();

        var responses = await Task.WhenAll(sponsors.Select(sponsor => Task.Run(() =>
            client.SubmitAsync($"/Sponsors/Sponsorships/Edit?sponsorId={sponsor}", Fields(program, package, "2026-01-01")))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Redirect).ToList();
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        foreach (var r in refused)
            Assert.Equal("The Visionary 2026 package is full: it takes 1 sponsor and has 1.", (await r.ReadPageAsync()).FieldError("Input.PackageId"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Sponsorships.CountAsync(s => s.PackageId == package)));
    }

    [Fact]
    public async Task AFullPackageRefusesOneMoreButARejectedApplicationFreesItsPlace()
    {
        var sponsor = await SponsorshipData.SponsorAsync(app, "Capacity Co");
        var (program, package) = await SponsorshipData.PackageAsync(app, "Capacity Program", "Keystone", 2024, 15_000_000, capacity: 2);
        await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, new(2024, 1, 1), 15_000_000, SponsorshipStatus.Finalized);
        var rejected = await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, new(2024, 1, 1), 15_000_000, SponsorshipStatus.Rejected);
        var client = await StaffAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/Sponsors/Sponsorships/Edit?sponsorId={sponsor}", Fields(program, package, "2024-02-01"))).StatusCode);
        var refused = await client.SubmitAsync($"/Sponsors/Sponsorships/Edit?sponsorId={sponsor}", Fields(program, package, "2024-03-01"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("The Keystone 2024 package is full: it takes 2 sponsors and has 2.", (await refused.ReadPageAsync()).FieldError("Input.PackageId"));
        Assert.Equal(3, await CountAsync(sponsor));
        // Editing one already in the package is not counted against it.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/Sponsors/Sponsorships/Edit/{rejected}", Fields(program, package, "2024-01-01", "14000"))).StatusCode);
    }

    [Fact]
    public async Task InKindValueNeedsAPackageThatAcceptsIt()
    {
        var sponsor = await SponsorshipData.SponsorAsync(app, "Services Co");
        var (program, cash) = await SponsorshipData.PackageAsync(app, "In Kind Program", "Cash only");
        var (_, services) = await SponsorshipData.PackageAsync(app, "In Kind Program", "Services", inKind: true);
        var client = await StaffAsync();

        var refused = await client.SubmitAsync($"/Sponsors/Sponsorships/Edit?sponsorId={sponsor}", Fields(program, cash, "2024-01-01", inKind: "20,000"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("does not take donated services", (await refused.ReadPageAsync()).FieldError("Input.InKindValue"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/Sponsors/Sponsorships/Edit?sponsorId={sponsor}", Fields(program, services, "2024-01-01", inKind: "20,000"))).StatusCode);
        var s = await app.WithDbAsync(db => db.Sponsorships.SingleAsync(x => x.SponsorId == sponsor));
        Assert.Equal((2_000_000L, (long?)null), (s.InKindValueMinor!.Value, s.FeeMinor));
    }

    [Fact]
    public async Task BadDatesAndAmountsAreRefusedBesideTheirFields()
    {
        var sponsor = await SponsorshipData.SponsorAsync(app, "Typo Co");
        var (program, package) = await SponsorshipData.PackageAsync(app, "Typo Program", "Gold");
        var client = await StaffAsync();

        var response = await client.SubmitAsync($"/Sponsors/Sponsorships/Edit?sponsorId={sponsor}", Fields(program, package, "2024-06-01", fee: "lots", endsOn: "2024-05-01", currency: "EUR"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("The end is before the start.", page.FieldError("Input.EndsOn"));
        Assert.Equal("The Gold 2024 package is priced in USD.", page.FieldError("Input.Currency"));
        Assert.NotNull(page.FieldError("Input.Fee"));
        Assert.Equal(0, await CountAsync(sponsor));
    }

    [Fact]
    public async Task ChangedTermsAreDatedInTheHistoryAndAStaleEditIsAConflict()
    {
        var sponsor = await SponsorshipData.SponsorAsync(app, "Terms Co");
        var (program, package) = await SponsorshipData.PackageAsync(app, "Terms Program", "Gold", priceMinor: 3_000_000);
        var id = await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, new(2024, 1, 1), 3_000_000);
        var client = await StaffAsync();
        var url = $"/Sponsors/Sponsorships/Edit/{id}";
        var stale = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, Fields(program, package, "2024-01-01", "25,000", "2024-06-30"))).StatusCode);
        var history = (await SponsorshipData.LoadAsync(app, id)).History.OrderBy(e => e.Change).ToList();
        Assert.Equal([SponsorshipChange.Period, SponsorshipChange.Fee], history.Select(e => e.Change));
        Assert.Equal(("Jan 1, 2024 – Dec 31, 2024", "Jan 1, 2024 – Jun 30, 2024"), (history[0].From, history[0].To));
        Assert.Equal(("$30,000", "$25,000"), (history[1].From, history[1].To));

        var conflict = await client.SubmitFormAsync(stale, url, Fields(program, package, "2024-01-01", "1"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("Someone else changed this sponsorship", await conflict.Content.ReadAsStringAsync());
        Assert.Equal(2_500_000, (await SponsorshipData.LoadAsync(app, id)).FeeMinor);
    }

    [Fact]
    public async Task TheCurrencyStaysOncePaymentsArriveAndANewEndDateGetsItsOwnReminder()
    {
        var sponsor = await SponsorshipData.SponsorAsync(app, "Paid Terms Co");
        var (program, _) = await SponsorshipData.PackageAsync(app, "Paid Terms Program", "Gold");
        var id = await SponsorshipData.SponsorshipAsync(app, sponsor, program, null, new(2024, 1, 1), 500_000);
        await app.WithDbAsync(async db =>
        {
            var s = await db.Sponsorships.SingleAsync(x => x.Id == id);
            s.EndingReminderQueuedAt = new DateTime(2024, 11, 1, 0, 0, 0, DateTimeKind.Utc);
            db.Payments.Add(new Payment { SponsorshipId = id, ReceivedOn = new(2024, 2, 1), AmountMinor = 100_000, Currency = "USD" });
            await db.SaveChangesAsync();
        });
        var client = await StaffAsync();
        var url = $"/Sponsors/Sponsorships/Edit/{id}";

        var refused = await client.SubmitAsync(url, Fields(program, null, "2024-01-01", "5000", currency: "EUR"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Payments were received in USD, so the currency stays USD.", (await refused.ReadPageAsync()).FieldError("Input.Currency"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, Fields(program, null, "2024-01-01", "5000", "2025-12-31"))).StatusCode);
        var saved = await SponsorshipData.LoadAsync(app, id);
        Assert.Equal(("USD", new DateOnly(2025, 12, 31)), (saved.Currency, saved.EndsOn));
        Assert.Null(saved.EndingReminderQueuedAt);
    }
}
