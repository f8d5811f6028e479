using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Nominations;

/// <summary>A round's nominations for the Work Group: status, my vote and the tally, counted in the same SQL as the rows.</summary>
public class IndexModel(RecordsDbContext db, IOptions<RecordsOptions> options, FoundationClock clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public int? Round { get; set; }
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "received";
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public sealed record RoundOption(int Id, int Year, int Quarter, RoundStatus Status, DateOnly CutOff, DateOnly ReviewEnds)
    {
        public string Name => new YearQuarter(Year, Quarter).Name;
    }

    public sealed record Row(int Id, string Nominee, DateTime ReceivedAt, NominationStatus Status, bool Linked, bool IsFellow,
        VoteChoice? MyVote, bool Recused, int Yes, int No, int Abstain)
    {
        public Tally Tally => new(Yes, No, Abstain);
    }

    public List<RoundOption> Rounds { get; private set; } = [];
    public RoundOption? Current { get; private set; }
    public Paged<Row> Rows { get; private set; } = new([], 1, PageSize, 0);
    public int Quorum => options.Value.Nominations.Quorum;
    public string Day(DateTime utc) => clock.Day(utc);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).ThenByDescending(r => r.Quarter)
            .Select(r => new RoundOption(r.Id, r.Year, r.Quarter, r.Status, r.CutOff, r.ReviewEnds)).ToListAsync(ct);
        var chosen = Round is { } id ? Rounds.FirstOrDefault(r => r.Id == id) : Rounds.FirstOrDefault(r => r.Status == RoundStatus.Open) ?? Rounds.FirstOrDefault();
        if (chosen is null) return Round is null ? Page() : NotFound();
        Current = chosen;

        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var query = db.Nominations.AsNoTracking().Where(n => n.RoundId == chosen.Id);
        query = Show switch
        {
            "mine" => query.Where(n => n.Status == NominationStatus.UnderReview
                && !db.Votes.Any(v => v.NominationId == n.Id && v.MemberId == me)
                && !db.Recusals.Any(r => r.NominationId == n.Id && r.MemberId == me)),
            "recused" => query.Where(n => db.Recusals.Any(r => r.NominationId == n.Id && r.MemberId == me)),
            _ => query,
        };
        var rows = query.Select(n => new
        {
            n.Id,
            Nominee = n.Nominee.Name,
            n.ReceivedAt,
            n.Status,
            Linked = n.LinkedToId != null || db.Nominations.Any(o => o.LinkedToId == n.Id),
            IsFellow = db.Fellows.Any(f => f.PersonId == n.NomineeId && f.NominationId != n.Id),
            MyVote = db.Votes.Where(v => v.NominationId == n.Id && v.MemberId == me).Select(v => (VoteChoice?)v.Choice).FirstOrDefault(),
            Recused = db.Recusals.Any(r => r.NominationId == n.Id && r.MemberId == me),
            Yes = db.Votes.Count(v => v.NominationId == n.Id && v.Choice == VoteChoice.Yes),
            No = db.Votes.Count(v => v.NominationId == n.Id && v.Choice == VoteChoice.No),
            Abstain = db.Votes.Count(v => v.NominationId == n.Id && v.Choice == VoteChoice.Abstain),
        });
        rows = Sort switch
        {
            "nominee" => rows.OrderBy(r => r.Nominee).ThenBy(r => r.Id),
            // A member's recused rows sort last, as if unvoted, so the order never hints at a tally hidden from them.
            "yes" => rows.OrderBy(r => r.Recused).ThenByDescending(r => r.Recused ? 0 : r.Yes).ThenBy(r => r.Recused ? 0 : r.No).ThenBy(r => r.Id),
            "votes" => rows.OrderBy(r => r.Recused).ThenBy(r => r.Recused ? 0 : r.Yes + r.No + r.Abstain).ThenBy(r => r.Id),
            _ => rows.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id),
        };
        var page = await rows.ToPagedAsync(P, PageSize, ct);
        Rows = new Paged<Row>(page.Items.Select(r => new Row(r.Id, r.Nominee, r.ReceivedAt, r.Status, r.Linked, r.IsFellow, r.MyVote, r.Recused, r.Yes, r.No, r.Abstain)).ToList(),
            page.Page, page.PageSize, page.Total);
        return Page();
    }

    public string Link(int page, string? sort = null, string? show = "") =>
        $"/Nominations?round={Current?.Id}&show={Uri.EscapeDataString(show == "" ? Show ?? "" : show ?? "")}&sort={sort ?? Sort}&p={page}";
}
