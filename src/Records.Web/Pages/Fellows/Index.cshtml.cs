using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Fellows;
using Records.Core.People;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Fellows;

/// <summary>
/// The public Fellow roster, newest quarter first. Pages hold whole years, about <see cref="FellowsPerPage"/>
/// Fellows each, so a quarter is never split; three queries whatever the size of the roster.
/// </summary>
public class IndexModel(RecordsDbContext db, IAuthorizationService authorization) : PageModel
{
    public const int FellowsPerPage = 200;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public int Total { get; private set; }
    public int Pages { get; private set; } = 1;
    public IReadOnlyList<YearLink> Years { get; private set; } = [];
    public IReadOnlyList<YearGroup> Shown { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool Searching => !string.IsNullOrWhiteSpace(Q);

    public sealed record YearLink(int Year, int Count, int Page);
    public sealed record LinkRow(LinkKind Kind, string? Url)
    {
        /// <summary>Where the link goes (a Mastodon handle's profile); null for a kind recorded without an address, shown as text.</summary>
        public string? Href => LinkRules.Href(Kind, Url);
    }
    public sealed record FellowRow(int Id, int PersonId, string Name, int Year, int Quarter, FellowStatus Status)
    {
        public IReadOnlyList<LinkRow> Links { get; init; } = [];
    }
    public sealed record QuarterGroup(int Year, int Quarter, IReadOnlyList<FellowRow> Fellows)
    {
        public YearQuarter YearQuarter => new(Year, Quarter);
    }
    public sealed record YearGroup(int Year, IReadOnlyList<QuarterGroup> Quarters)
    {
        public int Count => Quarters.Sum(q => q.Fellows.Count);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded;
        var matching = db.Fellows.AsNoTracking();
        if (Searching)
        {
            matching = matching.Where(DatabaseProvider.For(db).ContainsIgnoringCase<Fellow>(Q!.Trim(), f => f.Person.Name));
        }

        var perYear = await matching.GroupBy(f => f.Year).Select(g => new { Year = g.Key, Count = g.Count() }).OrderByDescending(y => y.Year).ToListAsync(ct);
        Years = PageYears(perYear.Select(y => (y.Year, y.Count)));
        Total = Years.Sum(y => y.Count);
        Pages = Years.Count == 0 ? 1 : Years[^1].Page;
        P = Math.Clamp(P, 1, Pages);
        var years = Years.Where(y => y.Page == P).Select(y => y.Year).ToList();
        if (years.Count == 0) return;

        var (newest, oldest) = (years[0], years[^1]);
        var onPage = matching.Where(f => f.Year <= newest && f.Year >= oldest);
        var fellows = await onPage
            .OrderByDescending(f => f.Year).ThenByDescending(f => f.Quarter).ThenBy(f => f.Position).ThenBy(f => f.Person.Name)
            .Select(f => new FellowRow(f.Id, f.PersonId, f.Person.Name, f.Year, f.Quarter, f.Status))
            .ToListAsync(ct);
        var links = (await db.PersonLinks.AsNoTracking()
                .Where(l => onPage.Select(f => f.PersonId).Contains(l.PersonId))
                .OrderBy(l => l.PersonId).ThenBy(l => l.Position)
                .Select(l => new { l.PersonId, l.Kind, l.Url })
                .ToListAsync(ct))
            .ToLookup(l => l.PersonId, l => new LinkRow(l.Kind, l.Url));

        Shown = fellows
            .Select(f => f with { Links = [.. links[f.PersonId]] })
            .GroupBy(f => f.Year)
            .Select(y => new YearGroup(y.Key, [.. y.GroupBy(f => f.Quarter).Select(q => new QuarterGroup(y.Key, q.Key, [.. q]))]))
            .ToList();
    }

    /// <summary>Splits the years, newest first, into pages of whole years holding about <see cref="FellowsPerPage"/> Fellows.</summary>
    public static IReadOnlyList<YearLink> PageYears(IEnumerable<(int Year, int Count)> years)
    {
        var result = new List<YearLink>();
        var (page, onPage) = (1, 0);
        foreach (var (year, count) in years)
        {
            if (onPage > 0 && onPage + count > FellowsPerPage) (page, onPage) = (page + 1, 0);
            onPage += count;
            result.Add(new YearLink(year, count, page));
        }
        return result;
    }

    public string Link(int page) => Searching ? $"/Fellows?q={Uri.EscapeDataString(Q!.Trim())}&p={page}" : $"/Fellows?p={page}";

    public static string Plural(int count, string one) => Counting.Plural(count, one);
}
