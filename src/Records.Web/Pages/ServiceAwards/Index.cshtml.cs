using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.ServiceAwards;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.ServiceAwards;

/// <summary>Community Service Award proposals for the Board and Staff: open ones in the order received, then the decided.</summary>
public class IndexModel(RecordsDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string Show { get; set; } = "open";
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public sealed record Row(int Id, string Recipient, bool IsGroup, int Year, int Quarter, string? Proposer, DateTime ProposedAt,
        ServiceAwardStatus Status, DateOnly? DecidedOn, DateOnly? PaidOn)
    {
        public YearQuarter YearQuarter => new(Year, Quarter);
    }

    public Paged<Row> Rows { get; private set; } = new([], 1, PageSize, 0);
    public int OpenCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var open = db.ServiceAwards.AsNoTracking().Where(a => a.Status == ServiceAwardStatus.Proposed || a.Status == ServiceAwardStatus.HeldOver);
        OpenCount = await open.CountAsync(ct);
        var query = Show == "decided"
            ? db.ServiceAwards.AsNoTracking().Where(a => a.Status == ServiceAwardStatus.Approved || a.Status == ServiceAwardStatus.Declined)
                .OrderByDescending(a => a.DecidedOn).ThenByDescending(a => a.Id)
            : open.OrderBy(a => a.ProposedAt).ThenBy(a => a.Id);
        Rows = await query.Select(a => new Row(a.Id, a.RecipientName, a.RecipientIsGroup, a.Year, a.Quarter, a.ProposerName, a.ProposedAt, a.Status, a.DecidedOn, a.PaidOn))
            .ToPagedAsync(P, PageSize, ct);
    }

    public string Link(int page) => $"/ServiceAwards?show={Show}&p={page}";
}
