namespace Records.Web.Infrastructure;

/// <summary>
/// Runs the queued dry runs and commits of <see cref="ImportJobs"/>, a few at a time. At shutdown it cancels the ones
/// running and waits for them to end (a commit saves all or nothing), and ends those still waiting, so no job is left
/// "checking" and no work outlives the app.
/// </summary>
public sealed class ImportWorker(ImportJobs jobs, ILogger<ImportWorker> log) : BackgroundService
{
    public const int AtOnce = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        using var slots = new SemaphoreSlim(AtOnce);
        try
        {
            while (await jobs.Queue.WaitToReadAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                if (!jobs.Queue.TryRead(out var item))
                {
                    slots.Release();
                    continue;
                }
                running.RemoveAll(t => t.IsCompleted);
                running.Add(RunAsync(item, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(running);
        while (jobs.Queue.TryRead(out var waiting)) jobs.Abandon(waiting, ImportJobs.Stopped);
    }

    private async Task RunAsync(ImportWork item, SemaphoreSlim slots, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            await jobs.RunAsync(item, ct);
        }
        catch (Exception e)
        {
            // The job has ended all the same; only its own report failed (a log that cannot be written, say).
            log.LogError(e, "The import of {File} ended with an error it could not report", item.Job.FileName);
        }
        finally
        {
            slots.Release();
        }
    }
}
