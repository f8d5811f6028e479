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
/// fees, payments and balance due per currency. Four queries a page whatever the number of sponsors.
/// </summary>
public class IndexModel(RecordsDbContext db, FoundationClock clock) : PageModel
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

        var page = await SponsorList.Rows(db, matching, clock.Today, Sort).ToPagedAsync(P, PageSize, ct);
        P = page.Page;
        if (page.Total == 0) return;
        Sponsors = page with { Items = await SponsorList.WithTotalsAsync(db, page.Items, ct) };
        Totals = await SponsorList.TotalsAsync(db, matching, ct);
    }

    public string Link(int page, string? sort = null) =>
        $"/Sponsors?{(Searching ? $"q={Uri.EscapeDataString(Q!.Trim())}&" : "")}sort={sort ?? Sort}&p={page}";

    public string SortMark(string sort) => Sort == sort ? (sort == "added" ? " ▼" : " ▲") : "";

    public static string Plural(int count, string noun) => Counting.Plural(count, noun);
}
