using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Records.Benchmarks.Capture;
using Records.Core.Data;
using Records.Web.Infrastructure;

namespace Records.Benchmarks.Pages;

/// <summary>Holds the SQL of one page request: armed for a path, then frozen for the baseline to replay.</summary>
public sealed class PageRecorder
{
    private readonly IHttpContextAccessor http;
    private string? armedPath;

    public PageRecorder(IHttpContextAccessor http)
    {
        this.http = http;
        Capture = new CommandCapture(IsArmedRequest);
    }

    public CommandCapture Capture { get; }

    public IReadOnlyList<CapturedCommand> Frozen { get; private set; } = [];

    public void Arm(string path)
    {
        Frozen = [];
        Capture.Clear();
        Volatile.Write(ref armedPath, path);
    }

    public void Freeze()
    {
        Volatile.Write(ref armedPath, null);
        Frozen = Capture.Commands;
    }

    // Only the page's own request: the outbox worker's polling also runs through EF and must not be replayed.
    private bool IsArmedRequest() => Volatile.Read(ref armedPath) is { } path && http.HttpContext?.Request.Path.Value == path;
}

/// <summary>
/// <c>POST /__baseline/arm?path=/x</c> starts recording the SQL of requests to /x, <c>POST /__baseline/freeze</c> stops,
/// <c>POST /__baseline/profile?path=/x</c> and <c>GET /__baseline/profile</c> split the time of /x (see <see cref="PageProfile"/>),
/// and <c>GET /__baseline/page</c> runs that SQL with a plain pooled SqliteConnection (the app's connection string) and
/// writes every row of every result set as an HTML table. Mapped ahead of the app's pipeline: no auth, no Razor.
/// </summary>
public sealed class BaselineEndpoints(PageRecorder recorder, PageProfile profile, DatabaseLocation database) : IStartupFilter
{
    public const string PagePath = "/__baseline/page";

    private readonly string connectionString = RecordsDatabase.ConnectionString(database.Path);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, next) => profile.MeasureAsync(context, () => next(context)));
        app.Map("/__baseline", baseline => baseline.Run(HandleAsync));
        next(app);
    };

    private Task HandleAsync(HttpContext context) => (context.Request.Method, context.Request.Path.Value) switch
    {
        ("POST", "/arm") when context.Request.Query["path"].ToString() is { Length: > 0 } path => Arm(context, path),
        ("POST", "/freeze") => FreezeAsync(context),
        ("POST", "/profile") when context.Request.Query["path"].ToString() is { Length: > 0 } path => Profile(context, path),
        ("GET", "/profile") => Results.Text(profile.Report()).ExecuteAsync(context),
        ("GET", "/page") when recorder.Frozen.Count > 0 => WritePageAsync(context, recorder.Frozen),
        ("GET", "/page") => Results.Conflict("No page SQL is frozen: arm, request the page, then freeze.").ExecuteAsync(context),
        _ => Results.NotFound().ExecuteAsync(context),
    };

    private Task Arm(HttpContext context, string path)
    {
        recorder.Arm(path);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    // The replay must read what EF read: a parameter bound differently would make the baseline cheaper, not faster.
    private Task Profile(HttpContext context, string path)
    {
        profile.Start(path);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private async Task FreezeAsync(HttpContext context)
    {
        recorder.Freeze();
        var frozen = recorder.Frozen;
        if (frozen.Count == 0)
        {
            await Results.Conflict("No query was captured: was the page requested while armed?").ExecuteAsync(context);
            return;
        }
        var (_, rows) = await ReplayAsync(frozen, context.RequestAborted);
        // EF counts calls to Read: one more than the rows when it read to the end, as many when it stopped early.
        var mismatches = frozen.Select((c, i) => (Reads: c.ReadCalls, Replayed: rows[i], Number: i + 1))
            .Where(q => q.Reads is { } reads && q.Replayed != reads && q.Replayed != reads - 1)
            .Select(q => $"query {q.Number}: EF called Read {q.Reads} times, the replay read {q.Replayed} rows")
            .ToList();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{frozen.Count} queries captured, {rows.Sum():#,0} rows replayed, as many as EF read; {recorder.Capture.Writes} writes not replayed");
        await (mismatches.Count == 0 ? Results.Text(text) : Results.Conflict(string.Join("; ", mismatches))).ExecuteAsync(context);
    }

    private async Task WritePageAsync(HttpContext context, IReadOnlyList<CapturedCommand> commands)
    {
        var (html, _) = await ReplayAsync(commands, context.RequestAborted);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    private async Task<(string Html, int[] Rows)> ReplayAsync(IReadOnlyList<CapturedCommand> commands, CancellationToken ct)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>baseline</title></head><body>");
        var rows = new int[commands.Count];
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            for (var c = 0; c < commands.Count; c++)
            {
                await using var command = commands[c].CreateCommand(connection);
                await using var reader = await command.ExecuteReaderAsync(ct);
                do
                {
                    html.Append("<table><tr>");
                    for (var i = 0; i < reader.FieldCount; i++) Cell(html, "th", reader.GetName(i));
                    html.Append("</tr>");
                    while (await reader.ReadAsync(ct))
                    {
                        rows[c]++;
                        html.Append("<tr>");
                        for (var i = 0; i < reader.FieldCount; i++) Cell(html, "td", Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                        html.Append("</tr>");
                    }
                    html.Append("</table>");
                } while (await reader.NextResultAsync(ct));
            }
        }
        return (html.Append("</body></html>").ToString(), rows);
    }

    private static void Cell(StringBuilder html, string tag, string? text) =>
        html.Append('<').Append(tag).Append('>').Append(HtmlEncoder.Default.Encode(text ?? "")).Append("</").Append(tag).Append('>');
}
