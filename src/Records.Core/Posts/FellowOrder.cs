using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;

namespace Records.Core.Posts;

/// <summary>
/// The order a Fellows post names the quarter's Fellows in: alphabetically by name as written (as the foundation's
/// posts do; case and accents ignored), or the order Staff set for the draft, kept with it as Fellow ids ("12,5,7").
/// </summary>
public static class FellowOrder
{
    public static readonly StringComparer ByName =
        StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);

    /// <summary>The saved order first; Fellows it does not name (added since) after them by name; ids no longer in the quarter dropped.</summary>
    public static IReadOnlyList<(int Id, string Name)> Arrange(IEnumerable<(int Id, string Name)> fellows, string? saved)
    {
        var byName = fellows.OrderBy(f => f.Name, ByName).ThenBy(f => f.Id).ToList();
        var ids = Parse(saved);
        var known = byName.ToDictionary(f => f.Id);
        var first = ids.Where(known.ContainsKey).Distinct().Select(id => known[id]).ToList();
        return [.. first, .. byName.Where(f => !first.Contains(f))];
    }

    /// <summary>The quarter's Fellows in the post's order.</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> OfAsync(RecordsDbContext db, int year, int quarter, string? saved, CancellationToken ct = default)
    {
        var fellows = await db.Fellows.AsNoTracking().Where(f => f.Year == year && f.Quarter == quarter)
            .Select(f => new { f.Id, f.Person.Name }).ToListAsync(ct);
        return Arrange(fellows.Select(f => (f.Id, PostText.Clean(f.Name))), saved);
    }

    /// <summary>The order with one Fellow moved a place up or down; null when that Fellow is not in it or cannot move that way.</summary>
    public static string? Move(IReadOnlyList<(int Id, string Name)> current, int fellowId, bool up)
    {
        var ids = current.Select(f => f.Id).ToList();
        var at = ids.IndexOf(fellowId);
        var to = up ? at - 1 : at + 1;
        if (at < 0 || to < 0 || to >= ids.Count) return null;
        (ids[at], ids[to]) = (ids[to], ids[at]);
        return string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
    }

    private static List<int> Parse(string? saved) =>
        (saved ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id > 0).ToList();
}
