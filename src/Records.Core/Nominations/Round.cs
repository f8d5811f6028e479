using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Records.Core.Calendar;
using Records.Core.Data;

namespace Records.Core.Nominations;

public enum RoundStatus { Upcoming, Open, Closed }

/// <summary>A quarter of Fellow nominations: received until the cut-off, reviewed until the end of review.</summary>
public class Round : IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public DateOnly CutOff { get; set; }
    public DateOnly ReviewEnds { get; set; }
    public RoundStatus Status { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>When the last reminder to members who had not voted went out, so the automatic one is sent once.</summary>
    public DateTime? ReminderSentAt { get; set; }
    public Guid Version { get; set; }

    public YearQuarter YearQuarter => new(Year, Quarter);

    public string Name => YearQuarter.Name;
}

public class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> b)
    {
        b.HasIndex(r => new { r.Year, r.Quarter }).IsUnique();
        b.Ignore(r => r.Name);
        b.Ignore(r => r.YearQuarter);
        b.ToTable(t => t.HasCheckConstraint("CK_Round_Quarter", $"{Sql.Quote(nameof(Round.Quarter))} BETWEEN 1 AND 4"));
    }
}
