using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Data;
using Records.Core.Mail;

namespace Records.Core.Nominations;

/// <summary>
/// Who still owes votes in a round, and the reminder to each of them: members who voted on everything or recused
/// are never written to. Used by the Chair's button, the rounds list and the automatic reminder alike.
/// </summary>
public static class VoteReminders
{
    public sealed class Member
    {
        public int RoundId { get; init; }
        public string Id { get; init; } = "";
        public string Email { get; init; } = "";
        public string Name { get; init; } = "";
        public int Pending { get; init; }
    }

    /// <summary>
    /// For each of these rounds, each active Work Group member (WorkGroup or Chair, not disabled) with the number of
    /// the round's nominations under review they neither voted on nor recused from; only members who owe at least one.
    /// </summary>
    public static IQueryable<Member> Owing(RecordsDbContext db, IQueryable<Round> rounds)
    {
        var members = Recipients.Holding(db, Recipients.WorkGroup);
        return from round in rounds
               from u in members
               let pending = db.Nominations.Count(n => n.RoundId == round.Id && n.Status == NominationStatus.UnderReview
                   && !db.Votes.Any(v => v.NominationId == n.Id && v.MemberId == u.Id)
                   && !db.Recusals.Any(x => x.NominationId == n.Id && x.MemberId == u.Id))
               where pending > 0
               select new Member { RoundId = round.Id, Id = u.Id, Email = u.Email!, Name = u.DisplayName, Pending = pending };
    }

    public static Task<List<Member>> OwingAsync(RecordsDbContext db, int roundId, CancellationToken ct = default) =>
        Owing(db, db.Rounds.Where(r => r.Id == roundId)).AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);

    /// <summary>How many members owe votes in each of these rounds, in one command whatever the number of rounds.</summary>
    public static async Task<Dictionary<int, int>> CountsAsync(RecordsDbContext db, IReadOnlyCollection<int> roundIds, CancellationToken ct = default)
    {
        var owing = await Owing(db, db.Rounds.Where(r => roundIds.Contains(r.Id))).AsNoTracking().Select(m => m.RoundId).ToListAsync(ct);
        return roundIds.ToDictionary(id => id, id => owing.Count(r => r == id));
    }

    /// <summary>Queues one reminder per member who owes votes and stamps the round; the caller saves both together.</summary>
    public static async Task<int> QueueAsync(RecordsDbContext db, Round round, NominationSettings settings, DateTime now, CancellationToken ct = default)
    {
        var owing = await OwingAsync(db, round.Id, ct);
        var wording = await EmailTemplates.WordingAsync(db, EmailTemplates.VoteReminder, ct);
        foreach (var member in owing)
        {
            var (subject, body) = EmailTemplates.Render(wording, new Dictionary<string, string>
            {
                ["foundation"] = settings.FoundationName,
                ["member_name"] = member.Name,
                ["round"] = round.Name,
                ["review_ends"] = Text.Dates.Day(round.ReviewEnds),
                ["pending_count"] = member.Pending.ToString(CultureInfo.InvariantCulture),
                ["review_url"] = settings.Link($"/Nominations?round={round.Id}&show=mine"),
            });
            db.Outbox.Add(OutboxMessage.Create([member.Email], subject, body, now));
        }
        round.ReminderSentAt = now;
        return owing.Count;
    }
}
