using Microsoft.Extensions.Options;
using Records.Core.Data;
using Records.Core.Mail;
using Records.Web.Infrastructure;

namespace Records.Web.Mail;

/// <summary>Delivers due outbox messages every <see cref="MailOptions.PollSeconds"/>; an error is logged and tried again next round.</summary>
public sealed class OutboxWorker(
    IServiceScopeFactory scopes,
    IOptions<MailOptions> options,
    TimeProvider clock,
    FirstRequest firstRequest,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    private readonly WorkerPasses passes = new();

    /// <summary>The passes that have ended with the worker waiting for the next; tests move the clock on after one.</summary>
    public int Passes => passes.Count;

    public Task PassedAsync(int count) => passes.PassedAsync(count);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await firstRequest.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            var fullBatch = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
                var sender = scope.ServiceProvider.GetRequiredService<IMailSender>();
                var delivery = scope.ServiceProvider.GetRequiredService<OutboxDelivery>();
                var sent = await delivery.DeliverDueAsync(db, sender, clock.GetUtcNow().UtcDateTime, stoppingToken);
                fullBatch = sent >= options.Value.BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox delivery failed; trying again in {Seconds} s.", poll.TotalSeconds);
            }

            if (fullBatch) continue;
            try
            {
                var next = Task.Delay(poll, clock, stoppingToken);
                passes.Passed();
                await next;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
