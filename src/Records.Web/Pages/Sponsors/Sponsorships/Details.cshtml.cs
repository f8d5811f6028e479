using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Data;
using Records.Core.Sponsors;
using Records.Core.Text;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Sponsors.Sponsorships;

/// <summary>One sponsorship: its terms, balance, status and contract with their next steps, history and payments.</summary>
public class DetailsModel(RecordsDbContext db, FoundationClock clock, IOptions<RecordsOptions> options) : PageModel
{
    /// <summary>The add-payment form.</summary>
    [BindProperty] public InputModel Input { get; set; } = new();

    public Summary Item { get; private set; } = null!;
    public IReadOnlyList<PaymentRow> Payments { get; private set; } = [];
    public IReadOnlyList<SponsorshipEvent> History { get; private set; } = [];

    public sealed record Summary(int Id, int SponsorId, string Sponsor, string Program, string? Package, int? PackageYear, string? Description,
        DateOnly StartsOn, DateOnly EndsOn, long? FeeMinor, long? InKindValueMinor, string Currency, SponsorshipStatus Status, DateTime StatusChangedAt,
        ContractStatus ContractStatus, DateTime ContractStatusChangedAt, long PaidMinor)
    {
        public long? DueMinor => BalanceDue.Of(FeeMinor, PaidMinor, Status);
        public IReadOnlyList<SponsorshipStatus> NextStatuses => SponsorshipLifecycle.NextStatuses(Status);
        public IReadOnlyList<ContractStatus> NextContractStatuses => SponsorshipLifecycle.NextContractStatuses(Status, ContractStatus);
    }

    public sealed record PaymentRow(int Id, DateOnly ReceivedOn, long AmountMinor, string Currency, PaymentMethod Method, string? Reference);

    public class InputModel
    {
        public string ReceivedOn { get; set; } = "";
        public string Amount { get; set; } = "";
        public string Currency { get; set; } = "";
        public PaymentMethod Method { get; set; } = PaymentMethod.BankTransfer;
        public string? Reference { get; set; }
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator(string currency, DateOnly today)
        {
            RuleFor(x => x.ReceivedOn).Must(d => Terms.ParseDate(d) is not null).WithMessage("Enter the date the payment arrived, such as 2025-03-31.");
            RuleFor(x => x.ReceivedOn).Must(d => Terms.ParseDate(d) <= today).When(x => Terms.ParseDate(x.ReceivedOn) is not null)
                .WithMessage("A payment cannot be received in the future.");
            RuleFor(x => x.Currency).Must(c => string.Equals(c?.Trim(), currency, StringComparison.OrdinalIgnoreCase))
                .WithMessage($"Payments on this sponsorship are in {currency}.");
            RuleFor(x => x.Amount).Cascade(CascadeMode.Stop).IsAmountIn(_ => currency)
                .Must(a => Terms.ParseAmount(a, currency) is > 0).WithMessage("Enter the amount received, such as 5,000.");
            RuleFor(x => x.Amount).Must(a => Terms.ParseAmount(a, currency) <= SponsorshipTerms.MaxAmountMinor(currency))
                .When(x => Terms.ParseAmount(x.Amount, currency) is > 0)
                .WithMessage($"That is more than {Terms.Format(SponsorshipTerms.MaxAmountMinor(currency), currency)}; check the amount.");
            RuleFor(x => x.Method).IsInEnum().WithMessage("Choose how it was paid.");
            RuleFor(x => x.Reference).MaximumLength(Limits.Name).WithMessage("Keep the reference under 200 characters.");
        }
    }

