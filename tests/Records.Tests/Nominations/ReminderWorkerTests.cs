using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Records.Core.Calendar;
using Records.Core.Nominations;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

/// <summary>The app with the automatic reminder checking every second, on a day within a round's reminder days.</summary>
public class ReminderWorkerApp : RecordsApp
{
    public ManualClock Clock { get; } = new(DateTimeOffset.Parse("2031-06-17T12:00:00-04:00"));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Records:TimeZone"] = "America/New_York",
        ["Records:Nominations:ReminderPollSeconds"] = "1",
        ["Records:Nominations:ReminderDaysBeforeReviewEnds"] = "5",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public class ReminderWorkerTests(ReminderWorkerApp app) : IClassFixture<ReminderWorkerApp>
{
    [Fact]
    public async Task TheRunningAppRemindsOnItsOwnOnceWhenTheDayHasCome()
    {
        await app.CreateUserAsync("hosted@example.org", "Member-pass-2026", "WorkGroup");
        var round = await app.WithDbAsync(async db =>
        {
            var r = new Round { Year = 2031, Quarter = 2, CutOff = new YearQuarter(2031, 2).CutOff, ReviewEnds = new YearQuarter(2031, 2).ReviewEnds, Status = RoundStatus.Open };
            db.Rounds.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        await ReviewData.NominationAsync(app, round, "Hosted Reminder");
        Task<int> Sent() => app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == "hosted@example.org"));
        var worker = app.Services.GetServices<IHostedService>().OfType<Records.Web.Nominations.ReminderWorker>().Single();
        // The first pass waits for the app's first answer; it may have come before the round, and the next comes when
        // the clock moves on a poll.
        (await app.Browser().GetAsync("/health")).Dispose();
        await worker.PassedAsync(1);
        var passes = 1;

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await worker.PassedAsync(++passes);
        Assert.Equal(1, await Sent());
        Assert.NotNull(await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round).Select(r => r.ReminderSentAt).SingleAsync()));

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await worker.PassedAsync(++passes);
        Assert.Equal(1, await Sent());
    }
}
