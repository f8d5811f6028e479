using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Records.Tests.Infrastructure;

/// <summary>
/// Records the SQL commands each marked request sends, so a test can prove a list page issues the same few queries
/// whatever the number of rows. Requests are marked by a header, so background work (the outbox) never counts.
/// </summary>
public sealed class SqlCounter : DbCommandInterceptor, IStartupFilter
{
    public const string Header = "X-Records-Test-Sql";

    private static readonly AsyncLocal<ConcurrentQueue<string>?> Current = new();
    private static readonly AsyncLocal<ConcurrentQueue<string>?> Uncancellable = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> logs = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> uncancellable = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var mark))
            {
                Current.Value = logs.GetOrAdd(mark.ToString(), _ => new());
                Uncancellable.Value = uncancellable.GetOrAdd(mark.ToString(), _ => new());
            }
            await nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>Sends a GET marked for counting and returns the response with the commands it caused, in order.</summary>
    public async Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> GetAsync(HttpClient client, string url)
    {
        var mark = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(Header, mark);
        var response = await client.SendAsync(request);
        uncancellable.TryRemove(mark, out _);
        return (response, logs.TryRemove(mark, out var log) ? log.ToArray() : []);
    }

    /// <summary>Sends a GET marked for counting and returns the commands it sent that an abandoned request could not cancel.</summary>
    public async Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> UncancellableAsync(HttpClient client, string url)
    {
        var mark = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(Header, mark);
        var response = await client.SendAsync(request);
        logs.TryRemove(mark, out _);
        return (response, uncancellable.TryRemove(mark, out var log) ? log.ToArray() : []);
    }

    /// <summary>The signed-in session's lookup is the same one command on every page; the counts are about the page's own queries.</summary>
    private static void Record(DbCommand command, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("\"UserSessions\"", StringComparison.Ordinal)) return;
        Current.Value?.Enqueue(command.CommandText);
        if (!cancellationToken.CanBeCanceled) Uncancellable.Value?.Enqueue(command.CommandText);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command, cancellationToken);
        return ValueTask.FromResult(result);
    }
}
