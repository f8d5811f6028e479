using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.People;

namespace Records.Core.Donations.Import;

/// <summary>
/// Finds each row's donor: the person with the row's GitHub link (a public GitHub sponsor) or email (compared without
/// case), or a new person made from the row's name, email and GitHub link, made once however many rows carry that
/// email or handle. A row with none of them is an anonymous gift.
/// </summary>
internal sealed class ImportDonors
{
    private readonly Dictionary<string, int> byEmail;
    private readonly Dictionary<string, int> byGitHub;
    private readonly Dictionary<string, int> createdByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> createdByGitHub = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> matched = [];

    private ImportDonors(Dictionary<string, int> byEmail, Dictionary<string, int> byGitHub) => (this.byEmail, this.byGitHub) = (byEmail, byGitHub);

    public int Matched => matched.Count;
    public int Created { get; private set; }

    public static async Task<ImportDonors> LoadAsync(RecordsDbContext db, CancellationToken ct)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var people = db.People.AsNoTracking().Where(p => p.Email != null).OrderBy(p => p.Id).Select(p => new { p.Id, p.Email }).AsAsyncEnumerable();
        await foreach (var person in people.WithCancellation(ct)) map.TryAdd(person.Email!.Trim(), person.Id);
        var github = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var links = db.Set<PersonLink>().AsNoTracking().Where(l => l.Kind == LinkKind.GitHub && l.Url != null).OrderBy(l => l.PersonId)
            .Select(l => new { l.PersonId, l.Url }).AsAsyncEnumerable();
        await foreach (var link in links.WithCancellation(ct))
        {
            if (Handle(link.Url!) is { } handle) github.TryAdd(handle, link.PersonId);
        }
        return new ImportDonors(map, github);
    }

    /// <summary>"octocat" from https://github.com/octocat, github.com/octocat/ or @octocat.</summary>
    private static string? Handle(string url)
    {
        var trimmed = url.Trim().TrimEnd('/');
        var at = trimmed.LastIndexOf("github.com/", StringComparison.OrdinalIgnoreCase);
        var handle = at >= 0 ? trimmed[(at + "github.com/".Length)..] : trimmed.StartsWith('@') ? trimmed[1..] : null;
        return handle is { Length: > 0 } && !handle.Contains('/') ? handle : null;
    }

    /// <summary>The donor's id; <paramref name="create"/> makes a new person (a dry run passes one that makes nobody).</summary>
    public async Task<int?> FindAsync(ImportRow row, Func<ImportRow, Task<int>> create)
    {
        if (row.GitHub is { } handle)
        {
            if (byGitHub.TryGetValue(handle, out var linked) || row.Email is { } known && byEmail.TryGetValue(known, out linked))
            {
                matched.Add(linked);
                return linked;
            }
            if (createdByGitHub.TryGetValue(handle, out var made)) return made;
            Created++;
            var id = await create(row);
            if (row.Email is { } address) createdByEmail.TryAdd(address, id);
            return createdByGitHub[handle] = id;
        }
        if (row.Email is { } email)
        {
            if (byEmail.TryGetValue(email, out var id))
            {
                matched.Add(id);
                return id;
            }
            if (createdByEmail.TryGetValue(email, out var made)) return made;
            Created++;
            return createdByEmail[email] = await create(row);
        }
        if (row.Name is null) return null;
        Created++;
        return await create(row);
    }
}
