using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Records.Core.Data;

namespace Records.Core.Sponsors;

/// <summary>A sponsorship program such as the Foundation's, PyCon US or PyPI/Packaging.</summary>
public class SponsorProgram : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public List<SponsorPackage> Packages { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>A yearly package (tier) of a program, with its price and benefits.</summary>
public class SponsorPackage : IVersioned
{
    public int Id { get; set; }
    public int ProgramId { get; set; }
    public SponsorProgram Program { get; set; } = null!;
    public required string Name { get; set; }
    public int Year { get; set; }
    public long PriceMinor { get; set; }
    public required string Currency { get; set; }
    public string? Benefits { get; set; }
    /// <summary>How many sponsors the package can take; null is unlimited.</summary>
    public int? Capacity { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>Lower ranks first: the tier order in lists and posts.</summary>
    public int Rank { get; set; }
    public bool InKindAccepted { get; set; }
    /// <summary>Months the benefits last after payment, when the program says so.</summary>
    public int? BenefitMonths { get; set; }
    public Guid Version { get; set; }
}

public class SponsorProgramConfiguration : IEntityTypeConfiguration<SponsorProgram>
{
    public void Configure(EntityTypeBuilder<SponsorProgram> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(4000);
        b.HasIndex(p => p.Name).IsUnique();
        b.HasMany(p => p.Packages).WithOne(k => k.Program).HasForeignKey(k => k.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class SponsorPackageConfiguration : IEntityTypeConfiguration<SponsorPackage>
{
    public void Configure(EntityTypeBuilder<SponsorPackage> b)
    {
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.Benefits).HasMaxLength(8000);
        b.HasIndex(p => new { p.ProgramId, p.Year, p.Name }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_SponsorPackage_Price", $"{Sql.Quote(nameof(SponsorPackage.PriceMinor))} >= 0"));
    }
}
