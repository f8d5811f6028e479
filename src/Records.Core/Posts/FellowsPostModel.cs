using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Core.People;

namespace Records.Core.Posts;

/// <summary>What a Fellows post is written from: one quarter's new Fellows, by name unless Staff set the post's own order.</summary>
public sealed record FellowsPostModel(
    string Foundation, string FoundationShort, string Quarter, int Year, int QuarterNumber, IReadOnlyList<FellowsPostModel.FellowEntry> Fellows,
    string Summary, string CriteriaUrl, string RosterUrl, string WorkGroupEmail, string WorkGroupUrl, int NextQuarter, string NextCutOff)
{
    public sealed record FellowEntry(string Name, IReadOnlyList<LinkEntry> Links);

    /// <summary>
    /// A link the Fellow has; <see cref="Url"/> is empty when the records name the link but not its address, and is the
    /// profile's address for a Mastodon handle (the post shows the kind, as the foundation writes it, linked there).
    /// </summary>
    public sealed record LinkEntry(string Kind, string Url);

    public static readonly IReadOnlyList<string> Fields =
    [
        "foundation", "foundation_short", "quarter", "year", "quarter_number", "fellows (each: name, links (each: kind, url))", "summary",
        "criteria_url", "roster_url", "work_group_email", "work_group_url", "next_quarter", "next_cut_off",
    ];

    public static string Title(string foundation, int year, int quarter) => $"{foundation} Fellow Members for {new YearQuarter(year, quarter).Name}";

    /// <summary>Null when no Fellow is recorded for the quarter: there is nothing to announce.</summary>
    public static async Task<FellowsPostModel?> LoadAsync(RecordsDbContext db, int year, int quarter, string? summary, PostSettings settings,
        string? order = null, CancellationToken ct = default)
    {
        var found = await db.Fellows.AsNoTracking()
            .Where(f => f.Year == year && f.Quarter == quarter)
            .Select(f => new { f.Id, f.Person.Name, Links = f.Person.Links.OrderBy(l => l.Position).Select(l => new { l.Kind, l.Url }).ToList() })
            .ToListAsync(ct);
        if (found.Count == 0) return null;
        var place = FellowOrder.Arrange(found.Select(f => (f.Id, f.Name)), order).Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var fellows = found.OrderBy(f => place[f.Id]).ToList();
        var next = await TakingNominations.AfterAsync(db, year, quarter, ct);
        return new FellowsPostModel(settings.Foundation, settings.FoundationShort, new YearQuarter(year, quarter).Name, year, quarter,
            fellows.Select(f => new FellowEntry(PostText.Clean(f.Name), f.Links.Select(l => new LinkEntry(l.Kind.ToString(), Safe(LinkRules.Href(l.Kind, l.Url)))).ToList())).ToList(),
            PostText.Clean(summary), settings.CriteriaUrl, settings.RosterUrl, settings.WorkGroupEmail, settings.WorkGroupUrl,
            next.Quarter, next.CutOff.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Safe(string? url) => url is not null && Text.SafeMarkdown.IsSafe(url) && Uri.IsWellFormedUriString(url, UriKind.Absolute) ? url : "";
}
