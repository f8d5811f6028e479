using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Nominations.Rounds;

/// <summary>
/// Closing a round: what the rule will do to each nomination is shown first; confirming applies it in one save —
/// accepted nominees join the roster, the rest carry into the next round or expire, and each nominator is told.
/// </summary>
public class CloseModel(RecordsDbContext db, IOptions<RecordsOptions> options, FoundationClock clock) : PageModel
{
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
    public IReadOnlyList<RoundClosing.Decision> Plans => Plan.Decisions;
    public int Quorum => options.Value.Nominations.Quorum;
    public string NextRound => Plan.NextRound;
    public DateOnly Today => clock.Today;

    private RoundClosing.Plan Plan { get; set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Early is not null && !Input.ConfirmEarly)
        {
            ModelState.AddModelError("Input.ConfirmEarly", $"Tick the box to close {Round.Name} before its dates. Nothing was closed.");
            return this.Invalid();
        }
        try
        {
            if (await RoundClosing.ApplyAsync(db, Plan, options.Value.NominationSettings, clock.Now.UtcDateTime) is { } refusal)
            {
                ModelState.AddModelError("", refusal);
                return this.WithStatus(StatusCodes.Status409Conflict);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id)) return NotFound();
            ModelState.AddModelError("", $"{Round.Name} changed while you were closing it (perhaps someone else closed it). Nothing was applied; reload the rounds to see where it stands.");
            return this.WithStatus(StatusCodes.Status409Conflict);
        }

        var known = Plans.Count(p => p.Outcome == Outcome.Accepted && p.AlreadyFellow);
        TempData["Flash"] = $"{Round.Name} is closed: {Plan.Count(Outcome.Accepted)} accepted, {Plan.Count(Outcome.CarriedOver)} carried over to {NextRound}, {Plan.Count(Outcome.Expired)} expired." +
                            (known > 0 ? $" {known} accepted nominee{(known == 1 ? " was" : "s were")} already on the roster and not added again." : "");
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await RoundClosing.PlanAsync(db, id, Quorum) is not { } plan) return false;
        Plan = plan;
        Round = plan.Round;
        Early = Round.Status == RoundStatus.Open ? EarlyClose.Check(Round, Today) : null;
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        RecusedFrom = (await db.Recusals.AsNoTracking().Where(x => x.MemberId == me && x.Nomination.RoundId == id && x.Nomination.Status == NominationStatus.UnderReview)
            .Select(x => x.NominationId).ToListAsync()).ToHashSet();
        return true;
    }
}
