using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Records.Core.Data;

namespace Records.Web.Infrastructure;

/// <summary>
/// A write that waited its whole busy timeout for another writer's lock (see <see cref="IDatabaseProvider.IsBusy"/>) re-renders its page
/// with what was typed, a message and a 503 with Retry-After, instead of an error page that loses the form.
/// </summary>
public sealed class DatabaseBusyFilter : IAsyncPageFilter
{
    public const int RetryAfterSeconds = 5;
    public const string Message = "Records is busy saving other work right now, so nothing was saved. What you entered is still here: send it again in a few seconds.";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } failure || executed.ExceptionHandled || !DatabaseProvider.All.Any(p => p.IsBusy(failure)) || context.HandlerInstance is not PageModel page) return;
        executed.ExceptionHandled = true;
        // Above the page through the layout's flash, so every form shows it, with or without a validation summary.
        page.TempData["FlashError"] = Message;
        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        executed.Result = page.WithStatus(StatusCodes.Status503ServiceUnavailable);
    }
}
