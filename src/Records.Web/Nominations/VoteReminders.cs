using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Data;
using Records.Core.Mail;
using Records.Core.Nominations;
using Records.Web.Infrastructure;

namespace Records.Web.Nominations;

/// <summary>
/// Who still owes votes in a round, and the reminder to each of them: members who voted on everything or recused
/// are never written to. Used by the Chair's button and by the automatic reminder alike.
/// </summary>
public static class VoteReminders
{
    public sealed record Member(string Id, string Email, string Name, int Pending);

    /// <summary>Active Work Group members with the number of the round's open nominations they neither voted on nor recused from.</summary>
    public static async Task<List<Member>> OwingAsync(RecordsDbContext db, int roundId, CancellationToken ct = default)
    {
        var memberIds = (from ur in db.UserRoles
                         join r in db.Roles on ur.RoleId equals r.Id
                         where r.Name == Roles.WorkGroup || r.Name == Roles.Chair
                         select ur.UserId).Distinct();
        var owing = await db.Users.AsNoTracking()
            .Where(u => memberIds.Contains(u.Id) && u.DisabledAt == null && u.Email != null)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName,
                Pending = db.Nominations.Count(n => n.RoundId == roundId && n.Status == NominationStatus.UnderReview
                    && !db.Votes.Any(v => v.NominationId == n.Id && v.MemberId == u.Id)
                    && !db.Recusals.Any(x => x.NominationId == n.Id && x.MemberId == u.Id)),
            })
            .Where(m => m.Pending > 0)
            .OrderBy(m => m.DisplayName)
            .ToListAsync(ct);
        return owing.Select(m => new Member(m.Id, m.Email!, m.DisplayName, m.Pending)).ToList();
    }

    /// <summary>Queues one reminder per member who owes votes and stamps the round; the caller saves both together.</summary>
    public static async Task<int> QueueAsync(RecordsDbContext db, Round round, RecordsOptions options, DateTime now, CancellationToken ct = default)
    {
        var owing = await OwingAsync(db, round.Id, ct);
        foreach (var member in owing)
        {
            var (subject, body) = await EmailTemplates.RenderAsync(db, EmailTemplates.VoteReminder, new Dictionary<string, string>
            {
                ["foundation"] = options.FoundationName,
                ["member_name"] = member.Name,
                ["round"] = round.Name,
                ["review_ends"] = round.ReviewEnds.ToString("MMM d, yyyy"),
                ["pending_count"] = member.Pending.ToString(),
                ["review_url"] = $"{options.BaseUrl.TrimEnd('/')}/Nominations?round={round.Id}&show=mine",
            }, ct);
            db.Outbox.Add(OutboxMessage.Create([member.Email], subject, body, now));
        }
        round.ReminderSentAt = now;
        return owing.Count;
    }
}
