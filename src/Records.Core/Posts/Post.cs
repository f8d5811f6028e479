using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Records.Core.Calendar;
using Records.Core.Data;

namespace Records.Core.Posts;

public enum PostKind { Fellows, ServiceAward, Thanks }

public enum PostStatus { Draft, Published }

/// <summary>An announcement generated from the records; once published it is never regenerated.</summary>
public class Post : IVersioned
{
    public int Id { get; set; }
    public PostKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Markdown { get; set; }
    public PostStatus Status { get; set; }
    public int? Year { get; set; }
    public int? Quarter { get; set; }
    /// <summary>The quarter a Fellows post announces.</summary>
    public YearQuarter? YearQuarter => Year is { } year && Quarter is { } quarter ? new(year, quarter) : null;
    public int? ServiceAwardId { get; set; }
    public int? CampaignId { get; set; }
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    /// <summary>The Fellows post's summary of contributions, written for each post.</summary>
    public string? Summary { get; set; }
    /// <summary>A Fellows post's own order of the quarter's Fellows (their ids, comma-separated); null for alphabetical.</summary>
    public string? FellowOrder { get; set; }
    /// <summary>Whether a thank-you post states the amounts raised.</summary>
    public bool ShowTotals { get; set; }
    /// <summary>Whether a thank-you post names the individual donors (anonymous donors are never named).</summary>
    public bool NameDonors { get; set; }
    public string? PublishedUrl { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }
}

public class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.Markdown).HasMaxLength(100000);
        b.Property(p => p.PublishedUrl).HasMaxLength(500);
        b.Property(p => p.Summary).HasMaxLength(4000);
        b.Property(p => p.FellowOrder).HasMaxLength(4000);
        b.HasOne<ServiceAwards.ServiceAward>().WithMany().HasForeignKey(p => p.ServiceAwardId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Donations.Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => new { p.Kind, p.Status });
        b.Ignore(p => p.YearQuarter);
    }
}

/// <summary>Staff's own wording for one kind of post; without one the default in <see cref="PostTemplates"/> is used.</summary>
public class PostTemplate : IVersioned
{
    public int Id { get; set; }
    public PostKind Kind { get; set; }
    public required string Body { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }
}

public class PostTemplateConfiguration : IEntityTypeConfiguration<PostTemplate>
{
    public void Configure(EntityTypeBuilder<PostTemplate> b)
    {
        b.Property(t => t.Body).HasMaxLength(50000);
        b.Property(t => t.UpdatedBy).HasMaxLength(256);
        b.HasIndex(t => t.Kind).IsUnique();
    }
}
