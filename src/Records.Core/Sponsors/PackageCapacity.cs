using Microsoft.EntityFrameworkCore;
using Records.Core.Data;

namespace Records.Core.Sponsors;

/// <summary>
/// A package with a capacity of N takes at most N sponsorships that are not Rejected (a rejected application frees
/// its place). The count is made in SQL.
/// </summary>
public static class PackageCapacity
{
    public static bool HasRoom(int? capacity, int taken) => capacity is not { } n || taken < n;

    /// <summary>Sponsorships holding a place in the package, leaving out the one being edited.</summary>
    public static Task<int> TakenAsync(IQueryable<Sponsorship> sponsorships, int packageId, int? except, CancellationToken ct = default) =>
        sponsorships.CountAsync(s => s.PackageId == packageId && s.Status != SponsorshipStatus.Rejected && s.Id != (except ?? 0), ct);

    /// <summary>Why the package cannot take one more sponsorship, or null when it can.</summary>
    public static async Task<string?> RefuseAsync(IQueryable<Sponsorship> sponsorships, SponsorPackage package, int? except, CancellationToken ct = default)
    {
        if (package.Capacity is not { } capacity) return null;
        var taken = await TakenAsync(sponsorships, package.Id, except, ct);
        return HasRoom(capacity, taken) ? null
            : $"The {package.Name} {package.Year} package is full: it takes {capacity} sponsor{(capacity == 1 ? "" : "s")} and has {taken}.";
    }

    /// <summary>
    /// Saves the context's changes when the package still has a place for the sponsorship, or says why not and saves
    /// nothing. One writer at a time takes a place in the package (a serial write), so two people after the last place
    /// are counted one after the other.
    /// </summary>
    public static async Task<string?> SaveTakingPlaceAsync(RecordsDbContext db, SponsorPackage package, int? except, CancellationToken ct = default)
    {
        if (package.Capacity is null)
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        await using var transaction = await DatabaseProvider.For(db).BeginSerialWriteAsync(db, $"package {package.Id}", ct);
        if (await RefuseAsync(db.Sponsorships, package, except, ct) is { } full) return full;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
