using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Data;

namespace Records.Core.Fellows;

/// <summary>The people already on the Fellow roster, to tell an import which rows it would add twice.</summary>
public sealed class ExistingRoster
{
    public sealed record Member(string Name, string? Email, int Year, int Quarter)
    {
        public YearQuarter YearQuarter => new(Year, Quarter);
    }

    private readonly SamePerson<Member> members = new();

    public ExistingRoster(IEnumerable<Member> roster)
    {
        foreach (var member in roster) members.Add(member.Name, member.Email, member);
    }

    public static readonly ExistingRoster Empty = new([]);

    public Member? Find(string name, string? email) => members.TryFind(name, email, out var member) ? member : null;

    public static async Task<ExistingRoster> LoadAsync(RecordsDbContext db, CancellationToken ct = default) =>
        new(await db.Fellows.AsNoTracking()
            .Select(f => new Member(f.Person.Name, f.Person.Email, f.Year, f.Quarter))
            .ToListAsync(ct));
}
