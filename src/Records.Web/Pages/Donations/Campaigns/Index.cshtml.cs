using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Amounts;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Donations.Campaigns;

/// <summary>
/// Campaigns with their goal and what they have raised in the goal's currency: a page of campaigns, then one GROUP BY
/// over the daily sums of that page's campaigns.
/// </summary>
public class IndexModel(RecordsDbContext db) : PageModel
{
    public const int PageSize = 25;

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public Paged<Row> Campaigns { get; private set; } = new([], 1, PageSize, 0);

    public sealed record Row(int Id, string Name, string? Description, long? GoalMinor, string Currency, DateOnly? StartsOn, DateOnly? EndsOn,
        long RaisedMinor, int Gifts, int GiftsInOtherCurrencies)
    {
        public Money Raised => new(RaisedMinor, Currency);
        public Money? Goal => GoalMinor is { } goal ? new Money(goal, Currency) : null;
        /// <summary>Whole percent of the goal raised, rounded down; over 100 when the goal is passed.</summary>
        public int? Percent => GoalMinor is { } goal && goal > 0 ? (int)Math.Min(RaisedMinor * 100 / goal, 9999) : null;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await db.Campaigns.AsNoTracking()
            .OrderByDescending(c => c.StartsOn == null ? 0 : 1).ThenByDescending(c => c.StartsOn).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Description, c.GoalMinor, c.Currency, c.StartsOn, c.EndsOn })
            .ToPagedAsync(P, PageSize, ct);
        var ids = page.Items.Select(c => c.Id).ToList();
        var sums = (await db.DonationDays.AsNoTracking().Where(d => ids.Contains(d.CampaignId))
                .GroupBy(d => new { d.CampaignId, d.Currency })
                .Select(g => new { g.Key.CampaignId, g.Key.Currency, Minor = g.Sum(d => d.AmountMinor), Gifts = g.Sum(d => d.Gifts) })
                .ToListAsync(ct))
            .ToLookup(s => s.CampaignId);
        var rows = page.Items.Select(c =>
        {
            var raised = sums[c.Id];
            return new Row(c.Id, c.Name, c.Description, c.GoalMinor, c.Currency, c.StartsOn, c.EndsOn,
                raised.Where(s => s.Currency == c.Currency).Sum(s => s.Minor), raised.Sum(s => s.Gifts),
                raised.Where(s => s.Currency != c.Currency).Sum(s => s.Gifts));
        }).ToList();
        Campaigns = new Paged<Row>(rows, page.Page, page.PageSize, page.Total);
    }

    public static string Link(int page) => $"/Donations/Campaigns?p={page}";

    public static string Dates(DateOnly? starts, DateOnly? ends) => (starts, ends) switch
    {
        ({ } s, { } e) => $"{s:MMM d, yyyy} – {e:MMM d, yyyy}",
        ({ } s, null) => $"from {s:MMM d, yyyy}",
        (null, { } e) => $"until {e:MMM d, yyyy}",
        _ => "no dates set",
    };
}
