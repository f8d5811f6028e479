using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Budget;
using Records.Core.Data;
using Records.Core.Amounts;
using Records.Core.Reports;
using Records.Web.Infrastructure;
using Money = Records.Core.Amounts.Money;
using MoneyText = Records.Core.Amounts.MoneyText;

namespace Records.Web.Pages.Reports;

/// <summary>The budget and reserve figures Staff enter for the Board's reports; the Board reads them here too.</summary>
[Authorize(Policy = Policies.Finance)]
public class BudgetModel(RecordsDbContext db) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public IReadOnlyList<BudgetLine> Lines { get; private set; } = [];
    public int? EditingId { get; private set; }

    public class InputModel
    {
        public BudgetLineKind Kind { get; set; } = BudgetLineKind.Budget;
        public string Label { get; set; } = "";
        public string? AsOf { get; set; }
        public string? Amount { get; set; }
        public string Currency { get; set; } = "USD";
        public string? Source { get; set; }
        public Guid? Version { get; set; }

        public DateOnly? AsOfDate => DateOnly.TryParseExact(AsOf?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        public string CurrencyCode => Currency?.Trim() is { Length: > 0 } c ? c : "USD";
        public long? AmountMinor => MoneyText.Read(Amount, CurrencyCode).Minor;
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).IsInEnum().WithMessage("Choose what kind of figure this is.");
            RuleFor(x => x.Label).NotEmpty().WithMessage("Say what the figure is, as the Board will read it.").MaximumLength(Limits.Name).WithMessage("Keep the label under 200 characters.");
            RuleFor(x => x.AsOf).Must(a => new InputModel { AsOf = a }.AsOfDate is not null).WithMessage("Give the date the figure is as of, as YYYY-MM-DD.");
            RuleFor(x => x.Currency).Must(Currencies.IsKnown).WithMessage("Give a three-letter currency code such as USD.");
            RuleFor(x => x.Amount).NotEmpty().WithMessage("Give the amount.")
                .IsAmountIn(x => x.CurrencyCode).When(x => !string.IsNullOrWhiteSpace(x.Amount), ApplyConditionTo.CurrentValidator)
                .Must((x, _) => x.AmountMinor is null or (>= -1_000_000_000_00 and <= 1_000_000_000_00)).WithMessage("That amount is out of range: check the digits.");
            RuleFor(x => x.Source).MaximumLength(1000).WithMessage("Keep the source under 1,000 characters.");
        }
    }

    public async Task OnGetAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (id is { } editing && Lines.FirstOrDefault(l => l.Id == editing) is { } line)
        {
            EditingId = editing;
            Input = new InputModel
            {
                Kind = line.Kind, Label = line.Label, AsOf = line.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Amount = new Money(line.AmountMinor, line.Currency).Number(), Currency = line.Currency, Source = line.Source, Version = line.Version,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        EditingId = id;
        if (!ModelState.AddErrors(new Validator().Validate(Input)))
        {
            await LoadAsync();
            return this.Invalid();
        }
        BudgetLine? line;
        if (id is { } existing)
        {
            line = await db.BudgetLines.FirstOrDefaultAsync(l => l.Id == existing);
            if (line is null) return NotFound();
            if (line.Version != Input.Version) return await ConflictAsync();
        }
        else
        {
            db.BudgetLines.Add(line = new BudgetLine { Label = "", Currency = "" });
        }
        line.Kind = Input.Kind;
        line.Label = Input.Label.Trim();
        line.AsOf = Input.AsOfDate!.Value;
        line.Currency = Currencies.Normalise(Input.Currency);
        line.AmountMinor = Input.AmountMinor!.Value;
        line.Source = string.IsNullOrWhiteSpace(Input.Source) ? null : Input.Source.Trim();
        if (!await db.TrySaveAsync()) return await ConflictAsync();
        TempData["Flash"] = $"Saved “{line.Label}”: {new Money(line.AmountMinor, line.Currency).Format()} as of {line.AsOf:MMM d, yyyy}.";
        return RedirectToPage();
    }

    /// <summary>Deletes the figure as it was shown: if someone changed it since, the delete is refused, as an edit would be.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, [FromForm] string? version)
    {
        // Deleted through the change tracker, not ExecuteDelete, so the audit log keeps the figure that went.
        var line = await db.BudgetLines.FirstOrDefaultAsync(l => l.Id == id);
        if (line is null)
        {
            TempData["Flash"] = "That figure was already deleted.";
            return RedirectToPage();
        }
        if (!Guid.TryParse(version, out var shown) || shown != line.Version) return await ConflictAsync();
        db.BudgetLines.Remove(line);
        // Nothing deleted here means someone changed or deleted it between our read and our delete.
        if (await db.DeleteCountAsync() == 0) return await ConflictAsync();
        TempData["Flash"] = $"Deleted “{line.Label}”.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ConflictAsync()
    {
        await LoadAsync();
        return this.StaleEdit("Someone else changed this figure while you were editing. Reload the page to see their change, then make yours again.");
    }

    /// <param name="ct">The request's token on a GET; a post's reads run to the end with its save.</param>
    private async Task LoadAsync(CancellationToken ct = default) =>
        Lines = await db.BudgetLines.AsNoTracking().OrderByDescending(l => l.AsOf).ThenByDescending(l => l.Id).ToListAsync(ct);

}
