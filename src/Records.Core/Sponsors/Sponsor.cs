using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Records.Core.Data;

namespace Records.Core.Sponsors;

public class Sponsor : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Website { get; set; }
    public string? PrimaryContactName { get; set; }
    public string? PrimaryContactEmail { get; set; }
    public string? AccountingContactName { get; set; }
    public string? AccountingContactEmail { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; }
}

public class SponsorConfiguration : IEntityTypeConfiguration<Sponsor>
{
    public void Configure(EntityTypeBuilder<Sponsor> b)
    {
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Website).HasMaxLength(500);
        b.Property(s => s.PrimaryContactName).HasMaxLength(200);
        b.Property(s => s.PrimaryContactEmail).HasMaxLength(320);
        b.Property(s => s.AccountingContactName).HasMaxLength(200);
        b.Property(s => s.AccountingContactEmail).HasMaxLength(320);
        b.Property(s => s.Notes).HasMaxLength(8000);
        b.HasIndex(s => s.Name);
    }
}
