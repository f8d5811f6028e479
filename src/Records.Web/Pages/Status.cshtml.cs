using Records.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Records.Web.Pages;

[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public IActionResult OnGet() => Show();

    // A re-executed POST (a 404 or 403 on a form) lands here too.
    public IActionResult OnPost() => Show();

    private PageResult Show()
    {
        // Read from the route, not bound: binding would read the posted form first, and a form too large to read
        // would leave the code unbound and show a 404.
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var value) ? value : 404;
        Code = code is >= 400 and <= 599 ? code : 404;
        if (Code == 400 && IsOverBodyLimit()) Code = 413;
        (Heading, Message) = Code switch
        {
            403 => ("You do not have access to this page", "Your account does not hold the role this page needs. If you think it should, ask an Admin."),
            404 => ("Page not found", "There is no page at this address. It may have moved, or the link may be mistyped."),
            400 => ("That request could not be understood", "Go back and try again."),
            413 => ("That upload is too large", "Go back and choose a smaller file; each page that takes a file says its limit."),
            429 => ("Too many requests from your address", "Too many forms have been sent from your network address in the last hour. This one was not saved: go back to keep what you wrote, and send it again in an hour."),
            _ => ("Something went wrong", "The request could not be completed."),
        };
        return this.WithStatus(Code);
    }

    private bool IsOverBodyLimit() =>
        HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit
        && Request.ContentLength > limit;
}
