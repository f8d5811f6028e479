using Records.Core.Calendar;
using Records.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.ServiceAwards;

namespace Records.Web.Pages.ServiceAwards;

/// <summary>The public list of Community Service Award recipients: approved awards only, never a proposal or its proposer.</summary>
public class RecipientsModel(RecordsDbContext db) : PageModel
{
    public sealed record Recipient(int Id, string Name, bool IsGroup, string Reason);
    public sealed record QuarterGroup(int Year, int Quarter, List<Recipient> Recipients)
    {
        public YearQuarter YearQuarter => new(Year, Quarter);
    }
    public sealed record YearGroup(int Year, List<QuarterGroup> Quarters)
    {
        public int Count => Quarters.Sum(q => q.Recipients.Count);
    }

    public List<YearGroup> Years { get; private set; } = [];
    public int Total => Years.Sum(y => y.Count);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var awards = await db.ServiceAwards.AsNoTracking()
            .Where(a => a.Status == ServiceAwardStatus.Approved)
            .OrderByDescending(a => a.Year).ThenByDescending(a => a.Quarter).ThenBy(a => a.RecipientName).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.RecipientName, a.RecipientIsGroup, a.Year, a.Quarter, a.Resolution })
            .ToListAsync(ct);
        Years = awards
            .GroupBy(a => a.Year)
            .Select(y => new YearGroup(y.Key, y
                .GroupBy(a => a.Quarter)
                .Select(q => new QuarterGroup(y.Key, q.Key, q
                    .Select(a => new Recipient(a.Id, a.RecipientName, a.RecipientIsGroup, a.Resolution is null ? "" : Resolution.Reason(a.Resolution, a.RecipientName)))
                    .ToList()))
                .ToList()))
            .ToList();
    }

    public static string Plural(int count, string noun) => Counting.Plural(count, noun);
}
