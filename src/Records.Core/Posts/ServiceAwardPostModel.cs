using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.ServiceAwards;

namespace Records.Core.Posts;

/// <summary>
/// What a Community Service Award post is written from: the Board's resolution, which is public once adopted. The
/// proposal's reasons are confidential, so they are not a field: no template can print them.
/// </summary>
public sealed record ServiceAwardPostModel(
    string Foundation, string FoundationShort, string Recipient, string AwardQuarter, int Year, int Quarter, string Resolution, string Reason, string DecidedOn)
{
    public static readonly IReadOnlyList<string> Fields =
        ["foundation", "foundation_short", "recipient", "award_quarter", "year", "quarter", "resolution", "reason (the resolution's words after the name)", "decided_on"];

    public static string Title(string recipient, int year, int quarter) => $"{recipient}, {new YearQuarter(year, quarter).YearFirstName} CSA Recipient";

    /// <summary>Null unless the award exists and the Board approved it: a proposal is confidential.</summary>
    public static async Task<ServiceAwardPostModel?> LoadAsync(RecordsDbContext db, int awardId, PostSettings settings, CancellationToken ct = default)
    {
        var award = await db.ServiceAwards.AsNoTracking().Where(a => a.Id == awardId && a.Status == ServiceAwardStatus.Approved)
            .Select(a => new { a.RecipientName, a.Year, a.Quarter, a.Resolution, a.DecidedOn }).FirstOrDefaultAsync(ct);
        if (award is null) return null;
        var resolution = award.Resolution ?? "";
        return new ServiceAwardPostModel(settings.Foundation, settings.FoundationShort, PostText.Clean(award.RecipientName), new YearQuarter(award.Year, award.Quarter).YearFirstName,
            award.Year, award.Quarter, PostText.Clean(resolution), PostText.Clean(ServiceAwards.Resolution.Reason(resolution, award.RecipientName)),
            award.DecidedOn?.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "");
    }
}
