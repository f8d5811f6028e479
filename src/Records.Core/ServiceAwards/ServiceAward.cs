using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.People;

namespace Records.Core.ServiceAwards;

public enum ServiceAwardStatus { Proposed, HeldOver, Approved, Declined }

/// <summary>A Community Service Award, from confidential proposal to the Board's resolution and payment.</summary>
public class ServiceAward : IVersioned
{
    public int Id { get; set; }
    /// <summary>Set when the recipient is a person in Records; a group has only <see cref="RecipientName"/>.</summary>
    public int? RecipientPersonId { get; set; }
    public Person? RecipientPerson { get; set; }
    public required string RecipientName { get; set; }
    public bool RecipientIsGroup { get; set; }
    public string? ProposerName { get; set; }
    public string? ProposerEmail { get; set; }
    public required string Reasons { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public YearQuarter YearQuarter => new(Year, Quarter);
    public ServiceAwardStatus Status { get; set; }
    public string? Resolution { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public DateTime ProposedAt { get; set; }
    public long? AmountMinor { get; set; }
    public string? Currency { get; set; }
    public bool? PyConRegistration { get; set; }
    public DateOnly? PaidOn { get; set; }
    /// <summary>Who entered the proposal: a signed-in user's name, or null for the public form.</summary>
    public string? EnteredBy { get; set; }
    /// <summary>The proposal form's one-time key: a form posted twice finds the proposal the first post saved.</summary>
    public string? SubmissionKey { get; set; }
    public List<ServiceAwardEvent> History { get; set; } = [];
    public Guid Version { get; set; }
}

public enum ServiceAwardAction { Proposed, Approved, HeldOver, Declined, Reopened, Paid }

/// <summary>One step in a proposal's life, kept for good: who did what, when, and for which quarter.</summary>
public class ServiceAwardEvent
{
    public int Id { get; set; }
    public int ServiceAwardId { get; set; }
    public ServiceAwardAction Action { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public YearQuarter YearQuarter => new(Year, Quarter);
    public string? Note { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public required string By { get; set; }
    public DateTime At { get; set; }
}

public class ServiceAwardConfiguration : IEntityTypeConfiguration<ServiceAward>
{
    public void Configure(EntityTypeBuilder<ServiceAward> b)
    {
        b.Property(a => a.RecipientName).HasMaxLength(200);
        b.Property(a => a.ProposerName).HasMaxLength(200);
        b.Property(a => a.ProposerEmail).HasMaxLength(320);
        b.Property(a => a.SubmissionKey).HasMaxLength(64);
        b.HasIndex(a => a.SubmissionKey).IsUnique().HasFilter(Sql.IsNotNull(nameof(ServiceAward.SubmissionKey)));
        b.Property(a => a.Reasons).HasMaxLength(20000);
        b.Property(a => a.Resolution).HasMaxLength(4000);
        b.Property(a => a.Currency).HasMaxLength(3);
        b.HasOne(a => a.RecipientPerson).WithMany().HasForeignKey(a => a.RecipientPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.Status, a.Year, a.Quarter });
        b.Ignore(a => a.YearQuarter);
        b.Property(a => a.EnteredBy).HasMaxLength(256);
        b.HasMany(a => a.History).WithOne().HasForeignKey(e => e.ServiceAwardId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_ServiceAward_Quarter", $"{Sql.Quote(nameof(ServiceAward.Quarter))} BETWEEN 1 AND 4"));
    }
}

public class ServiceAwardEventConfiguration : IEntityTypeConfiguration<ServiceAwardEvent>
{
    public void Configure(EntityTypeBuilder<ServiceAwardEvent> b)
    {
        b.Property(e => e.Note).HasMaxLength(4000);
        b.Property(e => e.By).HasMaxLength(256);
        b.HasIndex(e => new { e.ServiceAwardId, e.At });
        b.Ignore(e => e.YearQuarter);
    }
}
