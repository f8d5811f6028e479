using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Records.Core.Mail;

public enum OutboxStatus { Pending, Sent }

/// <summary>
/// Mail about nominations is the Work Group's and mail about award proposals the Board's and Staff's: an Admin who
/// runs the outbox sees that such a message exists and whether it went, not whom it names.
/// </summary>
public enum MailAudience { WorkGroup = 1, Awards = 2 }

/// <summary>
/// A message waiting to be delivered. It is added in the same SaveChanges as the change that causes it,
/// so a message exists exactly when its cause was saved.
/// </summary>
public class OutboxMessage
{
    public int Id { get; set; }
    /// <summary>Recipients, comma separated.</summary>
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string BodyText { get; set; }
    public string? BodyHtml { get; set; }
    public OutboxStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>
    /// Set while one instance of the app is sending the message, so another on the same database leaves it alone; an
    /// instance that stops half-way loses its claim when this time passes and the message is tried again.
    /// </summary>
    public DateTime? ClaimedUntil { get; set; }
    /// <summary>Who may read whom it is to and what it says in the outbox: null for anyone who manages mail.</summary>
    public MailAudience? Audience { get; set; }
    public List<OutboxAttempt> AttemptLog { get; set; } = [];
    public List<OutboxAttachment> Attachments { get; set; } = [];

    public static OutboxMessage Create(IEnumerable<string> to, string subject, string bodyText, DateTime now, string? bodyHtml = null, MailAudience? audience = null)
    {
        var recipients = to.Select(MailHeaders.Address).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0) throw new ArgumentException("A message needs at least one recipient.", nameof(to));
        return new OutboxMessage
        {
            To = string.Join(", ", recipients),
            Subject = MailHeaders.SingleLine(subject),
            BodyText = bodyText,
            BodyHtml = bodyHtml,
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            Audience = audience,
        };
    }
}

/// <summary>A file sent with a message (a report as a PDF), kept with it until it is delivered.</summary>
public class OutboxAttachment
{
    public int Id { get; set; }
    public int OutboxMessageId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}

public class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxAttachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(260);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.HasIndex(a => a.OutboxMessageId);
    }
}

public class OutboxAttempt
{
    public int Id { get; set; }
    public int OutboxMessageId { get; set; }
    public DateTime At { get; set; }
    public bool Succeeded { get; set; }
    public string? Error { get; set; }
}

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.To).HasMaxLength(4000);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.Property(m => m.Audience).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasMany(m => m.AttemptLog).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class OutboxAttemptConfiguration : IEntityTypeConfiguration<OutboxAttempt>
{
    public void Configure(EntityTypeBuilder<OutboxAttempt> b)
    {
        b.Property(a => a.Error).HasMaxLength(2000);
    }
}
