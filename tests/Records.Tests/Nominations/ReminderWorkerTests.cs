using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Records.Core.Nominations;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

/// <summary>The app with the automatic reminder checking every second, on a day within a round's reminder days.</summary>
public class ReminderWorkerApp : RecordsApp
{
    public TestClock Clock { get; } = new(DateTimeOffset.Parse("2031-06-17T12:00:00-04:00"));

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
            var r = new Round { Year = 2031, Quarter = 2, CutOff = RoundCalendar.CutOff(2031, 2), ReviewEnds = RoundCalendar.ReviewEnds(2031, 2), Status = RoundStatus.Open };
            db.Rounds.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        await ReviewData.NominationAsync(app, round, "Hosted Reminder");
        Task<int> Sent() => app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == "hosted@example.org"));

        var waited = TimeSpan.Zero;
        while (await Sent() == 0 && waited < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            waited += TimeSpan.FromMilliseconds(200);
        }
        Assert.Equal(1, await Sent());
        Assert.NotNull(await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round).Select(r => r.ReminderSentAt).SingleAsync()));

        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        Assert.Equal(1, await Sent());
    }
}
