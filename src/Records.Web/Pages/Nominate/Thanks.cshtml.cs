using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Records.Web.Pages.Nominate;

/// <summary>The answer a form caught by the honeypot gets: it looks like success and says nothing in particular.</summary>
public class ThanksModel : PageModel
{
    public void OnGet() { }
}
