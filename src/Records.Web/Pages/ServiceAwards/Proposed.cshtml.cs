using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Records.Web.Pages.ServiceAwards;

/// <summary>The answer to every public proposal (and to a robot caught by the honeypot): it says nothing of the proposal, which is confidential.</summary>
public class ProposedModel : PageModel
{
    public void OnGet() { }
}
