using Records.Core.Data;

namespace Records.Web.Infrastructure;

/// <summary>
/// A hosted service that makes one pass every <see cref="Poll"/>, each with a scope and a database context of its
/// own. A failed pass is logged and tried again at the next poll, so one bad record never stops the reminders.
/// </summary>
public abstract class PollingWorker(IServiceScopeFactory scopes, TimeProvider clock, FirstRequest firstRequest, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Poll { get; }

    /// <summary>What the pass does, for the log ("The automatic vote reminder").</summary>
    protected abstract string What { get; }

    protected abstract Task PassAsync(RecordsDbContext db, DateTimeOffset now, CancellationToken ct);

    private readonly WorkerPasses passes = new();

    /// <summary>Completes once <paramref name="count"/> passes have ended and the wait for the next has begun.</summary>
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
        var poll = Poll < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : Poll;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await PassAsync(scope.ServiceProvider.GetRequiredService<RecordsDbContext>(), clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{What} failed; trying again in {Seconds} s.", What, poll.TotalSeconds);
            }
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
