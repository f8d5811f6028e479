using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Amounts;
using Records.Core.Sponsors;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Sponsors.Sponsorships;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.Staff)]
public class EditModel(RecordsDbContext db, FoundationClock clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public Sponsorship? Sponsorship { get; private set; }
    public (int Id, string Name) Sponsor { get; private set; }
    public IReadOnlyList<(int Id, string Name)> ProgramChoices { get; private set; } = [];
    public IReadOnlyList<SponsorPackage> PackageChoices { get; private set; } = [];

    public static string Label(SponsorPackage k) => $"{k.Name} {k.Year} · {Terms.Format(k.PriceMinor, k.Currency)}{(k.InKindAccepted ? " · in kind accepted" : "")}";

    public class InputModel
    {
        public int ProgramId { get; set; }
        public int? PackageId { get; set; }
        public string? Description { get; set; }
        public string StartsOn { get; set; } = "";
        public string? EndsOn { get; set; }
        public string? Fee { get; set; }
        public string? InKindValue { get; set; }
        public string Currency { get; set; } = "USD";
        public Guid Version { get; set; }
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator(IReadOnlyCollection<int> programIds, IReadOnlyList<SponsorPackage> packages)
        {
            SponsorPackage? Package(InputModel x) => packages.FirstOrDefault(k => k.Id == x.PackageId);
            RuleFor(x => x.ProgramId).Must(programIds.Contains).WithMessage("Choose the program.");
            RuleFor(x => x.PackageId).Must((x, id) => id is null or 0 || Package(x)?.ProgramId == x.ProgramId)
                .WithMessage("Choose one of this program's packages, or none for a sponsorship outside the price list.");
            RuleFor(x => x.Description).MaximumLength(1000).WithMessage("Keep the description under 1,000 characters.");
            RuleFor(x => x.StartsOn).Must(d => Terms.ParseDate(d) is not null).WithMessage("Enter the start date, such as 2025-01-01.");
            RuleFor(x => x.EndsOn).Must(d => Terms.ParseDate(d) is not null).When(x => !string.IsNullOrWhiteSpace(x.EndsOn))
                .WithMessage("Enter the end date, such as 2025-12-31, or leave it empty for twelve months.");
            RuleFor(x => x.EndsOn).Must((x, d) => Terms.ParseDate(d) >= Terms.ParseDate(x.StartsOn))
                .When(x => Terms.ParseDate(x.EndsOn) is not null && Terms.ParseDate(x.StartsOn) is not null).WithMessage("The end is before the start.");
            RuleFor(x => x.Currency).Must(Currencies.IsKnown).WithMessage("Enter a three-letter currency code, such as USD.");
            RuleFor(x => x.Currency).Must((x, c) => string.Equals(c.Trim(), Package(x)!.Currency, StringComparison.OrdinalIgnoreCase))
                .When(x => Package(x) is not null && Currencies.IsKnown(x.Currency))
                .WithMessage(x => $"The {Package(x)!.Name} {Package(x)!.Year} package is priced in {Package(x)!.Currency}.");
            RuleFor(x => x.Fee).Cascade(CascadeMode.Stop).IsAmountIn(x => x.Currency.Trim())
                .Must((x, f) => Terms.ParseAmount(f, x.Currency) is { } m && m >= 0 && m <= SponsorshipTerms.MaxAmountMinor(x.Currency.Trim()))
                .WithMessage("Enter the agreed fee as an amount, such as 15,000.")
                .When(x => !string.IsNullOrWhiteSpace(x.Fee) && Currencies.IsKnown(x.Currency));
            RuleFor(x => x.InKindValue).Cascade(CascadeMode.Stop).IsAmountIn(x => x.Currency.Trim())
                .Must((x, v) => Terms.ParseAmount(v, x.Currency) is { } m && m > 0 && m <= SponsorshipTerms.MaxAmountMinor(x.Currency.Trim()))
                .WithMessage("Enter the value of the donated services at their commercial price, such as 20,000.")
                .When(x => !string.IsNullOrWhiteSpace(x.InKindValue) && Currencies.IsKnown(x.Currency));
            RuleFor(x => x.InKindValue).Must((x, _) => SponsorshipTerms.InKindAllowed(Package(x)))
                .When(x => !string.IsNullOrWhiteSpace(x.InKindValue))
                .WithMessage(x => $"The {Package(x)!.Name} {Package(x)!.Year} package does not take donated services; enter a fee instead.");
        }
    }

    public async Task<IActionResult> OnGetAsync(int? id, int? sponsorId, CancellationToken ct)
    {
        if (!await LoadAsync(id, sponsorId, ct)) return NotFound();
        if (Sponsorship is { } s)
        {
            Input = new InputModel
            {
                ProgramId = s.ProgramId, PackageId = s.PackageId, Description = s.Description, StartsOn = Terms.IsoDate(s.StartsOn), EndsOn = Terms.IsoDate(s.EndsOn),
                Fee = s.FeeMinor is { } fee ? Terms.Plain(fee, s.Currency) : null, InKindValue = s.InKindValueMinor is { } v ? Terms.Plain(v, s.Currency) : null,
                Currency = s.Currency, Version = s.Version,
            };
        }
        else
        {
            Input = new InputModel { StartsOn = Terms.IsoDate(clock.Today) };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? sponsorId)
    {
        if (!await LoadAsync(id, sponsorId)) return NotFound();
        if (Input.PackageId == 0) Input.PackageId = null;
        if (!ModelState.AddErrors(new Validator([.. ProgramChoices.Select(p => p.Id)], PackageChoices).Validate(Input))) return this.Invalid();
        if (Sponsorship is not null && Sponsorship.Version != Input.Version) return this.StaleEdit(Stale);

        if (Sponsorship is not null && !string.Equals(Sponsorship.Currency, Input.Currency.Trim(), StringComparison.OrdinalIgnoreCase)
            && await db.Payments.AnyAsync(p => p.SponsorshipId == Sponsorship.Id))
        {
            ModelState.AddModelError("Input.Currency", $"Payments were received in {Sponsorship.Currency}, so the currency stays {Sponsorship.Currency}.");
            return this.Invalid();
        }
        var package = Input.PackageId is { } packageId ? await db.SponsorPackages.SingleAsync(k => k.Id == packageId) : null;
        var takesPlace = package is not null && Sponsorship?.Status != SponsorshipStatus.Rejected && Sponsorship?.PackageId != package.Id;
        var now = clock.Now.UtcDateTime;
        var saved = Sponsorship is null ? Create(package, now) : Change(Sponsorship, package, now);
        string? full = null;
        var stored = await StaleEdits.TrySaveAsync(async () =>
        {
            if (takesPlace) full = await PackageCapacity.SaveTakingPlaceAsync(db, package!, id);
            else await db.SaveChangesAsync();
        });
        if (!stored) return this.StaleEdit(Stale);
        if (full is not null)
        {
            ModelState.AddModelError("Input.PackageId", full);
            return this.Invalid();
        }
        TempData["Flash"] = Sponsorship is null ? $"Recorded the sponsorship for {Sponsor.Name}." : "Saved the sponsorship's terms.";
        return RedirectToPage("Details", new { id = saved.Id });
    }

    private Sponsorship Create(SponsorPackage? package, DateTime now)
    {
        var s = db.Sponsorships.Add(new Sponsorship
        {
            SponsorId = Sponsor.Id, Currency = "", Status = SponsorshipStatus.Applied, StatusChangedAt = now,
            ContractStatus = ContractStatus.Draft, ContractStatusChangedAt = now,
        }).Entity;
        Apply(s, package);
        Terms.Record(s, SponsorshipChange.Created, null, SponsorshipStatus.Applied.ToString(),
            $"{Terms.Period(s.StartsOn, s.EndsOn)}, {Terms.Fee(s.FeeMinor, s.InKindValueMinor, s.Currency)}", Terms.Who(User), now);
        return s;
    }

    private Sponsorship Change(Sponsorship s, SponsorPackage? package, DateTime now)
    {
        var (period, fee, packageId) = (Terms.Period(s.StartsOn, s.EndsOn), Terms.Fee(s.FeeMinor, s.InKindValueMinor, s.Currency), s.PackageId);
        Apply(s, package);
        var (newPeriod, newFee) = (Terms.Period(s.StartsOn, s.EndsOn), Terms.Fee(s.FeeMinor, s.InKindValueMinor, s.Currency));
        if (newPeriod != period)
        {
            Terms.Record(s, SponsorshipChange.Period, period, newPeriod, null, Terms.Who(User), now);
            // A new end date gets its own reminder to Staff.
            s.EndingReminderQueuedAt = null;
        }
        if (newFee != fee || packageId != s.PackageId)
        {
            Terms.Record(s, SponsorshipChange.Fee, fee, newFee, packageId != s.PackageId ? $"Package now {(package is null ? "none" : $"{package.Name} {package.Year}")}." : null, Terms.Who(User), now);
        }
        return s;
    }

    private void Apply(Sponsorship s, SponsorPackage? package)
    {
        var currency = Input.Currency.Trim().ToUpperInvariant();
        s.ProgramId = Input.ProgramId;
        s.PackageId = package?.Id;
        s.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        s.StartsOn = Terms.ParseDate(Input.StartsOn)!.Value;
        s.EndsOn = Terms.ParseDate(Input.EndsOn) ?? SponsorshipTerms.DefaultEnd(s.StartsOn);
        s.Currency = currency;
        s.InKindValueMinor = Terms.ParseAmount(Input.InKindValue, currency);
        // Left empty, the fee is the package's price, unless the sponsor gives services instead.
        s.FeeMinor = Terms.ParseAmount(Input.Fee, currency) ?? (s.InKindValueMinor is null ? package?.PriceMinor : null);
    }

    /// <param name="ct">The request's token on a GET; a post's reads run to the end with its save.</param>
    private async Task<bool> LoadAsync(int? id, int? sponsorId, CancellationToken ct = default)
    {
        if (id is not null)
        {
            Sponsorship = await db.Sponsorships.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (Sponsorship is null) return false;
            sponsorId = Sponsorship.SponsorId;
        }
        var sponsor = await db.Sponsors.AsNoTracking().Where(s => s.Id == sponsorId).Select(s => new { s.Id, s.Name }).SingleOrDefaultAsync(ct);
        if (sponsor is null) return false;
        Sponsor = (sponsor.Id, sponsor.Name);
        ProgramChoices = [.. (await db.SponsorPrograms.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name))];
        var current = Sponsorship?.PackageId;
        PackageChoices = await db.SponsorPackages.AsNoTracking().Where(k => k.Active || k.Id == current)
            .OrderByDescending(k => k.Year).ThenBy(k => k.Rank).ThenBy(k => k.Name)
            .ToListAsync(ct);
        return true;
    }

    private const string Stale = "Someone else changed this sponsorship while you were editing. Reload the page to see their change, then make yours again.";
}
