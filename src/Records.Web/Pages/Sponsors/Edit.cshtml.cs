using Records.Core.People;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Sponsors;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Sponsors;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.Staff)]
public class EditModel(RecordsDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public Sponsor? Sponsor { get; private set; }

    public class InputModel
    {
        public string Name { get; set; } = "";
        public string? Website { get; set; }
        public string? PrimaryContactName { get; set; }
        public string? PrimaryContactEmail { get; set; }
        public string? AccountingContactName { get; set; }
        public string? AccountingContactEmail { get; set; }
        public string? Notes { get; set; }
        public Guid Version { get; set; }
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the organisation's name.").MaximumLength(Limits.Name).WithMessage("Keep the name under 200 characters.");
            RuleFor(x => x.Website).Must(IsWebAddress).When(x => !string.IsNullOrWhiteSpace(x.Website))
                .WithMessage("Enter the full address, starting with http:// or https://.");
            RuleFor(x => x.Website).MaximumLength(500).WithMessage("Keep the address under 500 characters.");
            RuleFor(x => x.PrimaryContactName).MaximumLength(Limits.Name).WithMessage("Keep the name under 200 characters.");
            RuleFor(x => x.AccountingContactName).MaximumLength(Limits.Name).WithMessage("Keep the name under 200 characters.");
            RuleFor(x => x.PrimaryContactEmail).IsEmailOrEmpty().WithMessage("Enter an email address such as name@example.com.");
            RuleFor(x => x.AccountingContactEmail).IsEmailOrEmpty().WithMessage("Enter an email address such as name@example.com.");
            RuleFor(x => x.Notes).MaximumLength(8000).WithMessage("Keep the notes under 8,000 characters.");
        }

        private static bool IsWebAddress(string? text) =>
            Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Contains('.');
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Sponsor is { } s)
        {
            Input = new InputModel
            {
                Name = s.Name, Website = s.Website, PrimaryContactName = s.PrimaryContactName, PrimaryContactEmail = s.PrimaryContactEmail,
                AccountingContactName = s.AccountingContactName, AccountingContactEmail = s.AccountingContactEmail, Notes = s.Notes, Version = s.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return this.Invalid();
        if (Sponsor is not null && Sponsor.Version != Input.Version) return this.StaleEdit(Stale);

        var sponsor = Sponsor ?? db.Sponsors.Add(new Sponsor { Name = "", CreatedAt = clock.GetUtcNow().UtcDateTime }).Entity;
        sponsor.Name = Input.Name.Trim();
        sponsor.Website = Clean(Input.Website);
        sponsor.PrimaryContactName = Clean(Input.PrimaryContactName);
        sponsor.PrimaryContactEmail = Clean(Input.PrimaryContactEmail);
        sponsor.AccountingContactName = Clean(Input.AccountingContactName);
        sponsor.AccountingContactEmail = Clean(Input.AccountingContactEmail);
        sponsor.Notes = Clean(Input.Notes);
        if (await this.SaveOrStaleAsync(db, Stale) is { } stale) return stale;
        TempData["Flash"] = $"Saved {sponsor.Name}.";
        return RedirectToPage("Details", new { id = sponsor.Id });
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <param name="ct">The request's token on a GET; a post's reads run to the end with its save.</param>
    private async Task<bool> LoadAsync(int? id, CancellationToken ct = default)
    {
        if (id is null) return true;
        Sponsor = await db.Sponsors.SingleOrDefaultAsync(s => s.Id == id, ct);
        return Sponsor is not null;
    }

    private const string Stale = "Someone else changed this sponsor while you were editing. Reload the page to see their change, then make yours again.";
}
