using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Records.Core.Mail;
using Records.Tests.Infrastructure;

namespace Records.Tests.Mail;

/// <summary>Several instances of the app deliver from one outbox; the SMTP sender itself is tested in SmtpOutboxDeliveryTests.</summary>
public class OutboxClaimTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly MailOptions Options = new() { From = "Records <records@example.org>", BatchSize = 50, ClaimSeconds = 600 };

    /// <summary>Records each message it is given; the first one waits until the test lets it go.</summary>
    private sealed class RecordingSender(TaskCompletionSource? holdFirst = null) : IMailSender
    {
        public ConcurrentQueue<string> Sent { get; } = new();
        public TaskCompletionSource FirstReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            if (Sent.IsEmpty && holdFirst is not null)
            {
                FirstReached.TrySetResult();
                await holdFirst.Task.WaitAsync(cancellationToken);
            }
            else
            {
                await Task.Yield();
            }
            Sent.Enqueue(message.Subject ?? "");
        }
    }

    private static async Task<List<string>> QueueAsync(TestDatabase database, int count)
    {
        var subjects = Enumerable.Range(1, count).Select(i => $"Message {i:D2}").ToList();
        await using var db = database.Open();
        foreach (var subject in subjects) db.Outbox.Add(OutboxMessage.Create(["board@example.org"], subject, "Body.", Now));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return subjects;
    }

    [Fact]
    public async Task AMessageOneInstanceIsSendingIsLeftAloneByTheOther()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await databases.CreateDatabaseAsync();
        var subjects = await QueueAsync(database, 6);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new RecordingSender(release);
        var second = new RecordingSender();

        await using var dbA = database.Open();
        await using var dbB = database.Open();
        var a = new OutboxDelivery(Options).DeliverDueAsync(dbA, first, Now, ct);
        await first.FirstReached.Task.WaitAsync(ct);
        var sentByB = await new OutboxDelivery(Options).DeliverDueAsync(dbB, second, Now, ct);
        release.SetResult();
        var sentByA = await a;

        Assert.Equal(1, sentByA);
        Assert.Equal(5, sentByB);
        Assert.Equal(subjects, first.Sent.Concat(second.Sent).Order());
        Assert.DoesNotContain(Assert.Single(first.Sent), second.Sent);
        await using var check = database.Open();
        var stored = await check.Outbox.Include(m => m.AttemptLog).ToListAsync(ct);
        Assert.All(stored, m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Single(m.AttemptLog);
            Assert.Null(m.ClaimedUntil);
        });
    }

    [Fact]
    public async Task TwoInstancesDeliveringAtOnceSendEveryMessageExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await databases.CreateDatabaseAsync();
        var subjects = await QueueAsync(database, 40);
        var senders = new[] { new RecordingSender(), new RecordingSender(), new RecordingSender() };

        await Task.WhenAll(senders.Select(sender => Task.Run(async () =>
        {
            await using var db = database.Open();
            var delivery = new OutboxDelivery(new MailOptions { From = Options.From, BatchSize = 7 });
            while (await delivery.DeliverDueAsync(db, sender, Now, ct) > 0)
            {
            }
        }, ct)));

        var sent = senders.SelectMany(s => s.Sent).ToList();
        Assert.Equal(subjects, sent.Order());
        await using var check = database.Open();
        Assert.Equal(40, await check.Outbox.CountAsync(m => m.Status == OutboxStatus.Sent, ct));
    }

    [Fact]
    public async Task AMessageClaimedByAnInstanceThatStoppedIsSentOnceItsClaimRunsOut()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await databases.CreateDatabaseAsync();
        await QueueAsync(database, 1);
        await using (var db = database.Open())
        {
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, Now.AddMinutes(10)), ct);
        }
        var sender = new RecordingSender();

        await using (var db = database.Open())
        {
            Assert.Equal(0, await new OutboxDelivery(Options).DeliverDueAsync(db, sender, Now.AddMinutes(9), ct));
        }
        Assert.Empty(sender.Sent);
        await using (var db = database.Open())
        {
            Assert.Equal(1, await new OutboxDelivery(Options).DeliverDueAsync(db, sender, Now.AddMinutes(10), ct));
        }

        Assert.Equal(["Message 01"], sender.Sent);
        await using var check = database.Open();
        var stored = await check.Outbox.SingleAsync(ct);
        Assert.Equal(OutboxStatus.Sent, stored.Status);
        Assert.Null(stored.ClaimedUntil);
    }

    [Fact]
    public async Task AFailedSendGivesUpItsClaimAndWaitsForItsNextTry()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await databases.CreateDatabaseAsync();
        await QueueAsync(database, 1);

        await using (var db = database.Open())
        {
            Assert.Equal(0, await new OutboxDelivery(Options).DeliverDueAsync(db, new RefusingSender(), Now, ct));
        }

        await using var check = database.Open();
        var stored = await check.Outbox.SingleAsync(ct);
        Assert.Equal(OutboxStatus.Pending, stored.Status);
        Assert.Null(stored.ClaimedUntil);
        Assert.Equal(Now + OutboxDelivery.Backoff(1, Options), stored.NextAttemptAt);
    }

    private sealed class RefusingSender : IMailSender
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("421 Service not available");
    }
}
