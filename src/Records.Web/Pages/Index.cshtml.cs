using Records.Core.Amounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Core.ServiceAwards;
using Records.Web.Infrastructure;
using Records.Core.Home;

namespace Records.Web.Pages;

/// <summary>The public front page, or for a signed-in person one panel per role with what needs their attention.</summary>
public class IndexModel(RecordsDbContext db, FoundationClock clock, VersionedCache cache, Microsoft.Extensions.Options.IOptions<RecordsOptions> options) : PageModel
{
    public PublicPanel? Public { get; private set; }
    public WorkGroupPanel? WorkGroup { get; private set; }
    public StaffPanel? Staff { get; private set; }
    public BoardPanel? Board { get; private set; }
    public AdminPanel? Admin { get; private set; }
    /// <summary>Today in the foundation's time zone: the day that decides which round a nomination joins.</summary>
    public DateOnly Today { get; private set; }
    public RecordsOptions Options => options.Value;
    public FoundationClock Clock => clock;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        if (User.Identity?.IsAuthenticated != true)
        {
            Public = await LoadPublicAsync(ct);
            return;
        }
        if (User.IsInRole(Roles.WorkGroup) || User.IsInRole(Roles.Chair))
        {
            WorkGroup = await WorkGroupPanel.LoadAsync(db, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value, User.IsInRole(Roles.Chair), Today,
                await TakingNominations.OnAsync(db, Today, ct), ct);
        }
        if (User.IsInRole(Roles.Staff)) Staff = await StaffPanel.LoadAsync(db, cache, Today, options.Value.Sponsorships.EndingReminderDays,
            new Money(options.Value.Donations.AcknowledgementThresholdMinor, options.Value.Donations.AcknowledgementCurrency.ToUpperInvariant()), ct);
        if (User.IsInRole(Roles.Board)) Board = await BoardPanel.LoadAsync(db, Today, ct);
        if (User.IsInRole(Roles.Admin)) Admin = await AdminPanel.LoadAsync(db, clock.Now, ct);
    }

    private async Task<PublicPanel> LoadPublicAsync(CancellationToken ct)
    {
        var latest = await db.Fellows.AsNoTracking().OrderByDescending(f => f.Year).ThenByDescending(f => f.Quarter)
            .Select(f => new { f.Year, f.Quarter }).FirstOrDefaultAsync(ct);
        var fellows = latest is null
            ? []
            : await db.Fellows.AsNoTracking().Where(f => f.Year == latest.Year && f.Quarter == latest.Quarter)
                .OrderBy(f => f.Position).Select(f => f.Person.Name).ToListAsync(ct);
        var awards = await db.ServiceAwards.AsNoTracking().Where(a => a.Status == ServiceAwardStatus.Approved)
            .OrderByDescending(a => a.Year).ThenByDescending(a => a.Quarter).Take(5)
            .Select(a => new { a.RecipientName, a.Year, a.Quarter, a.Resolution }).ToListAsync(ct);
        return new PublicPanel(
            latest is null ? null : new YearQuarter(latest.Year, latest.Quarter).Name,
            fellows,
            await db.Fellows.CountAsync(ct),
            // The public reads the Board's resolution, never the confidential reasons of the proposal.
            awards.Select(a => new PublicPanel.Award(a.RecipientName, a.Year, a.Quarter, a.Resolution is { } r ? Resolution.ReasonSentence(r, a.RecipientName) : "")).ToList(),
            await TakingNominations.OnAsync(db, Today, ct));
    }
}
