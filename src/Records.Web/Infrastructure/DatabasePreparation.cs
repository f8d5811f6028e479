using Microsoft.Extensions.Options;
using Records.Core.Data;

namespace Records.Web.Infrastructure;

/// <summary>
/// Start-up's database work (migrations, seed, accounts), begun as soon as the host is built. The host starts its
/// services at once (<see cref="HostOptions.ServicesStartConcurrently"/>), so the server opens its port while the
/// database is made ready; this service's start waits for the work, so the app counts as started, and a failure stops
/// it, only once the database is ready. Requests that arrive before then wait at <see cref="UseDatabaseReady"/>.
/// </summary>
public sealed class DatabasePreparation : IHostedService
{
    private Task work = Task.CompletedTask;
    private readonly TaskCompletionSource prepared = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Everything done: the database prepared and <c>then</c> run; requests are served after this.</summary>
    public Task Ready => work;

    /// <summary>The database prepared (its tables in place), or preparing it failed; what runs <c>then</c> may use it.</summary>
    public Task Prepared => prepared.Task;

    /// <summary>Runs <paramref name="prepare"/>, then <paramref name="then"/>, on the thread pool, and returns at once.</summary>
    public void Begin(Func<Task> prepare, Action? then = null) => work = Task.Run(async () =>
    {
        try
        {
            await prepare();
            prepared.TrySetResult();
        }
        catch (Exception e)
        {
            prepared.TrySetException(e);
            throw;
        }
        then?.Invoke();
    });

    /// <summary>
    /// A setting or a path a person must fix: Program prints its message as one line and exits, so the host must not
    /// see it as well and log it with a stack trace.
    /// </summary>
    public static bool IsRefusal(Exception e) => e is DatabasePathException or OptionsValidationException or SettingException;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await work.WaitAsync(cancellationToken);
        }
        catch (Exception e) when (IsRefusal(e))
        {
            // Never started: Program reports the refusal and ends the process.
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class DatabaseReadyMiddleware
{
    /// <summary>Holds a request that needs the database until start-up has made it ready.</summary>
    public static IApplicationBuilder UseDatabaseReady(this IApplicationBuilder app)
    {
        var preparation = app.ApplicationServices.GetRequiredService<DatabasePreparation>();
        return app.Use(async (context, next) =>
        {
            var ready = preparation.Ready;
            if (!ready.IsCompletedSuccessfully) await ready.WaitAsync(context.RequestAborted);
            await next(context);
        });
    }
}
