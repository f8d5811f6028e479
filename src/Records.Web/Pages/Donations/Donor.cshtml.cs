using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Amounts;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Donations;

/// <summary>
/// One donor's giving: a person's, or with ?organisation=true a sponsor's. Gifts given anonymously are left out, as in
/// the ledger, so the page never ties them to a name. Five queries whatever the number of gifts.
/// </summary>
public class DonorModel(RecordsDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public bool Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public string Name { get; private set; } = "";
    public string? Email { get; private set; }
    public IReadOnlyList<YearTotal> Years { get; private set; } = [];
    public Gift? First { get; private set; }
    public Gift? Last { get; private set; }
    public Paged<Gift> Gifts { get; private set; } = new([], 1, PageSize, 0);

    public static string PersonLink(int personId) => $"/Donations/Donor/{personId}";
    public static string OrganisationLink(int sponsorId) => $"/Donations/Donor/{sponsorId}?organisation=true";

    public sealed record YearTotal(int Year, string Currency, int Count, long GrossMinor, long FeesMinor)
    {
        public Money Gross => new(GrossMinor, Currency);
        public Money Net => new(GrossMinor - FeesMinor, Currency);
    }

    public sealed record Gift(int Id, DateOnly ReceivedOn, long AmountMinor, long FeeMinor, string Currency, DonationChannel Channel, string? Campaign,
        bool IsRecurring, DateOnly? AcknowledgedOn)
    {
        public Money Amount => new(AmountMinor, Currency);
        public Money Net => new(AmountMinor - FeeMinor, Currency);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var donor = Organisation
            ? await db.Sponsors.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Name, Email = s.PrimaryContactEmail }).SingleOrDefaultAsync(ct)
            : await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Name, p.Email }).SingleOrDefaultAsync(ct);
        if (donor is null) return NotFound();
        (Name, Email) = (donor.Name, donor.Email);

        var gifts = (Organisation ? db.Donations.Where(d => d.OrganisationId == id) : db.Donations.Where(d => d.PersonId == id))
            .AsNoTracking().Where(d => !d.IsAnonymous);
        Years = (await gifts.GroupBy(d => new { d.ReceivedOn.Year, d.Currency })
                .Select(g => new YearTotal(g.Key.Year, g.Key.Currency, g.Count(), g.Sum(d => d.AmountMinor), g.Sum(d => d.FeeMinor)))
                .ToListAsync(ct))
            .OrderByDescending(y => y.Year).ThenBy(y => y.Currency, StringComparer.Ordinal).ToList();
        var total = Years.Sum(y => y.Count);
        if (total == 0) return Page();

        First = await Rows(gifts.OrderBy(d => d.ReceivedOn).ThenBy(d => d.Id)).FirstAsync(ct);
        Last = await Rows(gifts.OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Id)).FirstAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        P = Math.Clamp(P, 1, pages);
        var rows = await Rows(gifts.OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Id)).Skip((P - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Gifts = new Paged<Gift>(rows, P, PageSize, total);
        return Page();
    }

    private static IQueryable<Gift> Rows(IQueryable<Donation> ordered) =>
        ordered.Select(d => new Gift(d.Id, d.ReceivedOn, d.AmountMinor, d.FeeMinor, d.Currency, d.Channel, d.Campaign != null ? d.Campaign.Name : null,
            d.IsRecurring, d.AcknowledgedOn));

    public string Link(int page) => $"/Donations/Donor/{RouteData.Values["id"]}?{(Organisation ? "organisation=true&" : "")}p={page}";
}
