using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Sponsors.Sponsorships;

/// <summary>Every sponsorship: filtered, sorted and paged, with the filter's totals per currency. Three queries a page.</summary>
public class IndexModel(RecordsDbContext db, FoundationClock clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Bound from plain query fields (year, program, status), not "Input.Year".</summary>
    [BindProperty(SupportsGet = true)] public SponsorshipFilter Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "starts";
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public IReadOnlyList<SponsorshipList.Total> Totals { get; private set; } = [];
    public Paged<SponsorshipList.Row> Sponsorships { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<(int Id, string Name)> Programs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!SponsorshipList.Sorts.Contains(Sort)) Sort = "starts";
        Programs = [.. (await db.SponsorPrograms.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name))];
        if (!ModelState.AddErrors(new SponsorshipFilter.Validator().Validate(Input))) return this.Invalid();

        var matching = Input.Apply(db.Sponsorships.AsNoTracking(), clock.Today);
        Totals = await SponsorshipList.TotalsAsync(matching, ct);
        var total = Totals.Sum(t => t.Count);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        P = Math.Clamp(P, 1, pages);
        var rows = total == 0 ? [] : await SponsorshipList.Rows(matching, Sort).Skip((P - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Sponsorships = new Paged<SponsorshipList.Row>(rows, P, PageSize, total);
        return Page();
    }

    public string Link(int page, string? sort = null)
    {
        var filter = Input.Query();
        return $"/Sponsors/Sponsorships?{filter}{(filter.Length > 0 ? "&" : "")}sort={sort ?? Sort}&p={page}";
    }

    public string ExportLink
    {
        get
        {
            var filter = Input.Query();
            return $"/Sponsors/Sponsorships/Export?{filter}{(filter.Length > 0 ? "&" : "")}sort={Sort}";
        }
    }

    public string SortMark(string sort) => Sort == sort ? (sort is "sponsor" or "ends" ? " ▲" : " ▼") : "";
}
