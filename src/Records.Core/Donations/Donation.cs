using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Records.Core.Data;
using Records.Core.People;
using Records.Core.Sponsors;

namespace Records.Core.Donations;

public enum DonationChannel { Card, PayPal, Cheque, BankTransfer, GitHubSponsors, ConvertedRegistration }

/// <summary>A gift. The donor is a person, an organisation (a <see cref="Sponsor"/> record) or nobody named.</summary>
public class Donation : IVersioned
{
    public int Id { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public int? OrganisationId { get; set; }
    public Sponsor? Organisation { get; set; }
    public bool IsAnonymous { get; set; }
    public long AmountMinor { get; set; }
    public required string Currency { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DonationChannel Channel { get; set; }
    public int? CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public long FeeMinor { get; set; }
    public string? TransactionId { get; set; }
    public bool IsRecurring { get; set; }
    /// <summary>The value of what the donor received in return (a ticket), stated on the acknowledgement.</summary>
    public long QuidProQuoMinor { get; set; }
    public DateOnly? AcknowledgedOn { get; set; }
    public string? Notes { get; set; }
    /// <summary>The processor file the gift came in with; null when it was entered by hand.</summary>
    public int? ImportId { get; set; }
    /// <summary>The one-time key of the form a gift was entered with, so the same form posted again never adds it twice.</summary>
    public Guid? SubmissionKey { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A processor's CSV export committed to the ledger.</summary>
public class DonationImport
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    /// <summary>Generic, Stripe or PayPal.</summary>
    public required string Layout { get; set; }
    /// <summary>SHA-256 of the file, hex: the same file imported twice is recognised.</summary>
    public required string Sha256 { get; set; }
    public int RowsRead { get; set; }
    public int Added { get; set; }
    public int Duplicates { get; set; }
    public int BadRows { get; set; }
    public int DonorsCreated { get; set; }
    public required string By { get; set; }
    public DateTime At { get; set; }
}

public class Campaign : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public long? GoalMinor { get; set; }
    public required string Currency { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public Guid Version { get; set; }
}

public class DonationConfiguration : IEntityTypeConfiguration<Donation>
{
    public void Configure(EntityTypeBuilder<Donation> b)
    {
        b.Property(d => d.Currency).HasMaxLength(3);
        b.Property(d => d.TransactionId).HasMaxLength(200);
        b.Property(d => d.Notes).HasMaxLength(4000);
        b.HasOne(d => d.Person).WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Organisation).WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Campaign).WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.Channel, d.TransactionId }).IsUnique().HasFilter(Sql.IsNotNull(nameof(Donation.TransactionId)));
        // Covers the sums by period and currency, so totals read the index instead of a million rows.
        b.HasIndex(d => new { d.ReceivedOn, d.Currency, d.AmountMinor });
        b.HasIndex(d => new { d.Currency, d.AmountMinor }, "IX_Donations_Unacknowledged").HasFilter(Sql.IsNull(nameof(Donation.AcknowledgedOn)));
        b.HasIndex(d => new { d.PersonId, d.ReceivedOn });
        // The financial report's figures for a period (by channel, campaign and donor) read this index alone,
        // without a table lookup for each of a year's hundred thousand gifts.
        b.HasIndex(d => new { d.ReceivedOn, d.Currency, d.Channel, d.CampaignId, d.PersonId, d.OrganisationId, d.AmountMinor }, "IX_Donations_Report");
        b.HasIndex(d => new { d.CampaignId, d.ReceivedOn });
        b.HasIndex(d => d.SubmissionKey).IsUnique().HasFilter(Sql.IsNotNull(nameof(Donation.SubmissionKey)));
        b.HasOne<DonationImport>().WithMany().HasForeignKey(d => d.ImportId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Donation_Amount", $"{Sql.Quote(nameof(Donation.AmountMinor))} > 0");
            t.HasCheckConstraint("CK_Donation_Fee", $"{Sql.Quote(nameof(Donation.FeeMinor))} >= 0 AND {Sql.Quote(nameof(Donation.QuidProQuoMinor))} >= 0");
        });
    }
}

public class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Description).HasMaxLength(4000);
        b.Property(c => c.Currency).HasMaxLength(3);
        b.HasIndex(c => c.Name).IsUnique();
    }
}

public class DonationImportConfiguration : IEntityTypeConfiguration<DonationImport>
{
    public void Configure(EntityTypeBuilder<DonationImport> b)
    {
        b.Property(i => i.FileName).HasMaxLength(260);
        b.Property(i => i.Layout).HasMaxLength(32);
        b.Property(i => i.Sha256).HasMaxLength(64);
        b.Property(i => i.By).HasMaxLength(256);
        b.HasIndex(i => i.At);
    }
}
