using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Records.Web.Pages;

[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public IActionResult OnGet(int code) => Show(code);

    // A re-executed POST (a 404 or 403 on a form) lands here too.
    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        (Heading, Message) = Code switch
        {
            403 => ("You do not have access to this page", "Your account does not hold the role this page needs. If you think it should, ask an Admin."),
            404 => ("Page not found", "There is no page at this address. It may have moved, or the link may be mistyped."),
            400 => ("That request could not be understood", "Go back and try again."),
            429 => ("Too many requests from your address", "Too many forms have been sent from your network address in the last hour. This one was not saved: go back to keep what you wrote, and send it again in an hour."),
            _ => ("Something went wrong", "The request could not be completed."),
        };
        var result = Page();
        result.StatusCode = Code;
        return result;
    }
}
