namespace Records.Web.Infrastructure;

/// <summary>
/// Counts the passes of a hosted worker that waits on the clock between them. A pass counts once the wait for the next
/// has begun (its timer is on the clock), so a test can move the clock on and know the worker will wake.
/// </summary>
public sealed class WorkerPasses
{
    private readonly Lock gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> waiting = [];
    private int passes;

    public int Count
    {
        get { lock (gate) return passes; }
    }

    /// <summary>Completes once <paramref name="count"/> passes have ended.</summary>
    public Task PassedAsync(int count)
    {
        lock (gate)
        {
            if (passes >= count) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.Add((count, done));
            return done.Task;
        }
    }

    public void Passed()
    {
        lock (gate)
        {
            passes++;
            foreach (var w in waiting.Where(w => w.Count <= passes).ToList())
            {
                waiting.Remove(w);
                w.Done.TrySetResult();
            }
        }
    }
}
