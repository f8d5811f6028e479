using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Amounts;
using Records.Core.Sponsors;

namespace Records.Web.Pages.Sponsors;

public class DetailsModel(RecordsDbContext db) : PageModel
{
    public Sponsor Sponsor { get; private set; } = null!;
    public IReadOnlyList<SponsorshipRow> Sponsorships { get; private set; } = [];
    public IReadOnlyList<PaymentRow> Payments { get; private set; } = [];
    public IReadOnlyList<YearRow> Years { get; private set; } = [];

    public record SponsorshipRow(int Id, string Program, string? Package, int? PackageYear, string? Description, DateOnly StartsOn, DateOnly EndsOn,
        long? FeeMinor, long? InKindValueMinor, string Currency, SponsorshipStatus Status, ContractStatus ContractStatus, long PaidMinor)
    {
        public string Fee => FeeMinor is { } fee ? Money(fee) : InKindValueMinor is { } value ? $"{Money(value)} in kind" : "not stated";
        public string Paid => Money(PaidMinor);
        public string Due => BalanceDue.Of(FeeMinor, PaidMinor, Status) is { } due ? Money(due) : "—";
        private string Money(long minor) => new Money(minor, Currency).Format(dropZeroMinor: true);
    }

    public record PaymentRow(DateOnly ReceivedOn, string Program, long AmountMinor, string Currency, PaymentMethod Method, string? Reference)
    {
        public string Amount => new Money(AmountMinor, Currency).Format();
    }

    public record YearRow(int Year, string Fees, string Received);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Sponsors.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } sponsor) return NotFound();
        Sponsor = sponsor;
        Sponsorships = await db.Sponsorships.AsNoTracking().Where(s => s.SponsorId == id)
            .OrderByDescending(s => s.StartsOn).ThenBy(s => s.Program.Name)
            .Select(s => new SponsorshipRow(s.Id, s.Program.Name, s.Package != null ? s.Package.Name : null, s.Package != null ? s.Package.Year : null,
                s.Description, s.StartsOn, s.EndsOn, s.FeeMinor, s.InKindValueMinor, s.Currency, s.Status, s.ContractStatus,
                s.Payments.Sum(p => (long?)p.AmountMinor) ?? 0))
            .ToListAsync(ct);
        var payments = from p in db.Payments.AsNoTracking()
                       join s in db.Sponsorships on p.SponsorshipId equals s.Id
                       where s.SponsorId == id
                       select new { Payment = p, Program = s.Program.Name };
        Payments = await payments.OrderByDescending(x => x.Payment.ReceivedOn)
            .Select(x => new PaymentRow(x.Payment.ReceivedOn, x.Program, x.Payment.AmountMinor, x.Payment.Currency, x.Payment.Method, x.Payment.Reference))
            .ToListAsync(ct);
        var fees = await db.Sponsorships.AsNoTracking()
            .Where(s => s.SponsorId == id && s.Status != SponsorshipStatus.Rejected && s.FeeMinor != null)
            .GroupBy(s => new { s.StartsOn.Year, s.Currency })
            .Select(g => new { g.Key.Year, Amount = new Amount(g.Key.Currency, g.Sum(s => s.FeeMinor!.Value)) })
            .ToListAsync(ct);
        var received = await payments.GroupBy(x => new { x.Payment.ReceivedOn.Year, x.Payment.Currency })
            .Select(g => new { g.Key.Year, Amount = new Amount(g.Key.Currency, g.Sum(x => x.Payment.AmountMinor)) })
            .ToListAsync(ct);
        Years = [.. fees.Select(f => f.Year).Union(received.Select(r => r.Year)).OrderDescending()
            .Select(y => new YearRow(y, Amounts.Format(fees.Where(f => f.Year == y).Select(f => f.Amount)), Amounts.Format(received.Where(r => r.Year == y).Select(r => r.Amount))))];
        return Page();
    }
}
