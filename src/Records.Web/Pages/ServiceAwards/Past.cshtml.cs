using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Records.Core.Data;
using Records.Core.ServiceAwards;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.ServiceAwards;

/// <summary>Staff record an award the Board gave before Records: approved, with its quarter, resolution and decision date.</summary>
public class PastModel(RecordsDbContext db, FoundationClock clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public DateOnly Today => clock.Today;

    public class InputModel
    {
        public string? Recipient { get; set; }
        public bool IsGroup { get; set; }
        public int? Year { get; set; }
        public int? Quarter { get; set; }
        public string? Reasons { get; set; }
        public string? Resolution { get; set; }
        public DateOnly? DecidedOn { get; set; }

        public PastAwardRecord.Award Award() => new(Recipient, IsGroup, Year, Quarter, Reasons, Resolution, DecidedOn);
    }

    public void OnGet() => Input.Quarter = 1;

    public async Task<IActionResult> OnPostAsync()
    {
        // A value that does not parse (a year of "19x9", a date of "yesterday") is already in ModelState; say it in users' words.
        foreach (var field in new[] { nameof(InputModel.Year), nameof(InputModel.Quarter), nameof(InputModel.DecidedOn) })
        {
            if (ModelState[$"Input.{field}"] is { Errors.Count: > 0 } entry) entry.Errors.Clear();
        }
        var (award, problems) = await new PastAwardRecord(db).AddAsync(Input.Award(), User.Identity?.Name ?? "unknown", Today, clock.Now.UtcDateTime);
        if (award is null)
        {
            foreach (var problem in problems) ModelState.AddModelError($"Input.{problem.Field}", problem.Message);
            return this.Invalid();
        }
        TempData["Flash"] = $"Recorded the {award.YearQuarter.YearFirstName} Community Service Award to {award.RecipientName}, approved {award.DecidedOn:MMM d, yyyy}.";
        return RedirectToPage("Details", new { id = award.Id });
    }
}
