using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Fellows;
using Records.Core.Mail;

namespace Records.Core.Nominations;

/// <summary>
/// Closing a round: first the plan of what the rule does to each nomination under review, shown to the Chair; then,
/// confirmed, it is applied in one save — accepted nominees join the roster after the quarter's Fellows, the rest carry
/// into the next round or expire, each nominator is told the outcome and each nominee who joins the roster is welcomed.
/// </summary>
public static class RoundClosing
{
    /// <summary>What closing does to one nomination; <paramref name="AlreadyFellow"/> when its nominee is on the roster or joins it by another nomination.</summary>
    public sealed record Decision(int Id, string Nominee, int NomineeId, string? NomineeEmail, string NominatorName, string NominatorEmail, int FirstYear, int FirstQuarter,
        Tally Tally, Outcome Outcome, bool AlreadyFellow)
    {
        /// <summary>The last round the nomination is active in: the fourth counted from its first.</summary>
        public string LastRound => NominationOutcome.LastRound(FirstRound).Name;

        public YearQuarter FirstRound => new(FirstYear, FirstQuarter);
    }

    /// <summary>The round, tracked so applying the plan closes it, and what happens to each of its nominations under review (by nominee name).</summary>
    public sealed record Plan(Round Round, IReadOnlyList<Decision> Decisions)
    {
        public string NextRound => Round.YearQuarter.Next.Name;

        public int Count(Outcome outcome) => Decisions.Count(d => d.Outcome == outcome);
    }

    /// <summary>The plan for closing the round today; null when there is no such round.</summary>
    public static async Task<Plan?> PlanAsync(RecordsDbContext db, int roundId, int quorum, CancellationToken ct = default)
    {
        if (await db.Rounds.FirstOrDefaultAsync(r => r.Id == roundId, ct) is not { } round) return null;
        var rows = await db.Nominations.AsNoTracking().Where(n => n.RoundId == roundId && n.Status == NominationStatus.UnderReview)
            .OrderBy(n => n.Nominee.Name).ThenBy(n => n.Id)
            .Select(n => new
            {
                n.Id, Nominee = n.Nominee.Name, n.NomineeId, NomineeEmail = n.Nominee.Email, n.NominatorName, n.NominatorEmail,
                First = db.Rounds.Where(r => r.Id == n.FirstRoundId).Select(r => new { r.Year, r.Quarter }).First(),
                Yes = db.Votes.Count(v => v.NominationId == n.Id && v.Choice == VoteChoice.Yes),
                No = db.Votes.Count(v => v.NominationId == n.Id && v.Choice == VoteChoice.No),
                Abstain = db.Votes.Count(v => v.NominationId == n.Id && v.Choice == VoteChoice.Abstain),
                AlreadyFellow = db.Fellows.Any(f => f.PersonId == n.NomineeId),
            }).ToListAsync(ct);
        // Two linked nominations of one person can both be accepted: the person joins the roster once.
        var joining = new HashSet<int>();
        var decisions = rows.Select(r =>
        {
            var tally = new Tally(r.Yes, r.No, r.Abstain);
            var outcome = NominationOutcome.Decide(tally, quorum, new YearQuarter(r.First.Year, r.First.Quarter), round.YearQuarter);
            var alreadyFellow = r.AlreadyFellow || (outcome == Outcome.Accepted && !joining.Add(r.NomineeId));
            return new Decision(r.Id, r.Nominee, r.NomineeId, r.NomineeEmail, r.NominatorName, r.NominatorEmail, r.First.Year, r.First.Quarter, tally, outcome, alreadyFellow);
        }).ToList();
        return new Plan(round, decisions);
    }

