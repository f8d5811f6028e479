using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Records.Core.Audit;

/// <summary>Who changed which record, when, and what changed (JSON: property → [old, new]).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    /// <summary>The record in words, as it was when the entry was written ("Nomination of Ada Lovelace, Q1 2027").</summary>
    public string? Summary { get; set; }
    public required string Changes { get; set; }
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(16);
        b.Property(a => a.Summary).HasMaxLength(300);
        b.HasIndex(a => a.UserName);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.At);
    }
}
