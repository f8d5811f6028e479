using System.Diagnostics;

namespace Records.Web.Infrastructure;

/// <summary>
/// With RECORDS_STARTUP_TIMINGS=1, writes to standard error how long each step of start-up took since the process
/// started, in wall and CPU time, up to the end of the first request: where to look when start-up gets slow.
/// </summary>
public static class StartupTimings
{
    private static readonly bool On = Environment.GetEnvironmentVariable("RECORDS_STARTUP_TIMINGS") == "1";
    private static int requests;

    public static void Mark(string step)
    {
        if (!On) return;
        using var process = Process.GetCurrentProcess();
        var wall = DateTime.Now - process.StartTime;
        Console.Error.WriteLine($"startup {wall.TotalMilliseconds,8:0} ms wall {process.TotalProcessorTime.TotalMilliseconds,8:0} ms cpu  {step}");
    }

    /// <summary>Marks the start and end of the first requests.</summary>
    public static IApplicationBuilder UseStartupTimings(this IApplicationBuilder app) => !On ? app : app.Use(async (context, next) =>
    {
        var n = Interlocked.Increment(ref requests);
        if (n > 6)
        {
            await next(context);
            return;
        }
        Mark($"request {n} {context.Request.Method} {context.Request.Path} begins");
        await next(context);
        Mark($"request {n} {context.Request.Method} {context.Request.Path} answered {context.Response.StatusCode}");
    });
}
