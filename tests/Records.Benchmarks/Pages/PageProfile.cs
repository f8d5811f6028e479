using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Records.Benchmarks.Pages;

/// <summary>
/// Where one page's server time goes, summed over the requests to a profiled path: the whole request, the page handler
/// (binding done; its queries and EF's materialisation), the time EF held open readers within it (the SQL and the rows
/// read, materialised as they come), and the rendering of the Razor result with its layout.
/// <c>POST /__baseline/profile?path=/x</c> starts, <c>GET /__baseline/profile</c> stops and reads the split.
/// </summary>
public sealed class PageProfile(IHttpContextAccessor http)
{
    private static readonly object Key = new();
    private string? path;
    private long requests, total, handler, readers, commands, render;

    public CommandTimer Commands { get; } = new(http);

    public void Start(string profiled)
    {
        Interlocked.Exchange(ref requests, 0);
        Interlocked.Exchange(ref total, 0);
        Interlocked.Exchange(ref handler, 0);
        Interlocked.Exchange(ref readers, 0);
        Interlocked.Exchange(ref commands, 0);
        Interlocked.Exchange(ref render, 0);
        Volatile.Write(ref path, profiled);
    }

    /// <summary>Also stops profiling, so the measured load runs without it.</summary>
    public string Report()
    {
        Volatile.Write(ref path, null);
        var n = Math.Max(1, Volatile.Read(ref requests));
        string Ms(long ticks) => (ticks * 1000.0 / Stopwatch.Frequency / n).ToString("0.00", CultureInfo.InvariantCulture);
        var (t, h, r, d) = (Volatile.Read(ref total), Volatile.Read(ref handler), Volatile.Read(ref render), Volatile.Read(ref readers));
        return string.Create(CultureInfo.InvariantCulture,
            $"{requests} requests, per request: {Ms(t)} ms in all = handler {Ms(h)} (readers open {Ms(d)} over {(double)Volatile.Read(ref commands) / n:0.#} commands, the rest EF and page code {Ms(h - d)}) + Razor {Ms(r)} + pipeline (auth, routing, writing) {Ms(t - h - r)}");
    }

    public async Task MeasureAsync(HttpContext context, Func<Task> next)
    {
        if (Volatile.Read(ref path) is not { } profiled || context.Request.Path.Value != profiled)
        {
            await next();
            return;
        }
        var times = new RequestTimes();
        context.Items[Key] = times;
        var begun = Stopwatch.GetTimestamp();
        await next();
        Interlocked.Add(ref total, Stopwatch.GetTimestamp() - begun);
        Interlocked.Add(ref handler, times.Handler);
        Interlocked.Add(ref render, times.Render);
        Interlocked.Add(ref readers, times.Readers);
        Interlocked.Add(ref commands, times.Commands);
        Interlocked.Increment(ref requests);
    }

    internal static RequestTimes? Of(HttpContext? context) => context?.Items.TryGetValue(Key, out var t) == true ? t as RequestTimes : null;

    internal sealed class RequestTimes
    {
        public long Handler;
        public long Render;
        public long Readers;
        public int Commands;
        public bool InHandler;
    }

    /// <summary>Times the page handler and the rendering of its result.</summary>
    public sealed class Filter : IAsyncPageFilter, IAsyncResultFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var times = Of(context.HttpContext);
            if (times is not null) times.InHandler = true;
            var begun = Stopwatch.GetTimestamp();
            await next();
            if (times is not null)
            {
                times.Handler += Stopwatch.GetTimestamp() - begun;
                times.InHandler = false;
            }
        }

        public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
        {
            var begun = Stopwatch.GetTimestamp();
            await next();
            if (Of(context.HttpContext) is { } times) times.Render += Stopwatch.GetTimestamp() - begun;
        }
    }

    /// <summary>Times each of the handler's readers from the command's start to the reader's disposal: the SQL and reading its rows.</summary>
    public sealed class CommandTimer(IHttpContextAccessor http) : DbCommandInterceptor
    {
        private readonly ConditionalWeakTable<DbCommand, StrongBox<long>> started = new();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Begin(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Begin(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            if (started.TryGetValue(command, out var begun))
            {
                started.Remove(command);
                if (Of(http.HttpContext) is { InHandler: true } times)
                {
                    times.Readers += Stopwatch.GetTimestamp() - begun.Value;
                    times.Commands++;
                }
            }
            return result;
        }

        private void Begin(DbCommand command)
        {
            if (Of(http.HttpContext) is not null) started.AddOrUpdate(command, new StrongBox<long>(Stopwatch.GetTimestamp()));
        }
    }
}