    /// <summary>
    /// Applies the plan and saves it all at once; or, changing nothing, says why the round cannot be closed. A
    /// <see cref="DbUpdateConcurrencyException"/> means the round changed since it was planned (someone else closed it).
    /// </summary>
    public static async Task<string?> ApplyAsync(RecordsDbContext db, Plan plan, NominationSettings settings, DateTime now, CancellationToken ct = default)
    {
        var round = plan.Round;
        if (round.Status != RoundStatus.Open) return $"{round.Name} is {round.Status}; only an open round can be closed.";
        var carrying = plan.Decisions.Any(d => d.Outcome == Outcome.CarriedOver);
        var (nextYear, nextQuarter) = round.YearQuarter.Next;
        var next = await db.Rounds.FirstOrDefaultAsync(r => r.Year == nextYear && r.Quarter == nextQuarter, ct);
        if (next is { Status: RoundStatus.Closed } && carrying) return $"{next.Name} is already closed, so nothing can carry into it. Nothing was applied.";
        if (next is null && carrying)
        {
            db.Rounds.Add(next = new Round { Year = nextYear, Quarter = nextQuarter, CutOff = round.YearQuarter.Next.CutOff, ReviewEnds = round.YearQuarter.Next.ReviewEnds, Status = RoundStatus.Upcoming });
        }
        var ids = plan.Decisions.Select(d => d.Id).ToList();
        var nominations = await db.Nominations.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var position = await db.Fellows.Where(f => f.Year == round.Year && f.Quarter == round.Quarter).MaxAsync(f => (int?)f.Position, ct) ?? -1;
        var wording = new Dictionary<Outcome, (string, string)>
        {
            [Outcome.Accepted] = await EmailTemplates.WordingAsync(db, EmailTemplates.OutcomeAccepted, ct),
            [Outcome.CarriedOver] = await EmailTemplates.WordingAsync(db, EmailTemplates.OutcomeCarriedOver, ct),
            [Outcome.Expired] = await EmailTemplates.WordingAsync(db, EmailTemplates.OutcomeExpired, ct),
        };
        var welcome = await EmailTemplates.WordingAsync(db, EmailTemplates.NomineeAccepted, ct);

        foreach (var decision in plan.Decisions)
        {
            var nomination = nominations[decision.Id];
            switch (decision.Outcome)
            {
                case Outcome.Accepted:
                    nomination.Status = NominationStatus.Accepted;
                    nomination.DecidedAt = now;
                    if (!decision.AlreadyFellow)
                    {
                        db.Fellows.Add(new Fellow { PersonId = decision.NomineeId, Year = round.Year, Quarter = round.Quarter, Position = ++position, Status = FellowStatus.Active, NominationId = decision.Id });
                        if (decision.NomineeEmail is { Length: > 0 } nomineeEmail)
                        {
                            var (welcomeSubject, welcomeBody) = EmailTemplates.Render(welcome, new Dictionary<string, string>
                            {
                                ["foundation"] = settings.FoundationName, ["nominee_name"] = decision.Nominee, ["nominator_name"] = decision.NominatorName,
                                ["round"] = round.Name, ["roster_url"] = settings.Link("/Fellows"),
                            });
                            db.Outbox.Add(OutboxMessage.Create([nomineeEmail], welcomeSubject, welcomeBody, now, audience: MailAudience.WorkGroup));
                        }
                    }
                    break;
                case Outcome.CarriedOver:
                    nomination.Round = next!;
                    break;
                default:
                    nomination.Status = NominationStatus.Expired;
                    nomination.DecidedAt = now;
                    break;
            }
            var (subject, body) = EmailTemplates.Render(wording[decision.Outcome], new Dictionary<string, string>
            {
                ["foundation"] = settings.FoundationName, ["nominator_name"] = decision.NominatorName, ["nominee_name"] = decision.Nominee,
                ["round"] = round.Name, ["next_round"] = plan.NextRound, ["last_round"] = decision.LastRound,
            });
            db.Outbox.Add(OutboxMessage.Create([decision.NominatorEmail], subject, body, now, audience: MailAudience.WorkGroup));
        }
        round.Status = RoundStatus.Closed;
        round.ClosedAt = now;
        await db.SaveChangesAsync(ct);
        return null;
    }
}
