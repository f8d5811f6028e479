using System.Security.Claims;
using Records.Core.Accounts;
using Records.Core.Audit;
using Records.Core.Mail;

namespace Records.Web.Infrastructure;

/// <summary>
/// Nominations, votes, recusals and their discussion are the Work Group's; award proposals are the Board's and
/// Staff's. Someone without those roles (an Admin alone) sees that such a record changed, not what it says.
/// </summary>
public static class AuditVisibility
{
    public static bool MayRead(this ClaimsPrincipal user, string entityType) => entityType switch
    {
        "Nomination" or "Vote" or "Recusal" or "NominationComment" => user.IsInRole(Roles.WorkGroup),
        "ServiceAward" or "ServiceAwardEvent" => user.ReadsAwards(),
        _ => true,
    };

    public static bool MayRead(this ClaimsPrincipal user, MailAudience? audience) => audience switch
    {
        MailAudience.WorkGroup => user.IsInRole(Roles.WorkGroup),
        MailAudience.Awards => user.ReadsAwards(),
        _ => true,
    };

    /// <summary>Whom a message the reader may not read is for, said without naming anyone.</summary>
    public static string Withheld(MailAudience? audience) => audience == MailAudience.Awards
        ? "Award proposal mail (confidential)"
        : "Work Group mail (confidential)";

    private static bool ReadsAwards(this ClaimsPrincipal user) => user.IsInRole(Roles.Board) || user.IsInRole(Roles.Staff);

    public static string RecordName(this ClaimsPrincipal user, string entityType, string entityId, string? summary) =>
        user.MayRead(entityType) ? summary ?? $"{entityType} #{entityId}" : $"{entityType} #{entityId} (confidential)";

    public static string RecordName(this ClaimsPrincipal user, AuditEntry entry) =>
        user.RecordName(entry.EntityType, entry.EntityId, entry.Summary);
}
