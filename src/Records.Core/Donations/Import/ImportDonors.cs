using Microsoft.EntityFrameworkCore;
using Records.Core.Data;

namespace Records.Core.Donations.Import;

/// <summary>
/// Finds each row's donor: the person with the row's email (compared without case), or a new person made from the
/// row's name and email, made once however many rows carry that email. A row with neither is an anonymous gift.
/// </summary>
internal sealed class ImportDonors
{
    private readonly Dictionary<string, int> byEmail;
    private readonly Dictionary<string, int> createdByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> matched = [];

    private ImportDonors(Dictionary<string, int> byEmail) => this.byEmail = byEmail;

    public int Matched => matched.Count;
    public int Created { get; private set; }

    public static async Task<ImportDonors> LoadAsync(RecordsDbContext db, CancellationToken ct)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var people = db.People.AsNoTracking().Where(p => p.Email != null).OrderBy(p => p.Id).Select(p => new { p.Id, p.Email }).AsAsyncEnumerable();
        await foreach (var person in people.WithCancellation(ct)) map.TryAdd(person.Email!.Trim(), person.Id);
        return new ImportDonors(map);
    }

    /// <summary>The donor's id; <paramref name="create"/> makes a new person (a dry run passes one that makes nobody).</summary>
    public async Task<int?> FindAsync(ImportRow row, Func<ImportRow, Task<int>> create)
    {
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
