using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Amounts;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Donations.Campaigns;

[Authorize(Policy = Policies.Staff)]
public class EditModel(RecordsDbContext db) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public Campaign? Campaign { get; private set; }

    public class InputModel
    {
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public string? Goal { get; set; }
        public string Currency { get; set; } = "USD";
        public string? StartsOn { get; set; }
        public string? EndsOn { get; set; }
        public Guid Version { get; set; }

        public string CurrencyCode => Currencies.IsKnown(Currency) ? Currencies.Normalise(Currency) : "USD";
        public long? GoalMinor => MoneyText.Read(Goal, CurrencyCode).Minor;
        public DateOnly? StartDate => Date(StartsOn);
        public DateOnly? EndDate => Date(EndsOn);

        public static DateOnly? Date(string? text) =>
            DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the campaign's name.").MaximumLength(Limits.Name).WithMessage("Keep the name under 200 characters.");
            RuleFor(x => x.Description).MaximumLength(Limits.Note).WithMessage("Keep the description under 4,000 characters.");
            RuleFor(x => x.Currency).Must(Currencies.IsKnown).WithMessage("Choose a currency from the list (an ISO 4217 code such as USD).");
            RuleFor(x => x.Goal).Cascade(CascadeMode.Stop)
                .IsAmountIn(x => x.CurrencyCode)
                .Must((x, _) => GiftRules.IsPlausibleAmount(x.GoalMinor!.Value, x.CurrencyCode))
                .WithMessage(x => $"Enter a goal above zero and at most {Money.FromMajor(GiftRules.LargestMajor, x.CurrencyCode).Format()}.")
                .When(x => !string.IsNullOrWhiteSpace(x.Goal));
            RuleFor(x => x.StartsOn).Must(v => InputModel.Date(v) is not null).When(x => !string.IsNullOrWhiteSpace(x.StartsOn))
                .WithMessage("Enter a date like 2026-03-01.");
            RuleFor(x => x.EndsOn).Must(v => InputModel.Date(v) is not null).When(x => !string.IsNullOrWhiteSpace(x.EndsOn))
                .WithMessage("Enter a date like 2026-06-30.");
            RuleFor(x => x.EndsOn).Must((x, _) => x.EndDate >= x.StartDate).When(x => x.StartDate is not null && x.EndDate is not null)
                .WithMessage("The campaign cannot end before it starts.");
        }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Campaign is { } c)
        {
            Input = new InputModel
            {
                Name = c.Name, Description = c.Description, Currency = c.Currency, Version = c.Version,
                Goal = c.GoalMinor is { } goal ? new Money(goal, c.Currency).Number() : null,
                StartsOn = c.StartsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), EndsOn = c.EndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var valid = ModelState.AddErrors(new Validator().Validate(Input));
        var name = (Input.Name ?? "").Trim();
        var thisId = Campaign?.Id ?? 0;
        if (name.Length > 0 && await db.Campaigns.AnyAsync(c => c.Id != thisId && c.Name.ToLower() == name.ToLower()))
        {
            ModelState.AddModelError("Input.Name", "Another campaign already has this name.");
            valid = false;
        }
        if (!valid) return this.Invalid();
        if (Campaign is not null && Campaign.Version != Input.Version) return this.StaleEdit(Stale);

        var campaign = Campaign ?? db.Campaigns.Add(new Campaign { Name = "", Currency = "USD" }).Entity;
        campaign.Name = name;
        campaign.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        campaign.Currency = Input.CurrencyCode;
        campaign.GoalMinor = string.IsNullOrWhiteSpace(Input.Goal) ? null : Input.GoalMinor;
        campaign.StartsOn = Input.StartDate;
        campaign.EndsOn = Input.EndDate;
        if (await this.SaveOrStaleAsync(db, Stale) is { } stale) return stale;
        TempData["Flash"] = $"Saved the campaign {campaign.Name}.";
        return Redirect("/Donations/Campaigns");
    }

    /// <param name="ct">The request's token on a GET; a post's reads run to the end with its save.</param>
    private async Task<bool> LoadAsync(int? id, CancellationToken ct = default)
    {
        if (id is null) return true;
        Campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, ct);
        return Campaign is not null;
    }

    private const string Stale = "Someone else changed this campaign while you were editing. Reload the page to see their change, then make yours again.";
}
