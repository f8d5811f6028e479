using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Nominations.Rounds;

/// <summary>The Chair's rounds: open one for votes, remind those who owe votes, close it, move its dates, add the next.</summary>
public class IndexModel(RecordsDbContext db, IOptions<RecordsOptions> options, FoundationClock clock) : PageModel
{
    public const int PageSize = 12;

    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public sealed record Row(int Id, int Year, int Quarter, DateOnly CutOff, DateOnly ReviewEnds, RoundStatus Status, DateTime? ClosedAt,
        DateTime? ReminderSentAt, int UnderReview, int Decided)
    {
        public string Name => new YearQuarter(Year, Quarter).Name;
    }

    public Paged<Row> Rounds { get; private set; } = new([], 1, PageSize, 0);
    public Dictionary<int, int> Owing { get; private set; } = [];
    public YearQuarter? NextMissing { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).ThenByDescending(r => r.Quarter)
            .Select(r => new Row(r.Id, r.Year, r.Quarter, r.CutOff, r.ReviewEnds, r.Status, r.ClosedAt, r.ReminderSentAt,
                db.Nominations.Count(n => n.RoundId == r.Id && n.Status == NominationStatus.UnderReview),
                db.Nominations.Count(n => n.RoundId == r.Id && n.Status != NominationStatus.UnderReview)))
            .ToPagedAsync(P, PageSize, ct);
        Owing = await VoteReminders.CountsAsync(db, Rounds.Items.Where(r => r.Status == RoundStatus.Open).Select(r => r.Id).ToList(), ct);
        NextMissing = await NextToCreateAsync(ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(int id)
    {
        var round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == id);
        if (round is null) return NotFound();
        if (round.Status != RoundStatus.Upcoming) return await RefuseAsync($"{round.Name} is {round.Status}; only an upcoming round can be opened.");
        round.Status = RoundStatus.Open;
        await db.SaveChangesAsync();
        TempData["Flash"] = $"{round.Name} is open: the Work Group can vote until {round.ReviewEnds:MMM d, yyyy}.";
        return RedirectToPage(new { p = P });
    }

    public async Task<IActionResult> OnPostRemindAsync(int id)
    {
        var round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == id);
        if (round is null) return NotFound();
        if (round.Status != RoundStatus.Open) return await RefuseAsync($"{round.Name} is {round.Status}; reminders go out only for an open round.");
        var reminded = await VoteReminders.QueueAsync(db, round, options.Value.NominationSettings, clock.Now.UtcDateTime);
        await db.SaveChangesAsync();
        TempData["Flash"] = reminded == 0 ? "Every member has voted or recused on every nomination; nobody was reminded." : $"Reminded {reminded} member{(reminded == 1 ? "" : "s")}.";
        return RedirectToPage(new { p = P });
    }

    public async Task<IActionResult> OnPostCreateNextAsync()
    {
        if (await NextToCreateAsync() is not { } quarter) return await RefuseAsync("The next quarter's round already exists.");
        db.Rounds.Add(new Round { Year = quarter.Year, Quarter = quarter.Quarter, CutOff = quarter.CutOff, ReviewEnds = quarter.ReviewEnds, Status = RoundStatus.Upcoming });
        await db.SaveChangesAsync();
        TempData["Flash"] = $"{quarter.Name} is ready; it takes nominations until {quarter.CutOff:MMM d, yyyy}.";
        return RedirectToPage();
    }

    public string Link(int page) => $"/Nominations/Rounds?p={page}";

    /// <summary>The round taking nominations today if it is missing, else the one after it; null when both exist.</summary>
    private async Task<YearQuarter?> NextToCreateAsync(CancellationToken ct = default)
    {
        var current = RoundCalendar.RoundFor(clock.Today);
        var next = current.Next;
        var existing = await db.Rounds.AsNoTracking()
            .Where(r => (r.Year == current.Year && r.Quarter == current.Quarter) || (r.Year == next.Year && r.Quarter == next.Quarter))
            .Select(r => r.Quarter).ToListAsync(ct);
        if (!existing.Contains(current.Quarter)) return current;
        return existing.Contains(next.Quarter) ? null : next;
    }

    private async Task<IActionResult> RefuseAsync(string message)
    {
        ModelState.AddModelError("", message);
        await OnGetAsync(HttpContext.RequestAborted);
        return this.WithStatus(StatusCodes.Status409Conflict);
    }
}
