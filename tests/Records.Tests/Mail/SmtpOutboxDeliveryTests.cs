using Microsoft.EntityFrameworkCore;
using Records.Core.Mail;
using Records.Tests.Infrastructure;

namespace Records.Tests.Mail;

public class SmtpOutboxDeliveryTests(DatabaseFixture databases, SmtpServerFixture smtp)
    : IClassFixture<DatabaseFixture>, IClassFixture<SmtpServerFixture>
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private MailOptions Options => new()
    {
        Host = smtp.Host,
        Port = smtp.Port,
        From = "Records <records@example.org>",
        RetryBaseSeconds = 30,
        RetryMaxSeconds = 3600,
    };

    private IReadOnlyList<DeliveredMail> DeliveredWithSubject(string subject) =>
        smtp.Delivered().Where(d => d.Message.Subject == subject).ToList();

    [Fact]
    public async Task AnAttachedReportTravelsWithItsMessageByteForByte()
    {
        await smtp.StartAsync();
        var database = await databases.CreateDatabaseAsync();
        var subject = $"Financial report {Guid.NewGuid():N}";
        var pdf = "%PDF-1.4 report"u8.ToArray().Concat(Enumerable.Range(0, 3000).Select(i => (byte)(i % 251))).ToArray();
        await using (var db = database.Open())
        {
            var message = OutboxMessage.Create(["board@example.org"], subject, "The report is attached.", Now);
            message.Attachments.Add(new OutboxAttachment { FileName = "financial-report-2025.pdf", ContentType = "application/pdf", Content = pdf });
            db.Outbox.Add(message);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = database.Open())
        {
            await new OutboxDelivery(Options).DeliverDueAsync(db, new SmtpMailSender(Options), Now, TestContext.Current.CancellationToken);
        }

        var mime = Assert.Single(DeliveredWithSubject(subject)).Message;
        var attachment = Assert.IsType<MimeKit.MimePart>(Assert.Single(mime.Attachments));
        Assert.Equal("financial-report-2025.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content, TestContext.Current.CancellationToken);
        Assert.Equal(pdf, content.ToArray());
        Assert.Equal("The report is attached.", mime.TextBody?.Trim());
    }

    [Fact]
    public async Task QueuedMessageIsDeliveredThroughSmtpWithItsRecipientsSubjectAndBody()
    {
        await smtp.StartAsync();
        var database = await databases.CreateDatabaseAsync();
        var subject = $"Nomination received {Guid.NewGuid():N}";
        int id;
        await using (var db = database.Open())
        {
            var message = OutboxMessage.Create(
                ["ada@example.org", "Grace Hopper <grace@example.org>"], subject,
                "Thank you for your nomination.", Now, "<p>Thank you for your <b>nomination</b>.</p>");
            db.Outbox.Add(message);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            id = message.Id;
        }

        int sent;
        await using (var db = database.Open())
        {
            var delivery = new OutboxDelivery(Options);
            sent = await delivery.DeliverDueAsync(db, new SmtpMailSender(Options), Now, TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, sent);
        var delivered = Assert.Single(DeliveredWithSubject(subject));
        var mime = delivered.Message;
        Assert.Equal(["ada@example.org", "grace@example.org"], mime.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Grace Hopper", mime.To.Mailboxes.Last().Name);
        Assert.Equal(["ada@example.org", "grace@example.org"], delivered.EnvelopeRecipients.Order());
        Assert.Equal("records@example.org", Assert.Single(mime.From.Mailboxes).Address);
        Assert.Equal("Thank you for your nomination.", mime.TextBody?.Trim());
        Assert.Contains("<b>nomination</b>", mime.HtmlBody);

        await using (var db = database.Open())
        {
            var stored = await db.Outbox.Include(m => m.AttemptLog).SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken);
            Assert.Equal(OutboxStatus.Sent, stored.Status);
            Assert.Equal(Now, stored.SentAt);
            Assert.Null(stored.LastError);
            Assert.True(Assert.Single(stored.AttemptLog).Succeeded);
        }
    }

    [Fact]
    public async Task MessageQueuedWhileServerIsDownArrivesOnceAfterItStarts()
    {
        await smtp.StopAsync();
        var database = await databases.CreateDatabaseAsync();
        var subject = $"Round opens {Guid.NewGuid():N}";
        var ct = TestContext.Current.CancellationToken;
        int id;
        await using (var db = database.Open())
        {
            var message = OutboxMessage.Create(["board@example.org"], subject, "The round is open.", Now);
            db.Outbox.Add(message);
            await db.SaveChangesAsync(ct);
            id = message.Id;
        }
        var delivery = new OutboxDelivery(Options);
        var sender = new SmtpMailSender(Options);

        await using (var db = database.Open())
        {
            Assert.Equal(0, await delivery.DeliverDueAsync(db, sender, Now, ct));
        }

        DateTime retryAt;
        await using (var db = database.Open())
        {
            var failed = await db.Outbox.Include(m => m.AttemptLog).SingleAsync(m => m.Id == id, ct);
            Assert.Equal(OutboxStatus.Pending, failed.Status);
            Assert.Equal(1, failed.Attempts);
            Assert.Equal(Now, failed.LastAttemptAt);
            Assert.False(string.IsNullOrWhiteSpace(failed.LastError));
            Assert.Equal(Now + TimeSpan.FromSeconds(30), failed.NextAttemptAt);
            var attempt = Assert.Single(failed.AttemptLog);
            Assert.False(attempt.Succeeded);
            Assert.Equal(failed.LastError, attempt.Error);
            retryAt = failed.NextAttemptAt;
        }

        await smtp.StartAsync();
        await using (var db = database.Open())
        {
            Assert.Equal(0, await delivery.DeliverDueAsync(db, sender, retryAt.AddSeconds(-1), ct));
        }
        Assert.Empty(DeliveredWithSubject(subject));

        var later = retryAt.AddSeconds(1);
        await using (var db = database.Open())
        {
            Assert.Equal(1, await delivery.DeliverDueAsync(db, sender, later, ct));
        }
        await using (var db = database.Open())
        {
            Assert.Equal(0, await delivery.DeliverDueAsync(db, sender, later.AddHours(2), ct));
        }

        var delivered = Assert.Single(DeliveredWithSubject(subject));
        Assert.Equal("The round is open.", delivered.Message.TextBody?.Trim());
        await using (var db = database.Open())
        {
            var stored = await db.Outbox.Include(m => m.AttemptLog).SingleAsync(m => m.Id == id, ct);
            Assert.Equal(OutboxStatus.Sent, stored.Status);
            Assert.Equal(later, stored.SentAt);
            Assert.Equal(2, stored.Attempts);
            Assert.Equal([false, true], stored.AttemptLog.OrderBy(a => a.Id).Select(a => a.Succeeded));
        }
    }
}
