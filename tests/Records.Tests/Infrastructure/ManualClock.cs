namespace Records.Tests.Infrastructure;

/// <summary>
/// A clock that stands still until a test moves it: <see cref="Advance"/> fires the timers (and so the
/// <c>Task.Delay(…, clock)</c>s of hosted workers) that have come due, so no test waits on the wall clock.
/// </summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private DateTimeOffset now = now;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now.ToUniversalTime();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock on and runs every timer that came due, in order.</summary>
    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (gate)
        {
            now += by;
            due = [.. timers.Where(t => t.Due <= now).OrderBy(t => t.Due)];
            foreach (var timer in due)
            {
                if (timer.Period > TimeSpan.Zero) timer.Due = now + timer.Period;
                else timers.Remove(timer);
            }
        }
        foreach (var timer in due) timer.Fire();
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }
        public TimeSpan Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                clock.timers.Remove(this);
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                Due = clock.now + dueTime;
                clock.timers.Add(this);
            }
            return true;
        }

        public void Dispose()
        {
            lock (clock.gate) clock.timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
