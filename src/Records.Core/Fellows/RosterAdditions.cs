using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.People;

namespace Records.Core.Fellows;

/// <summary>
/// Puts imported rows on the roster: the person with the row's email if Records already knows them (a nominee, say),
/// otherwise a new person; their links in the file's order; each Fellow after those already in the quarter.
/// Nothing is saved here, so the caller's one SaveChanges makes the whole import one transaction.
/// </summary>
public static class RosterAdditions
{
    public static async Task<int> AddAsync(RecordsDbContext db, IReadOnlyList<RosterRow> rows, DateTime now, CancellationToken ct = default)
    {
        if (rows.Count == 0) return 0;
        var emails = rows.Where(r => r.Email is not null).Select(r => r.Email!.ToLowerInvariant()).Distinct().ToList();
        var known = emails.Count == 0 ? [] : await db.People.Include(p => p.Links)
            .Where(p => p.Email != null && emails.Contains(p.Email.ToLower()) && !db.Fellows.Any(f => f.PersonId == p.Id))
            .OrderBy(p => p.Id)
            .ToListAsync(ct);
        var byEmail = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in known) byEmail.TryAdd(person.Email!, person);
        var last = await db.Fellows
            .GroupBy(f => new { f.Year, f.Quarter })
            .Select(g => new { g.Key.Year, g.Key.Quarter, Position = g.Max(f => f.Position) })
            .ToDictionaryAsync(q => (q.Year, q.Quarter), q => q.Position, ct);

        foreach (var row in rows)
        {
            if (row.Email is null || !byEmail.TryGetValue(row.Email, out var person))
            {
                person = new Person { Name = row.Name, Email = row.Email, CreatedAt = now };
                db.People.Add(person);
            }
            person.AppendMissingLinks(row.Links.Select(l => (l.Kind, l.Url)));
            var position = last.TryGetValue((row.Year, row.Quarter), out var previous) ? previous + 1 : 0;
            last[(row.Year, row.Quarter)] = position;
            db.Fellows.Add(new Fellow { Person = person, Year = row.Year, Quarter = row.Quarter, Position = position, Status = row.Status });
        }
        return rows.Count;
    }
}
