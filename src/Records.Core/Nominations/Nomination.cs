using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Records.Core.Data;
using Records.Core.People;

namespace Records.Core.Nominations;

public enum NominationStatus { UnderReview, Accepted, NotAccepted, Expired, Withdrawn }

public class Nomination : IVersioned
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public Round Round { get; set; } = null!;
    /// <summary>The round the nomination first joined; it stays active for four quarters from there.</summary>
    public int FirstRoundId { get; set; }
    public int NomineeId { get; set; }
    public Person Nominee { get; set; } = null!;
    public required string NominatorName { get; set; }
    public required string NominatorEmail { get; set; }
    public required string Statement { get; set; }
    public DateTime ReceivedAt { get; set; }
    public NominationStatus Status { get; set; }
    /// <summary>An earlier nomination of the same person: a second nomination is linked, never dropped.</summary>
    public int? LinkedToId { get; set; }
    public Nomination? LinkedTo { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>The key the public form carries, so a double submit makes one nomination; null for records entered otherwise.</summary>
    public string? SubmissionKey { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A Work Group member's remark in a nomination's discussion thread.</summary>
public class NominationComment
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public required string Body { get; set; }
    public DateTime At { get; set; }
}

public enum VoteChoice { Yes, No, Abstain }

public class Vote : IVersioned
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public Nomination Nomination { get; set; } = null!;
    public required string MemberId { get; set; }
    public VoteChoice Choice { get; set; }
    public string? Comment { get; set; }
    public DateTime CastAt { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A Work Group member's declared conflict of interest: they neither vote on nor see the tally of the nomination.</summary>
public class Recusal
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public Nomination Nomination { get; set; } = null!;
    public required string MemberId { get; set; }
    public string? Reason { get; set; }
    public DateTime At { get; set; }
}

public class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> b)
    {
        b.Property(n => n.NominatorName).HasMaxLength(200);
        b.Property(n => n.NominatorEmail).HasMaxLength(320);
        b.Property(n => n.Statement).HasMaxLength(20000);
        b.HasOne(n => n.Round).WithMany().HasForeignKey(n => n.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Round>().WithMany().HasForeignKey(n => n.FirstRoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(n => n.Nominee).WithMany().HasForeignKey(n => n.NomineeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(n => n.LinkedTo).WithMany().HasForeignKey(n => n.LinkedToId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => new { n.RoundId, n.Status });
        b.HasIndex(n => n.NomineeId);
        b.Property(n => n.SubmissionKey).HasMaxLength(64);
        b.HasIndex(n => n.SubmissionKey).IsUnique().HasFilter(Sql.IsNotNull(nameof(Nomination.SubmissionKey)));
    }
}

public class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> b)
    {
        b.Property(v => v.MemberId).HasMaxLength(64);
        b.Property(v => v.Comment).HasMaxLength(4000);
        b.HasOne(v => v.Nomination).WithMany().HasForeignKey(v => v.NominationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.NominationId, v.MemberId }).IsUnique();
        b.HasIndex(v => v.MemberId);
    }
}

public class RecusalConfiguration : IEntityTypeConfiguration<Recusal>
{
    public void Configure(EntityTypeBuilder<Recusal> b)
    {
        b.Property(r => r.MemberId).HasMaxLength(64);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.HasOne(r => r.Nomination).WithMany().HasForeignKey(r => r.NominationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.NominationId, r.MemberId }).IsUnique();
    }
}

public class NominationCommentConfiguration : IEntityTypeConfiguration<NominationComment>
{
    public void Configure(EntityTypeBuilder<NominationComment> b)
    {
        b.Property(c => c.AuthorId).HasMaxLength(64);
        b.Property(c => c.AuthorName).HasMaxLength(200);
        b.Property(c => c.Body).HasMaxLength(4000);
        b.HasOne<Nomination>().WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.NominationId, c.At });
    }
}
