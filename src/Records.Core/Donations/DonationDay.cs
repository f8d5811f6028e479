using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Records.Core.Donations;

/// <summary>
/// The gifts of one day, currency, channel and campaign, summed: totals over whole days read these instead of every
/// gift. Kept in the same transaction as every change to donations (see <see cref="DonationDays"/>).
/// </summary>
public class DonationDay
{
    /// <summary>The gifts' received date as stored.</summary>
    public DateOnly Day { get; set; }
    public required string Currency { get; set; }
    public DonationChannel Channel { get; set; }
    /// <summary>The campaign, or 0 for gifts in none: a key column stays non-null on every engine's unique index.</summary>
    public int CampaignId { get; set; }
    public int Gifts { get; set; }
    public long AmountMinor { get; set; }
    public long FeeMinor { get; set; }
}

public class DonationDayConfiguration : IEntityTypeConfiguration<DonationDay>
{
    public void Configure(EntityTypeBuilder<DonationDay> b)
    {
        b.HasKey(d => new { d.Day, d.Currency, d.Channel, d.CampaignId });
        b.Property(d => d.Currency).HasMaxLength(3);
        b.HasIndex(d => d.CampaignId);
    }
}
