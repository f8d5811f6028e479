using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;
using Records.Tests.Nominations;
using Records.Web.Infrastructure;
using Records.Web.Sponsors;

namespace Records.Tests.Sponsors;

public class SponsorshipReminderTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2031-06-01T12:00:00-04:00");

    private static RecordsOptions Options => new()
    {
        TimeZone = "America/New_York", BaseUrl = "https://records.example",
        Sponsorships = new SponsorshipOptions { EndingReminderDays = 60, StaffListAddress = "staff-list@example.org" },
    };

    [Fact]
    public async Task StaffAreToldOnceAboutEachSponsorshipEndingWithinTheWindow()
    {
        await app.CreateUserAsync("second-staff@example.org", "Staff-pass-2026", "Staff");
        await app.CreateUserAsync("gone-staff@example.org", "Staff-pass-2026", "Staff");
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == "gone-staff@example.org")).DisabledAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
        var sponsor = await SponsorshipData.SponsorAsync(app, "Ending Co");
        var (program, package) = await SponsorshipData.PackageAsync(app, "Ending Program", "Gold", 2030);
        async Task<int> Ending(DateOnly endsOn, SponsorshipStatus status = SponsorshipStatus.Finalized) =>
            await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, endsOn.AddYears(-1), 1_000_000, status, endsOn: endsOn);
        var soon = await Ending(new(2031, 6, 20));
        var last = await Ending(new(2031, 7, 31));
        await Ending(new(2031, 6, 10), SponsorshipStatus.Rejected);
        await Ending(new(2031, 8, 1));
        await Ending(new(2031, 5, 31));
        var told = await Ending(new(2031, 6, 15));
        await app.WithDbAsync(async db =>
        {
            (await db.Sponsorships.SingleAsync(s => s.Id == told)).EndingReminderQueuedAt = new DateTime(2031, 5, 1, 0, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
        });
        var before = await app.WithDbAsync(db => db.Outbox.Select(m => m.Id).ToListAsync());

        Assert.Equal(2, await app.WithDbAsync(db => EndingReminderWorker.RunOnceAsync(db, Options, Now)));
        Assert.Equal(0, await app.WithDbAsync(db => EndingReminderWorker.RunOnceAsync(db, Options, Now.AddHours(1))));

        var messages = await app.WithDbAsync(db => db.Outbox.Where(m => !before.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(2, messages.Count);
        var first = messages[0];
        Assert.Equal(["second-staff@example.org", "staff-list@example.org", "staff@records.local"], first.To.Split(',').Select(t => t.Trim()).Order());
        Assert.Equal("Ending Co's sponsorship ends on Jun 20, 2031", first.Subject);
        Assert.Contains("Ending Co's Ending Program Gold 2030 sponsorship ends on Jun 20, 2031, in 19 days.", first.BodyText);
        Assert.Contains("Pat Contact pat@endingco.example", first.BodyText);
        Assert.Contains($"https://records.example/Sponsors/Sponsorships/Details/{soon}", first.BodyText);
        Assert.Contains("Jul 31, 2031", messages[1].Subject);
        var marked = await app.WithDbAsync(db => db.Sponsorships.Where(s => s.SponsorId == sponsor && s.EndingReminderQueuedAt != null).Select(s => s.Id).ToListAsync());
        Assert.Equal(new[] { soon, last, told }.Order(), marked.Order());
    }
}

public class SponsorshipReminderRaceTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task InstancesPassingAtOnceTellStaffOnceAboutASponsorship()
    {
        var now = DateTimeOffset.Parse("2033-06-01T12:00:00-04:00");
        var options = new RecordsOptions { TimeZone = "America/New_York", Sponsorships = new SponsorshipOptions { EndingReminderDays = 60 } };
        var sponsor = await SponsorshipData.SponsorAsync(app, "Raced Ending Co");
        var (program, package) = await SponsorshipData.PackageAsync(app, "Raced Program", "Gold", 2032);
        await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, new(2032, 6, 20), 1_000_000, SponsorshipStatus.Finalized, endsOn: new(2033, 6, 20));

        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            app.WithDbAsync(db => EndingReminderWorker.RunOnceAsync(db, options, now)))));

        Assert.Equal(1, passes.Sum());
        Assert.Equal(1, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Subject.StartsWith("Raced Ending Co"))));
    }
}

/// <summary>The app with the sponsorship reminder checking every second, a 30-day window and a clock standing still.</summary>
public class EndingReminderApp : RecordsApp
{
    public ManualClock Clock { get; } = new(DateTimeOffset.Parse("2032-03-01T12:00:00-05:00"));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Records:TimeZone"] = "America/New_York",
        ["Records:Sponsorships:ReminderPollSeconds"] = "1",
        ["Records:Sponsorships:EndingReminderDays"] = "30",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public class EndingReminderWorkerTests(EndingReminderApp app) : IClassFixture<EndingReminderApp>
{
    [Fact]
    public async Task TheRunningAppRemindsStaffOnItsOwnOncePerSponsorship()
    {
        var sponsor = await SponsorshipData.SponsorAsync(app, "Hosted Ending Co");
        var (program, package) = await SponsorshipData.PackageAsync(app, "Hosted Program", "Gold", 2031);
        var soon = await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, new(2031, 3, 16), 1_000_000, SponsorshipStatus.Approved, endsOn: new(2032, 3, 15));
        var later = await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, new(2031, 5, 1), 1_000_000, SponsorshipStatus.Approved, endsOn: new(2032, 4, 30));
        Task<int> Sent() => app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Subject.StartsWith("Hosted Ending Co")));
        var worker = app.Services.GetServices<IHostedService>().OfType<Records.Web.Sponsors.EndingReminderWorker>().Single();
        // The first pass waits for the app's first answer; it may have come before these sponsorships, and the next
        // comes when the clock moves on a poll.
        (await app.Browser().GetAsync("/health")).Dispose();
        await worker.PassedAsync(1);
        var passes = 1;

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await worker.PassedAsync(++passes);
        Assert.Equal(1, await Sent());
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await worker.PassedAsync(++passes);
        Assert.Equal(1, await Sent());
        Assert.NotNull((await SponsorshipData.LoadAsync(app, soon)).EndingReminderQueuedAt);
        Assert.Null((await SponsorshipData.LoadAsync(app, later)).EndingReminderQueuedAt);
    }

    [Fact]
    public async Task TheStaffHomeListsSponsorshipsEndingWithinTheReminderDaysWithLinks()
    {
        var sponsor = await SponsorshipData.SponsorAsync(app, "Home Window Co");
        var (program, package) = await SponsorshipData.PackageAsync(app, "Home Program", "Gold", 2031);
        var soon = await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, new(2031, 3, 21), 1_000_000, endsOn: new(2032, 3, 20));
        var later = await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, new(2031, 4, 16), 1_000_000, endsOn: new(2032, 4, 15));
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");

        var panel = (await client.GetPageAsync("/")).QuerySelector("[data-panel=staff]")!;

        Assert.Contains("ending in the next 30 days", panel.TextContent);
        Assert.Equal($"/Sponsors/Sponsorships/Details/{soon}", panel.QuerySelector($"[data-ending='{soon}'] a")!.GetAttribute("href"));
        Assert.Null(panel.QuerySelector($"[data-ending='{later}']"));
    }
}
