using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Data;

namespace Records.Web.Pages.Nominate;

/// <summary>After a nomination is sent: which round it joined and when that round's cut-off is. The key is the form's own.</summary>
public class ReceivedModel(RecordsDbContext db) : PageModel
{
    public sealed record Summary(string NomineeName, string NominatorEmail, int Year, int Quarter, DateOnly CutOff, DateOnly ReviewEnds)
    {
        public string Round => new YearQuarter(Year, Quarter).Name;
    }

    public Summary Nomination { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key)) return NotFound();
        var found = await db.Nominations.AsNoTracking()
            .Where(n => n.SubmissionKey == key)
            .Select(n => new Summary(n.Nominee.Name, n.NominatorEmail, n.Round.Year, n.Round.Quarter, n.Round.CutOff, n.Round.ReviewEnds))
            .FirstOrDefaultAsync(ct);
        if (found is null) return NotFound();
        Nomination = found;
        return Page();
    }
}
