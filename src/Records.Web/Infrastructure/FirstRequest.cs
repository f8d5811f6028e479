namespace Records.Web.Infrastructure;

/// <summary>
/// The background workers' first pass waits until the app has answered its first request, or until
/// <see cref="FirstPassAfter"/> has passed on the clock: reminders and mail can wait a few seconds, and start-up then
/// spends both cores on being ready to serve.
/// </summary>
public sealed class FirstRequest(TimeProvider clock)
{
    public static readonly TimeSpan FirstPassAfter = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DateTimeOffset deadline = clock.GetUtcNow() + FirstPassAfter;

    public bool HasBeenAnswered => answered.Task.IsCompleted;

    public void Answered() => answered.TrySetResult();

    /// <summary>Completes once a request has been answered or <see cref="FirstPassAfter"/> has passed since the app began.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        var remaining = deadline - clock.GetUtcNow();
        if (HasBeenAnswered || remaining <= TimeSpan.Zero) return;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var waited = Task.Delay(remaining, clock, stop.Token);
        // The clock may have passed the deadline between reading it and setting the timer, which then waits too long.
        if (clock.GetUtcNow() < deadline) await Task.WhenAny(answered.Task, waited);
        await stop.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}

public static class FirstRequestMiddleware
{
    /// <summary>Tells <see cref="FirstRequest"/> when the first request has been answered.</summary>
    public static IApplicationBuilder UseFirstRequestSignal(this IApplicationBuilder app)
    {
        var first = app.ApplicationServices.GetRequiredService<FirstRequest>();
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            finally
            {
                first.Answered();
            }
        });
    }
}
