using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Web.Infrastructure;

namespace Records.Web.Nominations;

/// <summary>
/// Reminds members who have not voted, once per round, when the set number of days before the end of review
/// arrives in the foundation's time zone. Checks every <see cref="NominationOptions.ReminderPollSeconds"/>.
/// </summary>
public sealed class ReminderWorker(IServiceScopeFactory scopes, IOptions<RecordsOptions> options, TimeProvider clock, FirstRequest firstRequest, ILogger<ReminderWorker> logger)
    : PollingWorker(scopes, clock, firstRequest, logger)
{
    protected override TimeSpan Poll => TimeSpan.FromSeconds(options.Value.Nominations.ReminderPollSeconds);

    protected override string What => "The automatic vote reminder";

    protected override Task PassAsync(RecordsDbContext db, DateTimeOffset now, CancellationToken ct) => RunOnceAsync(db, options.Value, now, ct);

    /// <summary>One pass: every open round whose reminder day has come and whose reminder has not gone out since then.</summary>
    /// <returns>How many members were reminded.</returns>
    public static async Task<int> RunOnceAsync(RecordsDbContext db, RecordsOptions options, DateTimeOffset now, CancellationToken ct = default)
    {
        if ((await DueAsync(db.Rounds.AsNoTracking(), options, now, ct)).Count == 0) return 0;
        // Several instances of the app may see the same round due at once: the one that takes the section first reminds,
        // and the others read the round's new stamp once it is theirs.
        await using var transaction = await DatabaseProvider.For(db).BeginSerialWriteAsync(db, "vote reminders", ct);
        var reminded = 0;
        foreach (var round in await DueAsync(db.Rounds, options, now, ct))
        {
            reminded += await VoteReminders.QueueAsync(db, round, options.NominationSettings, now.UtcDateTime, ct);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return reminded;
    }

    private static async Task<List<Round>> DueAsync(IQueryable<Round> rounds, RecordsOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var zone = options.Zone;
        var today = RoundCalendar.LocalDate(now, zone);
        var open = await rounds.Where(r => r.Status == RoundStatus.Open && r.ReviewEnds >= today).ToListAsync(ct);
        return [.. open.Where(round =>
        {
            var day = round.ReviewEnds.AddDays(-options.Nominations.ReminderDaysBeforeReviewEnds);
            return today >= day && !(round.ReminderSentAt >= TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone));
        })];
    }
}
