using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Nominations.Rounds;

/// <summary>The Chair moves a round's cut-off or end of review, within its quarter; a closed round keeps its dates.</summary>
public class EditModel(RecordsDbContext db) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public Round Round { get; private set; } = null!;

    public class InputModel
    {
        public DateOnly? CutOff { get; set; }
        public DateOnly? ReviewEnds { get; set; }
        public Guid Version { get; set; }
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator(Round round)
        {
            var quarterStarts = round.YearQuarter.FirstDay;
            var quarterEnds = round.YearQuarter.LastDay;
            var latestReviewEnd = quarterStarts.AddMonths(4).AddDays(-1);
            RuleFor(x => x.CutOff).NotNull().WithMessage("Enter the cut-off date.")
                .InclusiveBetween(quarterStarts, quarterEnds).WithMessage($"The cut-off must fall within {round.Name} ({quarterStarts:MMM d} to {quarterEnds:MMM d, yyyy}).");
            RuleFor(x => x.ReviewEnds).NotNull().WithMessage("Enter the end of review.")
                .InclusiveBetween(quarterStarts, latestReviewEnd).WithMessage($"Review must end by {latestReviewEnd:MMM d, yyyy}, a month after the quarter.")
                .GreaterThan(x => x.CutOff).When(x => x.CutOff is not null).WithMessage("Review must end after the cut-off.");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input = new InputModel { CutOff = Round.CutOff, ReviewEnds = Round.ReviewEnds, Version = Round.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Round.Status == RoundStatus.Closed)
        {
            ModelState.AddModelError("", $"{Round.Name} is closed; its dates are part of the record and stay as they are.");
            return Status(StatusCodes.Status409Conflict);
        }
        if (!ModelState.AddErrors(new Validator(Round).Validate(Input))) return this.Invalid();
        if (Round.Version != Input.Version)
            return this.StaleEdit("Someone else changed this round while you were editing. Reload the page to see their dates, then make your change again.");
        Round.CutOff = Input.CutOff!.Value;
        Round.ReviewEnds = Input.ReviewEnds!.Value;
        if (await this.SaveOrStaleAsync(db, "Someone else changed this round at the same moment. Reload the page and try again.") is { } stale) return stale;
        TempData["Flash"] = $"{Round.Name}: cut-off {Round.CutOff:MMM d, yyyy}, review ends {Round.ReviewEnds:MMM d, yyyy}.";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await db.Rounds.FirstOrDefaultAsync(r => r.Id == id) is not { } round) return false;
        Round = round;
        return true;
    }

    private PageResult Status(int code)
    {
        return this.WithStatus(code);
    }
}
