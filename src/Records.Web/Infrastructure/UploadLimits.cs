using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Records.Web.Infrastructure;

/// <summary>
/// The largest file a page takes; the page's posts are refused beside Input.File before their body is stored, with
/// <paramref name="advice"/> after the sizes.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public class UploadLimitAttribute(long maxBytes = 0, string advice = "Choose a smaller file.") : Attribute
{
    public string Advice { get; } = advice;

    public virtual long MaxBytes(IServiceProvider services) => maxBytes;
}

/// <summary>The donation import's limit, Records:Donations:ImportMaxMegabytes.</summary>
public sealed class DonationImportUploadLimitAttribute() : UploadLimitAttribute(advice: "Export a shorter period and import each file.")
{
    public override long MaxBytes(IServiceProvider services) =>
        services.GetRequiredService<IOptions<RecordsOptions>>().Value.Donations.ImportMaxMegabytes * 1024L * 1024L;
}

/// <summary>
/// Refuses an upload that is over its page's limit before the body is read: a post whose Content-Length says so is not
/// read at all; one without (chunked) is read up to the limit and no further. The refused post becomes a GET of the
/// same page, which <see cref="UploadRefusalFilter"/> renders with the message beside the file field and a 400.
/// Posts within the limit go on, with Kestrel's body limit set to it.
/// </summary>
public static class UploadLimits
{
    /// <summary>Room for the form's other fields and the multipart boundaries beside the file.</summary>
    public const long FormOverhead = 64 * 1024;
    internal const string RefusedKey = "Records.UploadRefused";

    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<UploadLimitAttribute>() is not { } limit)
        {
            await next(context);
            return;
        }
        var maxBytes = limit.MaxBytes(context.RequestServices);
        var cap = maxBytes + FormOverhead;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = cap;
        if (context.Request.ContentLength is { } length)
        {
            if (length > cap) Refuse(context, maxBytes, length, limit.Advice);
        }
        else if (!await BufferUpToAsync(context, cap))
        {
            Refuse(context, maxBytes, null, limit.Advice);
        }
        await next(context);
    });

    /// <summary>Reads a body of unknown length into ASP.NET's request buffer, stopping once it passes <paramref name="cap"/>.</summary>
    private static async Task<bool> BufferUpToAsync(HttpContext context, long cap)
    {
        context.Request.EnableBuffering();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        try
        {
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                total += read;
                if (total > cap) return false;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
        context.Request.Body.Position = 0;
        return true;
    }

    private static void Refuse(HttpContext context, long maxBytes, long? length, string advice)
    {
        context.Items[RefusedKey] = length is { } bytes
            ? $"The file is {Megabytes(bytes)}; the limit is {Megabytes(maxBytes)}. {advice}"
            : $"The file is over the limit of {Megabytes(maxBytes)}. {advice}";
        // Nothing of the post is used: the page is shown as for a GET, so no handler can act on a part of the body.
        context.Request.Method = HttpMethods.Get;
        context.Request.Body = Stream.Null;
        context.Request.ContentLength = 0;
        context.Request.ContentType = null;
        context.Request.QueryString = QueryString.Empty;
    }

    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):#,0.#} MB");
}

/// <summary>Shows an upload refused by <see cref="UploadLimits"/> on its page: the message beside Input.File and a 400.</summary>
public sealed class UploadRefusalFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (context.HttpContext.Items[UploadLimits.RefusedKey] is not string message || context.HandlerInstance is not PageModel page) return;
        if (executed.Result is not (null or PageResult)) return;
        page.ModelState.AddModelError("Input.File", message);
        executed.Result = page.WithStatus(StatusCodes.Status400BadRequest);
    }
}
