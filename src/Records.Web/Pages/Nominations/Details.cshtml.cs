using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Core.People;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Nominations;

/// <summary>One nomination for the Work Group: the statement, who and what is linked, the discussion, and my vote.</summary>
public partial class DetailsModel(RecordsDbContext db, IOptions<RecordsOptions> options, FoundationClock clock) : PageModel
{
    public sealed record View(int Id, string Nominee, string? NomineeEmail, int NomineeId, string NominatorName, string NominatorEmail,
        string Statement, DateTime ReceivedAt, NominationStatus Status, DateTime? DecidedAt, Round Round, string FirstRound, int? LinkedToId);

    public sealed record Related(int Id, string Round, NominationStatus Status, DateTime ReceivedAt, string NominatorName, string Statement, bool Linked);

    public sealed record Ballot(string Member, VoteChoice Choice, string? Comment, DateTime CastAt);

    public sealed record Remark(string Author, string Body, DateTime At);

    public View Nomination { get; private set; } = null!;
    public List<PersonLink> Links { get; private set; } = [];
    public List<Related> Others { get; private set; } = [];
    public List<Ballot> Ballots { get; private set; } = [];
    public List<Remark> Comments { get; private set; } = [];
    public bool IsFellow { get; private set; }
    public bool Recused { get; private set; }
    public Vote? MyVote { get; private set; }
    public int Quorum => options.Value.Nominations.Quorum;
    public Tally Tally => Tally.Of(Ballots.Select(b => b.Choice));
    public bool VotingOpen => Nomination.Status == NominationStatus.UnderReview && Nomination.Round.Status == RoundStatus.Open;

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        VoteInput = new VoteInputModel { Choice = MyVote?.Choice, Comment = MyVote?.Comment };
        return Page();
    }

    /// <param name="ct">The request's token on a GET; a post's reads run to the end with its save.</param>
    private async Task<bool> LoadAsync(int id, CancellationToken ct = default)
    {
        var view = await db.Nominations.AsNoTracking().Where(n => n.Id == id)
            .Join(db.Rounds, n => n.FirstRoundId, r => r.Id, (n, first) => new View(n.Id, n.Nominee.Name, n.Nominee.Email, n.NomineeId, n.NominatorName, n.NominatorEmail, n.Statement,
                n.ReceivedAt, n.Status, n.DecidedAt, n.Round, new YearQuarter(first.Year, first.Quarter).Name, n.LinkedToId))
            .SingleOrDefaultAsync(ct);
        if (view is null) return false;
        Nomination = view;

        Links = await db.PersonLinks.AsNoTracking().Where(l => l.PersonId == view.NomineeId).OrderBy(l => l.Position).ToListAsync(ct);
        Others = await db.Nominations.AsNoTracking()
            .Where(n => n.Id != id && (n.NomineeId == view.NomineeId || n.Id == view.LinkedToId || n.LinkedToId == id))
            .OrderBy(n => n.ReceivedAt)
            .Select(n => new Related(n.Id, new YearQuarter(n.Round.Year, n.Round.Quarter).Name, n.Status, n.ReceivedAt, n.NominatorName, n.Statement,
                n.Id == view.LinkedToId || n.LinkedToId == id))
            .ToListAsync(ct);
        IsFellow = await db.Fellows.AnyAsync(f => f.PersonId == view.NomineeId && f.NominationId != id, ct);
        Recused = await db.Recusals.AnyAsync(r => r.NominationId == id && r.MemberId == Me, ct);
        MyVote = await db.Votes.AsNoTracking().FirstOrDefaultAsync(v => v.NominationId == id && v.MemberId == Me, ct);
        Ballots = await (from v in db.Votes.AsNoTracking()
                         join u in db.Users on v.MemberId equals u.Id into members
                         from u in members.DefaultIfEmpty()
                         where v.NominationId == id
                         orderby v.CastAt
                         select new Ballot(u != null ? u.DisplayName : "A former member", v.Choice, v.Comment, v.CastAt)).ToListAsync(ct);
        Comments = await db.NominationComments.AsNoTracking().Where(c => c.NominationId == id).OrderBy(c => c.At)
            .Select(c => new Remark(c.AuthorName, c.Body, c.At)).ToListAsync(ct);
        return true;
    }

    public string Day(DateTime utc) => clock.Day(utc);

    public string DayAndTime(DateTime utc) => clock.DayAndTime(utc);

    /// <summary>Only web addresses become links: a link recorded some other way never runs as script.</summary>
    public static string? Href(PersonLink link) => LinkRules.Href(link.Kind, link.Url);
}
