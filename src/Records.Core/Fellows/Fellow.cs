using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Core.People;

namespace Records.Core.Fellows;

public enum FellowStatus { Active, Emeritus, Deceased }

public class Fellow : IVersioned
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public int Year { get; set; }
    public int Quarter { get; set; }
    /// <summary>Order within the quarter's announcement.</summary>
    public int Position { get; set; }
    public FellowStatus Status { get; set; }
    public int? NominationId { get; set; }
    public Nomination? Nomination { get; set; }
    public Guid Version { get; set; }

    /// <summary>The quarter the Fellow was inducted in.</summary>
    public YearQuarter YearQuarter => new(Year, Quarter);
}

public class FellowConfiguration : IEntityTypeConfiguration<Fellow>
{
    public void Configure(EntityTypeBuilder<Fellow> b)
    {
        b.HasOne(f => f.Person).WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => f.PersonId).IsUnique();
        b.HasOne(f => f.Nomination).WithMany().HasForeignKey(f => f.NominationId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(f => new { f.Year, f.Quarter, f.Position });
        b.Ignore(f => f.YearQuarter);
        b.ToTable(t => t.HasCheckConstraint("CK_Fellow_Quarter", $"{Sql.Quote(nameof(Fellow.Quarter))} BETWEEN 1 AND 4"));
    }
}
