using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Records.Core.Nominations;
using Records.Tests.Infrastructure;
using Records.Web.Infrastructure;
using Records.Web.Nominations;

namespace Records.Tests.Nominations;

public class RemindersTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private async Task<HttpClient> ChairAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Chair");
        return client;
    }

    private Task<Round> RoundAsync(int id) => app.WithDbAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<List<(string To, string Subject)>> RemindersAsync(int round) => app.WithDbAsync(async db =>
    {
        var link = $"/Nominations?round={round}&show=mine";
        var mail = await db.Outbox.Where(m => m.Subject.StartsWith("Reminder:") && m.BodyText.Contains(link)).Select(m => new { m.To, m.Subject }).ToListAsync();
        return mail.Select(m => (m.To, m.Subject)).OrderBy(m => m.To).ToList();
    });

    private static Task<HttpResponseMessage> RemindAsync(HttpClient client, int round) =>
        client.SubmitAsync("/Nominations/Rounds", new Dictionary<string, string>(), formSelector: $"tr[data-round='{round}'] form[action*='handler=Remind']");

    [Fact]
    public async Task ReminderGoesOnlyToMembersWhoOweVotesWithHowManyTheyOwe()
    {
        var client = await ChairAsync();
        await app.CreateUserAsync("owes-one@example.org", "Member-pass-2026", "WorkGroup");
        await app.CreateUserAsync("owes-two@example.org", "Member-pass-2026", "WorkGroup");
        await app.CreateUserAsync("recused@example.org", "Member-pass-2026", "WorkGroup");
        await app.CreateUserAsync("voted-all@example.org", "Member-pass-2026", "WorkGroup");
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var first = await ReviewData.NominationAsync(app, round, "First Nominee");
        var second = await ReviewData.NominationAsync(app, round, "Second Nominee");
        foreach (var n in new[] { first, second })
        {
            await ReviewData.VoteAsync(app, n, "chair@records.local", VoteChoice.Yes);
            await ReviewData.VoteAsync(app, n, "workgroup@records.local", VoteChoice.Abstain);
            await ReviewData.VoteAsync(app, n, "voted-all@example.org", VoteChoice.No);
            await ReviewData.RecuseAsync(app, n, "recused@example.org");
        }
        await ReviewData.VoteAsync(app, first, "owes-one@example.org", VoteChoice.No);

        var response = await RemindAsync(client, round);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // Members added by the class's other tests owe votes here too; only this test's members are checked one by one.
        string[] mine = ["owes-one@example.org", "owes-two@example.org", "recused@example.org", "voted-all@example.org", "chair@records.local", "workgroup@records.local"];
        var reminders = await RemindersAsync(round);
        Assert.Equal([("owes-one@example.org", "Reminder: 1 nominations await your vote"), ("owes-two@example.org", "Reminder: 2 nominations await your vote")],
            reminders.Where(m => mine.Contains(m.To)).Select(m => (m.To, m.Subject[..m.Subject.IndexOf(" (", StringComparison.Ordinal)])).ToArray());
        Assert.Contains($"Reminded {reminders.Count} members.", (await client.GetPageAsync("/Nominations/Rounds")).QuerySelector(".flash")!.TextContent);
        Assert.NotNull((await RoundAsync(round)).ReminderSentAt);
    }

    [Fact]
    public async Task ADisabledMemberIsNotReminded()
    {
        var client = await ChairAsync();
        await app.CreateUserAsync("disabled-member@example.org", "Member-pass-2026", "WorkGroup");
        await app.WithDbAsync(async db => { (await db.Users.SingleAsync(u => u.Email == "disabled-member@example.org")).DisabledAt = DateTime.UtcNow; await db.SaveChangesAsync(); });
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        await ReviewData.NominationAsync(app, round, "Nobody Voted");

        await RemindAsync(client, round);

        var to = (await RemindersAsync(round)).Select(m => m.To).ToList();
        Assert.Contains("workgroup@records.local", to);
        Assert.DoesNotContain("disabled-member@example.org", to);
    }

    [Theory]
    [InlineData(RoundStatus.Upcoming)]
    [InlineData(RoundStatus.Closed)]
    public async Task RemindingOnARoundThatIsNotOpenIsRefused(RoundStatus status)
    {
        var client = await ChairAsync();
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        await ReviewData.NominationAsync(app, round, "Not Open Yet");
        var list = await client.GetPageAsync("/Nominations/Rounds");
        await app.WithDbAsync(async db => { (await db.Rounds.SingleAsync(r => r.Id == round)).Status = status; await db.SaveChangesAsync(); });

        var response = await client.SubmitFormAsync(list, "/Nominations/Rounds", new Dictionary<string, string>(), $"tr[data-round='{round}'] form[action*='handler=Remind']");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("reminders go out only for an open round", (await response.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Empty(await RemindersAsync(round));
        Assert.Null((await RoundAsync(round)).ReminderSentAt);
    }

    [Fact]
    public async Task AutomaticReminderGoesOutOnceWhenItsDayComes()
    {
        var (settings, day) = await ReminderDueAsync("auto@example.org", "Awaiting Votes");
        Task<int> Pass(DateTimeOffset now) => app.WithDbAsync(db => ReminderWorker.RunOnceAsync(db, settings, now));
        Task<int> Sent() => app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == "auto@example.org"));

        Assert.Equal(0, await Pass(At(settings, day.AddDays(-1), 23, 55)));
        Assert.Equal(0, await Sent());
        Assert.True(await Pass(At(settings, day, 0, 5)) >= 1);
        Assert.Equal(1, await Sent());
        await Pass(At(settings, day, 9, 0));
        await Pass(At(settings, day.AddDays(2), 9, 0));
        Assert.Equal(1, await Sent());
    }

    [Fact]
    public async Task InstancesPassingAtOnceRemindEachMemberOnce()
    {
        var (settings, day) = await ReminderDueAsync("many-instances@example.org", "Seen By Every Instance");

        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            app.WithDbAsync(db => ReminderWorker.RunOnceAsync(db, settings, At(settings, day, 9, 0))))));

        Assert.Equal(1, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == "many-instances@example.org")));
        Assert.Single(passes, p => p > 0);
    }

    [Fact]
    public async Task AnEarlierReminderByTheChairDoesNotStopTheAutomaticOne()
    {
        var client = await ChairAsync();
        await app.CreateUserAsync("early@example.org", "Member-pass-2026", "WorkGroup");
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        await ReviewData.NominationAsync(app, round, "Reminded Twice");
        await RemindAsync(client, round);
        var settings = app.Services.GetRequiredService<IOptions<RecordsOptions>>().Value;
        var day = (await RoundAsync(round)).ReviewEnds.AddDays(-settings.Nominations.ReminderDaysBeforeReviewEnds);
        // As if the Chair had pressed Remind three days before the automatic reminder's day.
        await app.WithDbAsync(async db => { (await db.Rounds.SingleAsync(r => r.Id == round)).ReminderSentAt = At(settings, day.AddDays(-3), 10, 0).UtcDateTime; await db.SaveChangesAsync(); });

        await app.WithDbAsync(db => ReminderWorker.RunOnceAsync(db, settings, At(settings, day, 8, 0)));

        Assert.Equal(2, (await RemindersAsync(round)).Count(m => m.To == "early@example.org"));
    }

    [Fact]
    public async Task NoAutomaticReminderForARoundThatIsNotOpen()
    {
        await app.CreateUserAsync("not-open@example.org", "Member-pass-2026", "WorkGroup");
        var round = await ReviewData.RoundAsync(app, RoundStatus.Upcoming);
        await ReviewData.NominationAsync(app, round, "Upcoming Only");
        var settings = app.Services.GetRequiredService<IOptions<RecordsOptions>>().Value;
        var reviewEnds = (await RoundAsync(round)).ReviewEnds;

        await app.WithDbAsync(db => ReminderWorker.RunOnceAsync(db, settings, At(settings, reviewEnds, 8, 0)));

        Assert.Empty(await RemindersAsync(round));
        Assert.Null((await RoundAsync(round)).ReminderSentAt);
    }

    /// <summary>A member owing a vote on a nomination in an open round, and the day the round's automatic reminder is due.</summary>
    private async Task<(RecordsOptions Settings, DateOnly Day)> ReminderDueAsync(string member, string nominee)
    {
        await app.CreateUserAsync(member, "Member-pass-2026", "WorkGroup");
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        await ReviewData.NominationAsync(app, round, nominee);
        var settings = app.Services.GetRequiredService<IOptions<RecordsOptions>>().Value;
        return (settings, (await RoundAsync(round)).ReviewEnds.AddDays(-settings.Nominations.ReminderDaysBeforeReviewEnds));
    }

    /// <summary>A wall-clock time on a day in the foundation's zone.</summary>
    private static DateTimeOffset At(RecordsOptions settings, DateOnly day, int hour, int minute)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, settings.Zone.GetUtcOffset(local));
    }
}
