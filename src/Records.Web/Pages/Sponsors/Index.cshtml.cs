using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Sponsors;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Sponsors;

public class IndexModel(RecordsDbContext db, FoundationClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public bool Searching => !string.IsNullOrWhiteSpace(Q);
    public int Total { get; private set; }
    public IReadOnlyList<TierGroup> Groups { get; private set; } = [];

    public record TierGroup(string Title, IReadOnlyList<SponsorRow> Sponsors);

    public record SponsorRow(int Id, string Name, string? Website, string Fees, string Received);

    private record Current(int SponsorId, int PackageId, string Package, string Program, int Year, int Rank);

    public async Task OnGetAsync()
    {
        var today = clock.Today;
        var matching = db.Sponsors.AsNoTracking();
        if (Searching)
        {
            var q = Q!.Trim().ToLower();
            matching = matching.Where(s => s.Name.ToLower().Contains(q));
        }
        var ids = matching.Select(s => s.Id);
        var sponsors = await matching.OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.Website }).ToListAsync();
        var current = await db.Sponsorships.AsNoTracking()
            .Where(s => ids.Contains(s.SponsorId) && s.PackageId != null && s.Status != SponsorshipStatus.Rejected && s.StartsOn <= today && s.EndsOn >= today)
            .Select(s => new Current(s.SponsorId, s.Package!.Id, s.Package.Name, s.Program.Name, s.Package.Year, s.Package.Rank))
            .ToListAsync();
        var fees = await db.Sponsorships.AsNoTracking()
            .Where(s => ids.Contains(s.SponsorId) && s.Status != SponsorshipStatus.Rejected && s.FeeMinor != null)
            .GroupBy(s => new { s.SponsorId, s.Currency })
            .Select(g => new { g.Key.SponsorId, Amount = new Amount(g.Key.Currency, g.Sum(s => s.FeeMinor!.Value)) })
            .ToListAsync();
        var received = await (from p in db.Payments.AsNoTracking()
                              join s in db.Sponsorships on p.SponsorshipId equals s.Id
                              where ids.Contains(s.SponsorId)
                              group p by new { s.SponsorId, p.Currency } into g
                              select new { g.Key.SponsorId, Amount = new Amount(g.Key.Currency, g.Sum(p => p.AmountMinor)) })
            .ToListAsync();

        var tierOf = current.GroupBy(c => c.SponsorId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Rank).ThenBy(c => c.Program).First());
        var rows = sponsors.Select(s => (Tier: tierOf.GetValueOrDefault(s.Id), Row: new SponsorRow(s.Id, s.Name, s.Website,
            Amounts.Format(fees.Where(f => f.SponsorId == s.Id).Select(f => f.Amount)),
            Amounts.Format(received.Where(r => r.SponsorId == s.Id).Select(r => r.Amount))))).ToList();
        Total = rows.Count;
        Groups =
        [
            .. rows.Where(r => r.Tier is not null)
                .GroupBy(r => r.Tier!.PackageId)
                .OrderBy(g => g.First().Tier!.Rank).ThenBy(g => g.First().Tier!.Program).ThenByDescending(g => g.First().Tier!.Year)
                .Select(g => new TierGroup($"{g.First().Tier!.Package} · {g.First().Tier!.Program} {g.First().Tier!.Year}", [.. g.Select(r => r.Row)])),
            .. rows.Any(r => r.Tier is null) ? [new TierGroup("No current sponsorship", [.. rows.Where(r => r.Tier is null).Select(r => r.Row)])] : Array.Empty<TierGroup>(),
        ];
    }

    public static string Plural(int count, string noun) => Counting.Plural(count, noun);
}
