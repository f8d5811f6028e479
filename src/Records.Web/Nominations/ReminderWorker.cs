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
        var zone = options.Zone;
        var today = RoundCalendar.LocalDate(now, zone);
        var reminded = 0;
        var open = await db.Rounds.Where(r => r.Status == RoundStatus.Open && r.ReviewEnds >= today).ToListAsync(ct);
        foreach (var round in open)
        {
            var day = round.ReviewEnds.AddDays(-options.Nominations.ReminderDaysBeforeReviewEnds);
            if (today < day) continue;
            var due = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
            if (round.ReminderSentAt >= due) continue;
            reminded += await VoteReminders.QueueAsync(db, round, options.NominationSettings, now.UtcDateTime, ct);
        }
        await db.SaveChangesAsync(ct);
        return reminded;
    }
}
