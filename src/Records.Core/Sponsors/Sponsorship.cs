using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Records.Core.Data;

namespace Records.Core.Sponsors;

public enum SponsorshipStatus { Applied, Approved, Rejected, Finalized }

public enum ContractStatus { Draft, AwaitingSignature, Executed, Nullified }

public class Sponsorship : IVersioned
{
    public int Id { get; set; }
    public int SponsorId { get; set; }
    public Sponsor Sponsor { get; set; } = null!;
    public int ProgramId { get; set; }
    public SponsorProgram Program { get; set; } = null!;
    /// <summary>Null for a sponsorship outside the price list (an event sponsored on its own terms).</summary>
    public int? PackageId { get; set; }
    public SponsorPackage? Package { get; set; }
    public string? Description { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>The agreed fee; null when the source does not state it.</summary>
    public long? FeeMinor { get; set; }
    /// <summary>Donated services, valued at their commercial price.</summary>
    public long? InKindValueMinor { get; set; }
    public required string Currency { get; set; }
    public SponsorshipStatus Status { get; set; }
    public DateTime StatusChangedAt { get; set; }
    public ContractStatus ContractStatus { get; set; }
    public DateTime ContractStatusChangedAt { get; set; }
    public List<Payment> Payments { get; set; } = [];
    public List<SponsorshipEvent> History { get; set; } = [];
    /// <summary>When Staff were emailed that this sponsorship ends soon, so they are emailed once.</summary>
    public DateTime? EndingReminderQueuedAt { get; set; }
    public Guid Version { get; set; }
}

public enum SponsorshipChange { Created, Status, Contract, Period, Fee }

/// <summary>One dated change to a sponsorship: its status, its contract's status, or its terms.</summary>
public class SponsorshipEvent
{
    public int Id { get; set; }
    public int SponsorshipId { get; set; }
    public SponsorshipChange Change { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Note { get; set; }
    public required string By { get; set; }
    public DateTime At { get; set; }
}

public enum PaymentMethod { BankTransfer, Card, Cheque, PayPal, Other }

public class Payment : IVersioned
{
    public int Id { get; set; }
    public int SponsorshipId { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public long AmountMinor { get; set; }
    public required string Currency { get; set; }
    public PaymentMethod Method { get; set; }
    public string? Reference { get; set; }
    public Guid Version { get; set; }
}

public class SponsorshipConfiguration : IEntityTypeConfiguration<Sponsorship>
{
    public void Configure(EntityTypeBuilder<Sponsorship> b)
    {
        b.Property(s => s.Currency).HasMaxLength(3);
        b.Property(s => s.Description).HasMaxLength(1000);
        b.HasOne(s => s.Sponsor).WithMany().HasForeignKey(s => s.SponsorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Program).WithMany().HasForeignKey(s => s.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Package).WithMany().HasForeignKey(s => s.PackageId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Payments).WithOne().HasForeignKey(p => p.SponsorshipId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.History).WithOne().HasForeignKey(e => e.SponsorshipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.SponsorId);
        b.HasIndex(s => s.PackageId);
        b.HasIndex(s => s.EndsOn);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Sponsorship_Period", $"{Sql.Quote(nameof(Sponsorship.EndsOn))} >= {Sql.Quote(nameof(Sponsorship.StartsOn))}");
            t.HasCheckConstraint("CK_Sponsorship_Fee", $"{Sql.IsNull(nameof(Sponsorship.FeeMinor))} OR {Sql.Quote(nameof(Sponsorship.FeeMinor))} >= 0");
        });
    }
}

public class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.Reference).HasMaxLength(200);
        b.HasIndex(p => p.ReceivedOn);
        b.ToTable(t => t.HasCheckConstraint("CK_Payment_Amount", $"{Sql.Quote(nameof(Payment.AmountMinor))} > 0"));
    }
}

public class SponsorshipEventConfiguration : IEntityTypeConfiguration<SponsorshipEvent>
{
    public void Configure(EntityTypeBuilder<SponsorshipEvent> b)
    {
        b.Property(e => e.From).HasMaxLength(100);
        b.Property(e => e.To).HasMaxLength(100);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.Property(e => e.By).HasMaxLength(256);
        b.HasIndex(e => new { e.SponsorshipId, e.At });
    }
}
