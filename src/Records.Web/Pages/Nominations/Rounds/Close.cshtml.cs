using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Fellows;
using Records.Core.Mail;
using Records.Core.Nominations;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Nominations.Rounds;

/// <summary>
/// Closing a round: what the rule will do to each nomination is shown first; confirming applies it in one save —
/// accepted nominees join the roster, the rest carry into the next round or expire, and each nominator is told.
/// </summary>
public class CloseModel(RecordsDbContext db, IOptions<RecordsOptions> options, TimeProvider clock) : PageModel
{
    public sealed record Plan(int Id, string Nominee, int NomineeId, string? NomineeEmail, string NominatorName, string NominatorEmail, int FirstYear, int FirstQuarter,
        Tally Tally, Outcome Outcome, bool AlreadyFellow)
    {
        public YearQuarter FirstRound => new(FirstYear, FirstQuarter);
        public string LastRound => NominationOutcome.LastRound(FirstRound).Name;
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        /// <summary>Ticked to close a round before its cut-off or its end of review.</summary>
        public bool ConfirmEarly { get; set; }
    }

    public Round Round { get; private set; } = null!;
    /// <summary>Set when closing today cuts the round short: the Chair confirms, with the dates in front of them.</summary>
    public EarlyClose? Early { get; private set; }
    /// <summary>Nominations the Chair recused from: the outcome is shown, the counts are not.</summary>
    public HashSet<int> RecusedFrom { get; private set; } = [];
    public List<Plan> Plans { get; private set; } = [];
    public int Quorum => options.Value.Nominations.Quorum;
    public string NextRound => Round.YearQuarter.Next.Name;
    public DateOnly Today => RoundCalendar.LocalDate(clock.GetUtcNow(), options.Value.Zone);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Round.Status != RoundStatus.Open)
        {
            ModelState.AddModelError("", $"{Round.Name} is {Round.Status}; only an open round can be closed.");
            return this.WithStatus(StatusCodes.Status409Conflict);
        }
        if (Early is not null && !Input.ConfirmEarly)
        {
            ModelState.AddModelError("Input.ConfirmEarly", $"Tick the box to close {Round.Name} before its dates. Nothing was closed.");
            return this.Invalid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (nextYear, nextQuarter) = Round.YearQuarter.Next;
        var next = await db.Rounds.FirstOrDefaultAsync(r => r.Year == nextYear && r.Quarter == nextQuarter);
        if (next is null && Plans.Any(p => p.Outcome == Outcome.CarriedOver))
        {
            db.Rounds.Add(next = new Round { Year = nextYear, Quarter = nextQuarter, CutOff = Round.YearQuarter.Next.CutOff, ReviewEnds = Round.YearQuarter.Next.ReviewEnds, Status = RoundStatus.Upcoming });
        }
        if (next is { Status: RoundStatus.Closed } && Plans.Any(p => p.Outcome == Outcome.CarriedOver))
        {
            ModelState.AddModelError("", $"{next.Name} is already closed, so nothing can carry into it. Nothing was applied.");
            return this.WithStatus(StatusCodes.Status409Conflict);
        }
        var ids = Plans.Select(p => p.Id).ToList();
        var nominations = await db.Nominations.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id);
        var position = await db.Fellows.Where(f => f.Year == Round.Year && f.Quarter == Round.Quarter).MaxAsync(f => (int?)f.Position) ?? -1;
        var wording = new Dictionary<Outcome, (string, string)>
        {
            [Outcome.Accepted] = await EmailTemplates.WordingAsync(db, EmailTemplates.OutcomeAccepted),
            [Outcome.CarriedOver] = await EmailTemplates.WordingAsync(db, EmailTemplates.OutcomeCarriedOver),
            [Outcome.Expired] = await EmailTemplates.WordingAsync(db, EmailTemplates.OutcomeExpired),
        };
        var welcome = await EmailTemplates.WordingAsync(db, EmailTemplates.NomineeAccepted);

        foreach (var plan in Plans)
        {
            var nomination = nominations[plan.Id];
            switch (plan.Outcome)
            {
                case Outcome.Accepted:
                    nomination.Status = NominationStatus.Accepted;
                    nomination.DecidedAt = now;
                    if (!plan.AlreadyFellow)
                    {
                        db.Fellows.Add(new Fellow { PersonId = plan.NomineeId, Year = Round.Year, Quarter = Round.Quarter, Position = ++position, Status = FellowStatus.Active, NominationId = plan.Id });
                        if (plan.NomineeEmail is { Length: > 0 } nomineeEmail)
                        {
                            var (welcomeSubject, welcomeBody) = EmailTemplates.Render(welcome, new Dictionary<string, string>
                            {
                                ["foundation"] = options.Value.FoundationName, ["nominee_name"] = plan.Nominee, ["nominator_name"] = plan.NominatorName,
                                ["round"] = Round.Name, ["roster_url"] = $"{options.Value.BaseUrl.TrimEnd('/')}/Fellows",
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
            var (subject, body) = EmailTemplates.Render(wording[plan.Outcome], new Dictionary<string, string>
            {
                ["foundation"] = options.Value.FoundationName, ["nominator_name"] = plan.NominatorName, ["nominee_name"] = plan.Nominee,
                ["round"] = Round.Name, ["next_round"] = NextRound, ["last_round"] = plan.LastRound,
            });
            db.Outbox.Add(OutboxMessage.Create([plan.NominatorEmail], subject, body, now, audience: MailAudience.WorkGroup));
        }
        Round.Status = RoundStatus.Closed;
        Round.ClosedAt = now;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id)) return NotFound();
            ModelState.AddModelError("", $"{Round.Name} changed while you were closing it (perhaps someone else closed it). Nothing was applied; reload the rounds to see where it stands.");
            return this.WithStatus(StatusCodes.Status409Conflict);
        }

        var accepted = Plans.Count(p => p.Outcome == Outcome.Accepted);
        var carried = Plans.Count(p => p.Outcome == Outcome.CarriedOver);
        var expired = Plans.Count(p => p.Outcome == Outcome.Expired);
        var known = Plans.Count(p => p.Outcome == Outcome.Accepted && p.AlreadyFellow);
        TempData["Flash"] = $"{Round.Name} is closed: {accepted} accepted, {carried} carried over to {NextRound}, {expired} expired." +
                            (known > 0 ? $" {known} accepted nominee{(known == 1 ? " was" : "s were")} already on the roster and not added again." : "");
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await db.Rounds.FirstOrDefaultAsync(r => r.Id == id) is not { } round) return false;
        Round = round;
        Early = round.Status == RoundStatus.Open ? EarlyClose.Check(round, Today) : null;
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var rows = await db.Nominations.AsNoTracking().Where(n => n.RoundId == id && n.Status == NominationStatus.UnderReview)
            .OrderBy(n => n.Nominee.Name).ThenBy(n => n.Id)
            .Select(n => new
            {
                n.Id, Nominee = n.Nominee.Name, n.NomineeId, NomineeEmail = n.Nominee.Email, n.NominatorName, n.NominatorEmail,
                First = db.Rounds.Where(r => r.Id == n.FirstRoundId).Select(r => new { r.Year, r.Quarter }).First(),
                Yes = db.Votes.Count(v => v.NominationId == n.Id && v.Choice == VoteChoice.Yes),
                No = db.Votes.Count(v => v.NominationId == n.Id && v.Choice == VoteChoice.No),
                Abstain = db.Votes.Count(v => v.NominationId == n.Id && v.Choice == VoteChoice.Abstain),
                AlreadyFellow = db.Fellows.Any(f => f.PersonId == n.NomineeId),
                Recused = db.Recusals.Any(x => x.NominationId == n.Id && x.MemberId == me),
            }).ToListAsync();
        RecusedFrom = rows.Where(r => r.Recused).Select(r => r.Id).ToHashSet();
        // Two linked nominations of one person can both be accepted: the person joins the roster once.
        var joining = new HashSet<int>();
        Plans = rows.Select(r =>
        {
            var tally = new Tally(r.Yes, r.No, r.Abstain);
            var outcome = NominationOutcome.Decide(tally, Quorum, new YearQuarter(r.First.Year, r.First.Quarter), round.YearQuarter);
            var alreadyFellow = r.AlreadyFellow || (outcome == Outcome.Accepted && !joining.Add(r.NomineeId));
            return new Plan(r.Id, r.Nominee, r.NomineeId, r.NomineeEmail, r.NominatorName, r.NominatorEmail, r.First.Year, r.First.Quarter, tally, outcome, alreadyFellow);
        }).ToList();
        return true;
    }
}
