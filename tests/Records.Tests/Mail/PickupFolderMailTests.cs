using Records.Tests.Infrastructure;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Records.Core.Mail;

namespace Records.Tests.Mail;

public partial class PickupFolderMailTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [GeneratedRegex(@"^\d{8}T\d{9}Z-[0-9a-f]{32}\.eml$")]
    private static partial Regex EmlName();

    private async Task<(string File, int Id, TestDatabase Database)> DeliverToPickupFolderAsync(Action<OutboxMessage> arrange)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await databases.CreateDatabaseAsync();
        var folder = Path.Combine(databases.NewFolder(), "pickup");
        var options = new MailOptions { PickupFolder = folder };
        Assert.False(options.UsesSmtp);

        var message = OutboxMessage.Create(["treasurer@example.org"], "placeholder", "placeholder", Now);
        arrange(message);
        await using (var db = database.Open())
        {
            db.Outbox.Add(message);
            await db.SaveChangesAsync(ct);
        }
        await using (var db = database.Open())
        {
            Assert.Equal(1, await new OutboxDelivery(options).DeliverDueAsync(db, new PickupFolderMailSender(folder), Now, ct));
        }

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Matches(EmlName(), Path.GetFileName(file));
        return (file, message.Id, database);
    }

    [Fact]
    public async Task WithoutSmtpHostMessageIsWrittenAsEmlFileThatParsesBack()
    {
        var (file, id, database) = await DeliverToPickupFolderAsync(m =>
        {
            m.Subject = "Sponsorship invoice";
            m.BodyText = "Your invoice is attached.";
        });

        var mime = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal("Sponsorship invoice", mime.Subject);
        Assert.Equal("Your invoice is attached.", mime.TextBody?.Trim());
        Assert.Null(mime.HtmlBody);
        Assert.Equal("treasurer@example.org", Assert.Single(mime.To.Mailboxes).Address);
        Assert.Equal("records@localhost", Assert.Single(mime.From.Mailboxes).Address);

        await using var db = database.Open();
        var stored = await db.Outbox.SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal(OutboxStatus.Sent, stored.Status);
    }

    [Fact]
    public async Task SubjectWithInjectedLineBreakComesOutAsOneHeaderLine()
    {
        var (file, _, _) = await DeliverToPickupFolderAsync(m =>
        {
            // Set after Create, as if the row had been written by other code, to prove delivery cleans it too.
            m.Subject = "Hello\r\nBcc: intruder@example.com\r\nX-Injected: yes";
        });

        var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        var headerLines = text.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l.Length > 0).ToList();
        Assert.Single(headerLines, l => l.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(headerLines, l => l.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(headerLines, l => l.StartsWith("X-Injected:", StringComparison.OrdinalIgnoreCase));

        var mime = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal("Hello Bcc: intruder@example.com X-Injected: yes", mime.Subject);
        Assert.Empty(mime.Bcc);
        Assert.False(mime.Headers.Contains("X-Injected"));
    }
}
