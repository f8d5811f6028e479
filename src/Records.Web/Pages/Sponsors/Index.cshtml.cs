using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Sponsors;
using Records.Web.Infrastructure;
using Records.Web.Pages.Sponsors.Sponsorships;

namespace Records.Web.Pages.Sponsors;

/// <summary>
/// Sponsors by the tier they hold today (or by name, or newest first), searched and paged, with the matching sponsors'
/// fees, payments and balance due per currency. The order and the totals are kept per data version, so a page reads
/// only its own fifty sponsors.
/// </summary>
public class IndexModel(RecordsDbContext db, FoundationClock clock, VersionedCache cache) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "tier";
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public bool Searching => !string.IsNullOrWhiteSpace(Q);

    /// <summary>Sorted by tier, a heading names each tier, so the rows need no tier column.</summary>
    public bool ByTier => Sort == "tier";
    public IReadOnlyList<SponsorshipList.Total> Totals { get; private set; } = [];
    public Paged<SponsorList.Row> Sponsors { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>Sorted by tier, the page's rows under a heading per tier (rows come ordered by tier); otherwise one untitled group.</summary>
    public IEnumerable<(string? Tier, IReadOnlyList<SponsorList.Row> Rows)> Groups => ByTier
        ? Sponsors.Items.GroupBy(r => r.Tier?.Title ?? "No current sponsorship").Select(g => ((string?)g.Key, (IReadOnlyList<SponsorList.Row>)[.. g]))
        : [(null, Sponsors.Items)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!SponsorList.Sorts.Contains(Sort)) Sort = "tier";
        var matching = db.Sponsors.AsNoTracking();
        if (Searching) matching = matching.Where(DatabaseProvider.For(db).ContainsIgnoringCase<Sponsor>(Q!.Trim(), s => s.Name));

        // The order and the totals read every sponsor; they are kept until a save changes the finance records.
        var today = clock.Today;
        var search = Searching ? Q!.Trim() : "";
        var ids = await cache.GetAsync(db, DataVersions.Finance, $"sponsors\n{Sort}\n{today:yyyy-MM-dd}\n{search}",
            c => SponsorList.OrderedIds(db, matching, today, Sort).ToListAsync(c), ct);
        var page = ids.ToPaged(P, PageSize);
        P = page.Page;
        if (page.Total == 0) return;
        // The page's rows and sums too, under the very ids shown: their sponsorships grow with the years.
        var rows = await cache.GetAsync(db, DataVersions.Finance, $"sponsors-page\n{today:yyyy-MM-dd}\n{string.Join(',', page.Items)}",
            async c => await SponsorList.WithTotalsAsync(db, await SponsorList.RowsInOrderAsync(db, page.Items, today, c), c), ct);
        Sponsors = new Paged<SponsorList.Row>(rows, P, PageSize, page.Total);
        Totals = await cache.GetAsync(db, DataVersions.Finance, $"sponsors-totals\n{search}", c => SponsorList.TotalsAsync(db, matching, c), ct);
    }

    public string Link(int page, string? sort = null) =>
        $"/Sponsors?{(Searching ? $"q={Uri.EscapeDataString(Q!.Trim())}&" : "")}sort={sort ?? Sort}&p={page}";

    public string SortMark(string sort) => Sort == sort ? (sort == "added" ? " ▼" : " ▲") : "";

    public static string Plural(int count, string noun) => Counting.Plural(count, noun);
}
