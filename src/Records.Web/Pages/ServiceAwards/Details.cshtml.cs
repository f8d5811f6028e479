using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Accounts;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Core.ServiceAwards;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.ServiceAwards;

/// <summary>
/// One proposal for the Board and Staff: the reasons, every step so far, and the next one — the Board approves with a
/// resolution, holds over or declines; Staff record the payment of an approved award.
/// </summary>
public partial class DetailsModel(RecordsDbContext db, IOptions<RecordsOptions> options, FoundationClock clock) : PageModel
{
    public ServiceAward Award { get; private set; } = null!;
    public bool IsBoard => User.IsInRole(Roles.Board);
    public bool IsStaff => User.IsInRole(Roles.Staff);
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill();
        return Page();
    }

    /// <summary>Fills every form that was not the one posted, so a refused form re-renders beside sensible others.</summary>
    private void Fill()
    {
        if (Approve.Version == Guid.Empty)
        {
            Approve = new ApproveInput
            {
                Resolution = Award.Resolution ?? Core.ServiceAwards.Resolution.Draft(options.Value.FoundationName, Award.Year, Award.Quarter, Award.RecipientName, Award.Reasons),
                DecidedOn = Today, Version = Award.Version,
            };
        }
        if (Hold.Version == Guid.Empty)
        {
            var (year, quarter) = Award.YearQuarter.Next;
            Hold = new HoldInput { Year = year, Quarter = quarter, Version = Award.Version };
        }
        if (Decline.Version == Guid.Empty) Decline = new DeclineInput { Version = Award.Version };
        if (Reopen.Version == Guid.Empty) Reopen = new VersionInput { Version = Award.Version };
        if (Payment.Version == Guid.Empty)
        {
            Payment = new PaymentInput
            {
                Amount = new Core.Amounts.Money(Award.AmountMinor ?? options.Value.ServiceAwards.AmountMinor, Award.Currency ?? options.Value.ServiceAwards.Currency).Format(dropZeroMinor: true),
                Currency = Award.Currency ?? options.Value.ServiceAwards.Currency,
                PyConRegistration = Award.PyConRegistration ?? true,
                PaidOn = Award.PaidOn ?? Today,
                Version = Award.Version,
            };
        }
    }

    private PageResult Invalid()
    {
        Fill();
        return PageResults.Invalid(this);
    }

    /// <param name="ct">The request's token on a GET; a post's reads run to the end with its save.</param>
    private async Task<bool> LoadAsync(int id, CancellationToken ct = default)
    {
        if (await db.ServiceAwards.Include(a => a.History.OrderBy(e => e.At)).FirstOrDefaultAsync(a => a.Id == id, ct) is not { } award) return false;
        Award = award;
        return true;
    }

    private AwardDecisions Decisions =>
        new(db, clock.Time, new AwardSettings(options.Value.FoundationName, options.Value.ServiceAwards.AmountMinor, options.Value.ServiceAwards.Currency));

    private string Me => User.Identity?.Name ?? "unknown";

    /// <summary>A refusal by the proposal's status comes before the form is checked; the rest after.</summary>
    private PageResult? Refused(AwardStep step) =>
        AwardDecisions.Refuse(Award.Status, step) is { } refusal ? Refuse(StatusCodes.Status409Conflict, refusal) : null;

    private IActionResult Decided((AwardDecisions.Outcome Outcome, string? Refusal) decided, string flash)
    {
        switch (decided.Outcome)
        {
            case AwardDecisions.Outcome.Refused:
                return Refuse(StatusCodes.Status409Conflict, decided.Refusal!);
            case AwardDecisions.Outcome.ChangedSinceRead:
                return Refuse(StatusCodes.Status409Conflict, "Someone else changed this proposal while you were reading it. Reload the page to see their change, then decide again.");
            case AwardDecisions.Outcome.ChangedAtSameMoment:
                return Refuse(StatusCodes.Status409Conflict, "Someone else changed this proposal at the same moment. Reload the page to see their change.");
        }
        TempData["Flash"] = flash;
        return RedirectToPage(new { id = Award.Id });
    }

    private PageResult Refuse(int status, string message)
    {
        Fill();
        ModelState.AddModelError("", message);
        return this.WithStatus(status);
    }
}
