using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Fellows;
using Records.Core.People;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Fellows;

/// <summary>
/// Staff correct a Fellow: name, email, links, status and quarter. The link rows work without script: adding a row,
/// moving one up or down and removing one are buttons that post the form back and show it again, unsaved.
/// </summary>
public class EditModel(RecordsDbContext db, FoundationClock clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public Fellow Fellow { get; private set; } = null!;

    public class InputModel
    {
        public string Name { get; set; } = "";
        public string Email { get; set; } = "";
        public List<LinkInput> Links { get; set; } = [];
        public string Status { get; set; } = "";
        public string Year { get; set; } = "";
        public string Quarter { get; set; } = "";
        public Guid Version { get; set; }

        public FellowEdit.Changes Changes() => new(Name, Email, [.. Links.Select(l => new FellowEdit.LinkLine(l.Kind, l.Url))]);
    }

    /// <summary>One row of links; an empty field binds as null.</summary>
    public class LinkInput
    {
        public string? Kind { get; set; }
        public string? Url { get; set; }
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator(int currentYear)
        {
            RuleFor(x => x.Status).Must(s => ParseStatus(s) is not null).WithMessage("Choose Active, Emeritus or Deceased.");
            RuleFor(x => x.Year).Must(y => int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= RosterImport.FirstYear && year <= currentYear + 1)
                .WithMessage($"Enter the year of induction, from {RosterImport.FirstYear} to {currentYear + 1}.");
            RuleFor(x => x.Quarter).Must(q => q is "1" or "2" or "3" or "4").WithMessage("Choose the quarter, 1 to 4.");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new InputModel
        {
            Name = Fellow.Person.Name,
            Email = Fellow.Person.Email ?? "",
            Links = [.. Fellow.Person.Links.OrderBy(l => l.Position).Select(l => new LinkInput { Kind = l.Kind.ToString(), Url = l.Url ?? "" }), new LinkInput()],
            Status = Fellow.Status.ToString(),
            Year = Fellow.Year.ToString(CultureInfo.InvariantCulture),
            Quarter = Fellow.Quarter.ToString(CultureInfo.InvariantCulture),
            Version = Fellow.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var valid = ModelState.AddErrors(new Validator(clock.Year).Validate(Input));
        var problems = FellowEdit.Check(Input.Changes());
        foreach (var problem in problems) ModelState.AddModelError($"Input.{problem.Field}", problem.Message);
        if (!valid || problems.Count > 0) return this.Invalid();
        if (Fellow.Version != Input.Version) return this.StaleEdit(Stale);

        var (year, quarter) = (int.Parse(Input.Year, CultureInfo.InvariantCulture), int.Parse(Input.Quarter, CultureInfo.InvariantCulture));
        if ((year, quarter) != (Fellow.Year, Fellow.Quarter))
        {
            // Moved to another quarter: listed after the Fellows already there.
            Fellow.Position = 1 + (await db.Fellows.Where(f => f.Year == year && f.Quarter == quarter).MaxAsync(f => (int?)f.Position) ?? -1);
            (Fellow.Year, Fellow.Quarter) = (year, quarter);
        }
        Fellow.Status = ParseStatus(Input.Status)!.Value;
        var (outcome, _) = await new FellowEdit(db).SaveAsync(Fellow, Input.Version, Input.Changes());
        if (outcome == FellowEdit.Outcome.Conflict) return this.StaleEdit(Stale);
        TempData["Flash"] = $"Saved {Fellow.Person.Name}: {Describe(Fellow.Status)}, {Fellow.YearQuarter.YearFirstName}.";
        return RedirectToPage("Index", new { q = Fellow.Person.Name });
    }

    public Task<IActionResult> OnPostAddLinkAsync(int id) => ReshowAsync(id, links => links.Add(new LinkInput()));

    public Task<IActionResult> OnPostRemoveLinkAsync(int id, int row) => ReshowAsync(id, links =>
    {
        if (row >= 0 && row < links.Count) links.RemoveAt(row);
    });

    public Task<IActionResult> OnPostMoveLinkAsync(int id, int row, int by) => ReshowAsync(id, links =>
    {
        var to = row + Math.Sign(by);
        if (row < 0 || row >= links.Count || to < 0 || to >= links.Count) return;
        (links[row], links[to]) = (links[to], links[row]);
    });

    public static string Describe(FellowStatus status) => status switch
    {
        FellowStatus.Emeritus => "emeritus",
        FellowStatus.Deceased => "in memoriam",
        _ => "active",
    };

    /// <summary>Shows the form again with its rows rearranged; nothing is saved until Save.</summary>
    private async Task<IActionResult> ReshowAsync(int id, Action<List<LinkInput>> change)
    {
        if (!await LoadAsync(id)) return NotFound();
        change(Input.Links);
        ModelState.Clear();
        return Page();
    }

    private static FellowStatus? ParseStatus(string? text) =>
        Enum.GetValues<FellowStatus>().Cast<FellowStatus?>().FirstOrDefault(s => s.ToString() == text);

    /// <param name="ct">The request's token on a GET; a post's reads run to the end with its save.</param>
    private async Task<bool> LoadAsync(int id, CancellationToken ct = default)
    {
        if (await db.Fellows.Include(f => f.Person).ThenInclude(p => p.Links).AsSplitQuery().SingleOrDefaultAsync(f => f.Id == id, ct) is not { } fellow) return false;
        Fellow = fellow;
        return true;
    }

    private const string Stale = "Someone else changed this Fellow while you were editing. Reload the page to see their change, then make yours again.";
}
