using Microsoft.EntityFrameworkCore;
using Records.Core.Data;

namespace Records.Core.Nominations;

/// <summary>Why a member cannot vote on a nomination now.</summary>
public enum VoteRefusal { Decided, RoundClosed, RoundNotOpen, Recused }

/// <summary>
/// A Work Group member's vote and recusal on a nomination. Votes are cast and changed only while the nomination is under
/// review in an open round; recusing withdraws the member's vote; recusals are made and withdrawn until the nomination
/// is decided. Nothing is saved here: the caller saves, and repeats on a clash with the member's other request.
/// </summary>
public static class Voting
{
    /// <summary>Why the member cannot cast or change a vote, or null when they can.</summary>
    public static VoteRefusal? RefuseVote(NominationStatus status, RoundStatus roundStatus, bool recused) =>
        status != NominationStatus.UnderReview ? VoteRefusal.Decided
        : roundStatus switch
        {
            RoundStatus.Closed => VoteRefusal.RoundClosed,
            RoundStatus.Upcoming => VoteRefusal.RoundNotOpen,
            _ when recused => VoteRefusal.Recused,
            _ => null,
        };

    /// <summary>A decided nomination keeps its recusals as they are.</summary>
    public static bool RecusalsFixed(NominationStatus status) => status != NominationStatus.UnderReview;

    /// <summary>Records the member's vote, replacing theirs if they had one (a form older than their vote simply replaces it). True when it replaced one.</summary>
    public static async Task<bool> CastAsync(RecordsDbContext db, int nominationId, string memberId, VoteChoice choice, string? comment, DateTime now, CancellationToken ct = default)
    {
        var vote = await db.Votes.FirstOrDefaultAsync(v => v.NominationId == nominationId && v.MemberId == memberId, ct);
        var changed = vote is not null;
        if (vote is null) db.Votes.Add(vote = new Vote { NominationId = nominationId, MemberId = memberId });
        vote.Choice = choice;
        vote.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        vote.CastAt = now;
        return changed;
    }

    /// <summary>Recuses the member, withdrawing their vote if they had cast one; a member recused already stays as they were.</summary>
    public static async Task RecuseAsync(RecordsDbContext db, int nominationId, string memberId, string? reason, DateTime now, CancellationToken ct = default)
    {
        if (await db.Recusals.AnyAsync(r => r.NominationId == nominationId && r.MemberId == memberId, ct)) return;
        db.Votes.RemoveRange(await db.Votes.Where(v => v.NominationId == nominationId && v.MemberId == memberId).ToListAsync(ct));
        db.Recusals.Add(new Recusal { NominationId = nominationId, MemberId = memberId, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), At = now });
    }

    /// <summary>Withdraws the member's recusal, so they can vote again. False when they were not recused.</summary>
    public static async Task<bool> WithdrawRecusalAsync(RecordsDbContext db, int nominationId, string memberId, CancellationToken ct = default)
    {
        var removed = await db.Recusals.Where(r => r.NominationId == nominationId && r.MemberId == memberId).ToListAsync(ct);
        db.Recusals.RemoveRange(removed);
        return removed.Count > 0;
    }
}