    public RecordsOptions Options => options.Value;
    public FoundationClock Clock => clock;

    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new InputModel { ReceivedOn = Terms.IsoDate(Today), Currency = Item.Currency };
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, SponsorshipStatus to)
    {
        if (await db.Sponsorships.SingleOrDefaultAsync(s => s.Id == id) is not { } s) return NotFound();
        if (!Enum.IsDefined(to) || SponsorshipLifecycle.RefuseStatus(s.Status, to) is not null)
        {
            return await RefuseAsync(id, SponsorshipLifecycle.RefuseStatus(s.Status, to) ?? "Choose one of the statuses offered.");
        }
        var now = clock.Now.UtcDateTime;
        Terms.Record(s, SponsorshipChange.Status, s.Status.ToString(), to.ToString(), null, Terms.Who(User), now);
        s.Status = to;
        s.StatusChangedAt = now;
        return await SaveAsync(id, $"The sponsorship is now {to.DisplayName()}.");
    }

    public async Task<IActionResult> OnPostContractAsync(int id, ContractStatus to)
    {
        if (await db.Sponsorships.SingleOrDefaultAsync(s => s.Id == id) is not { } s) return NotFound();
        if (!Enum.IsDefined(to) || SponsorshipLifecycle.RefuseContract(s.Status, s.ContractStatus, to) is not null)
        {
            return await RefuseAsync(id, SponsorshipLifecycle.RefuseContract(s.Status, s.ContractStatus, to) ?? "Choose one of the contract statuses offered.");
        }
        var now = clock.Now.UtcDateTime;
        Terms.Record(s, SponsorshipChange.Contract, s.ContractStatus.ToString(), to.ToString(), null, Terms.Who(User), now);
        s.ContractStatus = to;
        s.ContractStatusChangedAt = now;
        return await SaveAsync(id, $"The contract is now {to.DisplayName()}.");
    }

    public async Task<IActionResult> OnPostPaymentAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.AddErrors(new Validator(Item.Currency, Today).Validate(Input))) return this.Invalid();
        var amount = Terms.ParseAmount(Input.Amount, Item.Currency)!.Value;
        db.Payments.Add(new Payment
        {
            SponsorshipId = id, ReceivedOn = Terms.ParseDate(Input.ReceivedOn)!.Value, AmountMinor = amount, Currency = Item.Currency,
            Method = Input.Method, Reference = string.IsNullOrWhiteSpace(Input.Reference) ? null : Input.Reference.Trim(),
        });
        await db.SaveChangesAsync();
        TempData["Flash"] = $"Recorded a payment of {Terms.Format(amount, Item.Currency)}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeletePaymentAsync(int id, int paymentId)
    {
        if (await db.Payments.SingleOrDefaultAsync(p => p.Id == paymentId && p.SponsorshipId == id) is not { } payment) return NotFound();
        db.Payments.Remove(payment);
        await db.SaveChangesAsync();
        TempData["Flash"] = $"Deleted the payment of {Terms.Format(payment.AmountMinor, payment.Currency)} received on {Terms.Day(payment.ReceivedOn)}.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> SaveAsync(int id, string flash)
    {
        if (!await db.TrySaveAsync())
            return await RefuseAsync(id, "Someone else changed this sponsorship at the same moment. Look at it again, then make your change.", StatusCodes.Status409Conflict);
        TempData["Flash"] = flash;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RefuseAsync(int id, string message, int status = StatusCodes.Status400BadRequest)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        Input = new InputModel { ReceivedOn = Terms.IsoDate(Today), Currency = Item.Currency };
        ModelState.Clear();
        ModelState.AddModelError("", message);
        return this.WithStatus(status);
    }

    /// <param name="ct">The request's token on a GET; a post's reads run to the end with its save.</param>
    private async Task<bool> LoadAsync(int id, CancellationToken ct = default)
    {
        var item = await db.Sponsorships.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new Summary(s.Id, s.SponsorId, s.Sponsor.Name, s.Program.Name, s.Package != null ? s.Package.Name : null, s.Package != null ? s.Package.Year : null,
                s.Description, s.StartsOn, s.EndsOn, s.FeeMinor, s.InKindValueMinor, s.Currency, s.Status, s.StatusChangedAt, s.ContractStatus, s.ContractStatusChangedAt,
                s.Payments.Sum(p => (long?)p.AmountMinor) ?? 0))
            .SingleOrDefaultAsync(ct);
        if (item is null) return false;
        Item = item;
        Payments = await db.Payments.AsNoTracking().Where(p => p.SponsorshipId == id).OrderByDescending(p => p.ReceivedOn).ThenByDescending(p => p.Id)
            .Select(p => new PaymentRow(p.Id, p.ReceivedOn, p.AmountMinor, p.Currency, p.Method, p.Reference)).ToListAsync(ct);
        History = await db.SponsorshipEvents.AsNoTracking().Where(e => e.SponsorshipId == id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct);
        return true;
    }
}
