using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Amounts;
using Records.Core.Sponsors;
using Records.Web.Infrastructure;
using Money = Records.Core.Amounts.Money;
using MoneyText = Records.Core.Amounts.MoneyText;

namespace Records.Web.Pages.Sponsors.Programs;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.Staff)]
public class PackageModel(RecordsDbContext db, FoundationClock clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public SponsorPackage? Package { get; private set; }
    public IReadOnlyList<(int Id, string Name)> ProgramChoices { get; private set; } = [];

    public class InputModel
    {
        public int ProgramId { get; set; }
        public string Name { get; set; } = "";
        public string Year { get; set; } = "";
        public string Price { get; set; } = "";
        public string Currency { get; set; } = "USD";
        public string? Benefits { get; set; }
        public string? Capacity { get; set; }
        public string Rank { get; set; } = "0";
        public bool Active { get; set; } = true;
        public bool InKindAccepted { get; set; }
        public string? BenefitMonths { get; set; }
        public Guid Version { get; set; }
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator(IReadOnlyCollection<int> programIds)
        {
            RuleFor(x => x.ProgramId).Must(programIds.Contains).WithMessage("Choose the program.");
            RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the package's name, such as Gold.").MaximumLength(100).WithMessage("Keep the name under 100 characters.");
            RuleFor(x => x.Year).Must(y => Whole(y) is >= 2000 and <= 2100).WithMessage("Enter the year, such as 2024.");
            RuleFor(x => x.Currency).Must(Currencies.IsKnown)
                .WithMessage("Enter a three-letter currency code, such as USD.");
            RuleFor(x => x.Price).Cascade(CascadeMode.Stop).IsAmountIn(x => x.Currency?.Trim() is { Length: 3 } c ? c : "USD")
                .Must((x, p) => MoneyText.Read(p, x.Currency?.Trim() is { Length: 3 } c ? c : "USD").Minor >= 0)
                .WithMessage("Enter the price as an amount, such as 15,000.");
            RuleFor(x => x.Capacity).Must(c => string.IsNullOrWhiteSpace(c) || Whole(c) is >= 1)
                .WithMessage("Enter how many sponsors the package can take, or leave it empty for unlimited.");
            RuleFor(x => x.Rank).Must(r => Whole(r) is >= 0).WithMessage("Enter the tier's place, 0 for the top tier.");
            RuleFor(x => x.BenefitMonths).Must(m => string.IsNullOrWhiteSpace(m) || Whole(m) is >= 1 and <= 120)
                .WithMessage("Enter the months the benefits last (1 to 120), or leave it empty.");
            RuleFor(x => x.Benefits).MaximumLength(8000).WithMessage("Keep the benefits under 8,000 characters.");
        }
    }

    public static int? Whole(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public async Task<IActionResult> OnGetAsync(int? id, int? programId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Package is { } k)
        {
            Input = new InputModel
            {
                ProgramId = k.ProgramId, Name = k.Name, Year = k.Year.ToString(CultureInfo.InvariantCulture),
                Price = new Money(k.PriceMinor, k.Currency).Number(), Currency = k.Currency,
                Benefits = k.Benefits, Capacity = k.Capacity?.ToString(CultureInfo.InvariantCulture), Rank = k.Rank.ToString(CultureInfo.InvariantCulture),
                Active = k.Active, InKindAccepted = k.InKindAccepted, BenefitMonths = k.BenefitMonths?.ToString(CultureInfo.InvariantCulture), Version = k.Version,
            };
        }
        else
        {
            Input = new InputModel { ProgramId = programId ?? 0, Year = clock.Year.ToString(CultureInfo.InvariantCulture) };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.AddErrors(new Validator([.. ProgramChoices.Select(p => p.Id)]).Validate(Input))) return this.Invalid();
        if (Package is not null && Package.Version != Input.Version) return this.StaleEdit(Stale);

        var (name, year, currency) = (Input.Name.Trim(), Whole(Input.Year)!.Value, Input.Currency.Trim().ToUpperInvariant());
        if (await db.SponsorPackages.AnyAsync(k => k.ProgramId == Input.ProgramId && k.Year == year && k.Name == name && k.Id != (id ?? 0)))
        {
            ModelState.AddModelError("Input.Name", $"This program already has a {name} package in {year}.");
            return this.Invalid();
        }
        var package = Package ?? db.SponsorPackages.Add(new SponsorPackage { Name = name, Currency = currency }).Entity;
        var price = MoneyText.Read(Input.Price, currency).Minor!.Value;
        package.ProgramId = Input.ProgramId;
        package.Name = name;
        package.Year = year;
        package.PriceMinor = price;
        package.Currency = currency;
        package.Benefits = string.IsNullOrWhiteSpace(Input.Benefits) ? null : Input.Benefits.Trim();
        package.Capacity = Whole(Input.Capacity);
        package.Rank = Whole(Input.Rank)!.Value;
        package.Active = Input.Active;
        package.InKindAccepted = Input.InKindAccepted;
        package.BenefitMonths = Whole(Input.BenefitMonths);
        if (await this.SaveOrStaleAsync(db, Stale) is { } stale) return stale;
        TempData["Flash"] = $"Saved the {name} package for {year}: {new Money(price, currency).Format(dropZeroMinor: true)}.";
        return RedirectToPage("Index");
    }

    /// <param name="ct">The request's token on a GET; a post's reads run to the end with its save.</param>
    private async Task<bool> LoadAsync(int? id, CancellationToken ct = default)
    {
        ProgramChoices = [.. (await db.SponsorPrograms.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name))];
        if (id is null) return true;
        Package = await db.SponsorPackages.Include(k => k.Program).SingleOrDefaultAsync(k => k.Id == id, ct);
        return Package is not null;
    }

    private const string Stale = "Someone else changed this package while you were editing. Reload the page to see their change, then make yours again.";
}
