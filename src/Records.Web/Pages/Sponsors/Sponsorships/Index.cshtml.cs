using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Sponsors.Sponsorships;

/// <summary>Every sponsorship: filtered, sorted and paged, with the filter's totals per currency, the order and totals kept per data version.</summary>
public class IndexModel(RecordsDbContext db, FoundationClock clock, VersionedCache cache) : PageModel
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

        var today = clock.Today;
        var matching = Input.Apply(db.Sponsorships.AsNoTracking(), today);
        // The totals and the order read every matching sponsorship; they are kept until a save changes the finance records.
        var filter = $"{Input.Query()}\n{today:yyyy-MM-dd}";
        Totals = await cache.GetAsync(db, DataVersions.Finance, $"sponsorships-totals\n{filter}", c => SponsorshipList.TotalsAsync(matching, c), ct);
        var ids = await cache.GetAsync(db, DataVersions.Finance, $"sponsorships\n{Sort}\n{filter}", c => SponsorshipList.OrderedIds(matching, Sort).ToListAsync(c), ct);
        var page = ids.ToPaged(P, PageSize);
        P = page.Page;
        var rows = page.Total == 0 ? [] : await SponsorshipList.RowsInOrderAsync(db.Sponsorships.AsNoTracking(), page.Items, ct);
        Sponsorships = new Paged<SponsorshipList.Row>(rows, P, PageSize, page.Total);
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
