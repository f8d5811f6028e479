using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.ServiceAwards;

namespace Records.Core.Posts;

/// <summary>What a Community Service Award post is written from: the Board's resolution and the reasons given.</summary>
public sealed record ServiceAwardPostModel(
    string Foundation, string FoundationShort, string Recipient, string AwardQuarter, int Year, int Quarter, string Resolution, string Reasons, string DecidedOn)
{
    public static readonly IReadOnlyList<string> Fields =
        ["foundation", "foundation_short", "recipient", "award_quarter", "year", "quarter", "resolution", "reasons", "decided_on"];

    public static string Title(string recipient, int year, int quarter) => $"{recipient}, {year} Q{quarter} CSA Recipient";

    /// <summary>Null unless the award exists and the Board approved it: a proposal is confidential.</summary>
    public static async Task<ServiceAwardPostModel?> LoadAsync(RecordsDbContext db, int awardId, PostSettings settings, CancellationToken ct = default)
    {
        var award = await db.ServiceAwards.AsNoTracking().Where(a => a.Id == awardId && a.Status == ServiceAwardStatus.Approved)
            .Select(a => new { a.RecipientName, a.Year, a.Quarter, a.Resolution, a.Reasons, a.DecidedOn }).FirstOrDefaultAsync(ct);
        if (award is null) return null;
        return new ServiceAwardPostModel(settings.Foundation, settings.FoundationShort, PostText.Clean(award.RecipientName), $"{award.Year} Q{award.Quarter}",
            award.Year, award.Quarter, PostText.Clean(award.Resolution), PostText.Clean(award.Reasons),
            award.DecidedOn?.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "");
    }
}
