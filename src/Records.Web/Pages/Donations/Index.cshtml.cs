using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Donations;

/// <summary>The donations ledger: filtered, sorted and paged, with the filter's totals per currency. Three queries a page.</summary>
public class IndexModel(RecordsDbContext db, FoundationClock clock, VersionedCache cache) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The filter is bound from plain query fields (from, to, channel, ...), not "Input.From".</summary>
    [BindProperty(SupportsGet = true)] public LedgerFilter Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "date";
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public IReadOnlyList<Ledger.Total> Totals { get; private set; } = [];
    public Paged<Ledger.Row> Donations { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<(int Id, string Name)> Campaigns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.UseDefaultPeriod(Request.Query, clock.Today);
        if (!Ledger.Sorts.Contains(Sort)) Sort = "date";
        Campaigns = (await db.Campaigns.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name)).ToList();
        if (!ModelState.AddErrors(LedgerFilter.Validator.Instance.Validate(Input))) return this.Invalid();

        var matching = Input.Apply(db.Donations.AsNoTracking(), DatabaseProvider.For(db));
        Totals = await Ledger.TotalsAsync(db, cache, Input, matching, ct);
        var total = Totals.Sum(t => t.Count);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        P = Math.Clamp(P, 1, pages);
        var rows = total == 0 ? [] : await Ledger.Rows(matching, Sort).Skip((P - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Donations = new Paged<Ledger.Row>(rows, P, PageSize, total);
        return Page();
    }

    public string Link(int page, string? sort = null)
    {
        var filter = Input.Query();
        return $"/Donations?{filter}{(filter.Length > 0 ? "&" : "")}sort={sort ?? Sort}&p={page}";
    }

    public string Period => (Input.FromDate, Input.ToDate) switch
    {
        ({ } from, { } to) => $"from {Day(from)} to {Day(to)}",
        ({ } from, null) => $"since {Day(from)}",
        (null, { } to) => $"until {Day(to)}",
        _ => "at any date",
    };

    private static string Day(DateOnly day) => day.ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public string ExportLink => $"/Donations/Export?{Input.Query()}";

    public string SortMark(string sort) => Sort == sort ? (sort == "donor" ? " ▲" : " ▼") : "";
}
