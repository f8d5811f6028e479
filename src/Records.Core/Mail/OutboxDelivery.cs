using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Records.Core.Data;

namespace Records.Core.Mail;

/// <summary>
/// Sends due outbox messages. A failed message stays pending and is tried again after a growing delay;
/// no message is ever dropped.
/// </summary>
public sealed class OutboxDelivery(MailOptions options, TimeProvider? clock = null, ILogger<OutboxDelivery>? logger = null)
{
    public const int MaxErrorLength = 2000;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger<OutboxDelivery>.Instance;

    /// <summary>The delay before the next try after <paramref name="attempts"/> failed attempts: base · 2^(attempts−1), at most max.</summary>
    public static TimeSpan Backoff(int attempts, MailOptions options)
    {
        var baseSeconds = Math.Max(0, options.RetryBaseSeconds);
        var maxSeconds = Math.Max(0, options.RetryMaxSeconds);
        var exponent = Math.Clamp(attempts - 1, 0, 62);
        var seconds = Math.Min(baseSeconds * Math.Pow(2, exponent), maxSeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// Sends up to <see cref="MailOptions.BatchSize"/> due messages and returns how many were sent. Each message is
    /// claimed first, so several instances of the app on one database send every message once between them.
    /// </summary>
    public async Task<int> DeliverDueAsync(RecordsDbContext db, IMailSender sender, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var now = AsUtc(nowUtc);
        var dueIds = await Due(db, now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(Math.Max(1, options.BatchSize))
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in dueIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await ClaimAsync(db, id, now, cancellationToken) is not { } message) continue;
            string? error = null;
            try
            {
                await sender.SendAsync(ToMime(message, now), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync(db, message);
                throw;
            }
            catch (Exception e)
            {
                error = Truncate($"{e.GetType().Name}: {e.Message}");
                _logger.LogWarning(e, "Outbox message {Id} could not be sent (attempt {Attempt}).", message.Id, message.Attempts + 1);
            }

            message.Attempts++;
            message.LastAttemptAt = now;
            message.ClaimedUntil = null;
            message.AttemptLog.Add(new OutboxAttempt { At = now, Succeeded = error is null, Error = error });
            if (error is null)
            {
                message.Status = OutboxStatus.Sent;
                message.SentAt = now;
                sent++;
            }
            else
            {
                message.LastError = error;
                message.NextAttemptAt = now + Backoff(message.Attempts, options);
            }
            // The attempt is saved even when the caller gives up waiting; it has already happened.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return sent;
    }

    private static IQueryable<OutboxMessage> Due(RecordsDbContext db, DateTime now) =>
        db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil <= now));

    /// <summary>
    /// Takes the message for this instance with one conditional update: of several instances that reach for the same
    /// message, the database lets exactly one change it, and the others find it claimed and pass it by.
    /// </summary>
    private async Task<OutboxMessage?> ClaimAsync(RecordsDbContext db, int id, DateTime now, CancellationToken ct)
    {
        var until = now.AddSeconds(Math.Max(1, options.ClaimSeconds));
        var claimed = await Due(db, now).Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), ct);
        if (claimed == 0) return null;
        // A context that already tracks the message would hand back its old values, which the update did not touch.
        if (db.Outbox.Local.FirstOrDefault(m => m.Id == id) is { } tracked)
        {
            await db.Entry(tracked).ReloadAsync(ct);
            await db.Entry(tracked).Collection(m => m.Attachments).LoadAsync(ct);
            return tracked;
        }
        return await db.Outbox.Include(m => m.Attachments).SingleAsync(m => m.Id == id, ct);
    }

    /// <summary>Gives a claimed message back when sending was stopped before it began to count as an attempt.</summary>
    private static async Task ReleaseAsync(RecordsDbContext db, OutboxMessage message)
    {
        message.ClaimedUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Makes a pending message due now. Returns false when there is no pending message with that id.</summary>
    public async Task<bool> RetryNowAsync(RecordsDbContext db, int id, CancellationToken cancellationToken = default)
    {
        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null || message.Status != OutboxStatus.Pending) return false;
        message.NextAttemptAt = _clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public MimeMessage ToMime(OutboxMessage message, DateTime nowUtc)
    {
        var from = MailboxAddress.Parse(MailHeaders.Address(options.From));
        var mime = new MimeMessage
        {
            Subject = MailHeaders.SingleLine(message.Subject),
            Date = new DateTimeOffset(AsUtc(nowUtc)),
            MessageId = $"outbox-{message.Id}.{message.CreatedAt.Ticks}@{Domain(from.Address)}",
        };
        mime.From.Add(from);
        mime.To.AddRange(InternetAddressList.Parse(MailHeaders.SingleLine(message.To)));
        if (mime.To.Count == 0) throw new FormatException("The message has no recipients.");
        var body = new BodyBuilder { TextBody = message.BodyText, HtmlBody = message.BodyHtml };
        foreach (var attachment in message.Attachments) body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static string Domain(string address)
    {
        var at = address.LastIndexOf('@');
        var domain = at >= 0 ? address[(at + 1)..] : "";
        return domain.Length > 0 ? domain : "localhost";
    }

    private static string Truncate(string value) => value.Length <= MaxErrorLength ? value : value[..MaxErrorLength];

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
