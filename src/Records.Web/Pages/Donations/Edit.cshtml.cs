using Records.Core.People;
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

namespace Records.Web.Pages.Donations;

/// <summary>A gift entered or corrected by hand. A new gift's form carries a one-time key, so posting it twice saves it once.</summary>
[Authorize(Policy = Policies.Staff)]
public partial class EditModel(RecordsDbContext db, FoundationClock clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public Donation? Donation { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Sponsors { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Campaigns { get; private set; } = [];

    public static class Kinds
    {
        public const string Person = "person";
        public const string NewPerson = "new-person";
        public const string Organisation = "organisation";
        public const string Anonymous = "anonymous";
        public static readonly string[] All = [Person, NewPerson, Organisation, Anonymous];
    }

    public class InputModel
    {
        public string DonorKind { get; set; } = Kinds.Person;
        /// <summary>A person picked from the suggestions ("Name &lt;email&gt; #12"), or their email or exact name.</summary>
        public string? Person { get; set; }
        public string? NewName { get; set; }
        public string? NewEmail { get; set; }
        public int? SponsorId { get; set; }
        public string? Amount { get; set; }
        public string Currency { get; set; } = "USD";
        public string? ReceivedOn { get; set; }
        public string? Channel { get; set; }
        public int? CampaignId { get; set; }
        public string? Fee { get; set; }
        public string? TransactionId { get; set; }
        public bool IsRecurring { get; set; }
        public string? QuidProQuo { get; set; }
        public string? Notes { get; set; }
        public Guid Version { get; set; }
        public string? SubmissionKey { get; set; }

        public string CurrencyCode => Currencies.IsKnown(Currency) ? Currencies.Normalise(Currency) : "USD";
        public long? AmountMinor => Parse(Amount);
        public long FeeMinor => Parse(Fee) ?? 0;
        public long QuidProQuoMinor => Parse(QuidProQuo) ?? 0;
        public DateOnly? ReceivedDate => DateOnly.TryParseExact(ReceivedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        public DonationChannel? ChannelChoice =>
            Enum.TryParse<DonationChannel>(Channel, ignoreCase: true, out var c) && Enum.IsDefined(c) && !int.TryParse(Channel, out _) ? c : null;

        private long? Parse(string? text) => MoneyText.Read(text, CurrencyCode).Minor;
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator(DateOnly today)
        {
            RuleFor(x => x.DonorKind).Must(Kinds.All.Contains).WithMessage("Choose who gave the gift.");
            RuleFor(x => x.Person).NotEmpty().When(x => x.DonorKind == Kinds.Person)
                .WithMessage("Type the donor's name or email and pick them from the suggestions.");
            RuleFor(x => x.NewName).NotEmpty().When(x => x.DonorKind == Kinds.NewPerson).WithMessage("Enter the new donor's name.")
                .MaximumLength(Limits.Name).WithMessage("Keep the name under 200 characters.");
            RuleFor(x => x.NewEmail).IsEmailOrEmpty().WithMessage("Enter an email address such as name@example.com.");
            RuleFor(x => x.SponsorId).NotNull().When(x => x.DonorKind == Kinds.Organisation).WithMessage("Choose the organisation.");
            RuleFor(x => x.Currency).Must(Currencies.IsKnown).WithMessage("Choose a currency from the list (an ISO 4217 code such as USD).");
            RuleFor(x => x.Amount).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the amount.")
                .IsAmountIn(x => x.CurrencyCode)
                .Must((x, _) => x.AmountMinor > 0).WithMessage("The amount must be more than zero.")
                .Must((x, _) => GiftRules.IsPlausibleAmount(x.AmountMinor!.Value, x.CurrencyCode))
                .WithMessage(x => $"That is more than {Money.FromMajor(GiftRules.LargestMajor, x.CurrencyCode).Format()}: check the amount.");
            RuleFor(x => x.ReceivedOn).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the date the gift was received.")
                .Must((x, _) => x.ReceivedDate is not null).WithMessage("Enter a date like 2026-01-31.")
                .Must((x, _) => x.ReceivedDate <= today).WithMessage(_ => $"The date received cannot be after today ({today:MMM d, yyyy}).")
                .Must((x, _) => x.ReceivedDate!.Value.Year >= 1900).WithMessage("Enter a date after 1900.");
            RuleFor(x => x.Channel).Must((x, _) => x.ChannelChoice is not null).WithMessage("Choose how the gift came in.");
            RuleFor(x => x.Fee).Cascade(CascadeMode.Stop)
                .IsAmountIn(x => x.CurrencyCode)
                .Must((x, _) => x.AmountMinor is null || GiftRules.IsWithinGift(x.FeeMinor, x.AmountMinor.Value))
                .WithMessage("The fee cannot be negative or more than the amount.")
                .When(x => !string.IsNullOrWhiteSpace(x.Fee));
            RuleFor(x => x.QuidProQuo).Cascade(CascadeMode.Stop)
                .IsAmountIn(x => x.CurrencyCode)
                .Must((x, _) => x.AmountMinor is null || GiftRules.IsWithinGift(x.QuidProQuoMinor, x.AmountMinor.Value))
                .WithMessage("The value received in return cannot be negative or more than the amount.")
                .When(x => !string.IsNullOrWhiteSpace(x.QuidProQuo));
            RuleFor(x => x.TransactionId).MaximumLength(Limits.Name).WithMessage("Keep the transaction id under 200 characters.");
            RuleFor(x => x.Notes).MaximumLength(Limits.Note).WithMessage("Keep the notes under 4,000 characters.");
        }
    }

    private DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = Donation is { } d ? await FromDonationAsync(d, ct) : new InputModel
        {
            ReceivedOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), SubmissionKey = Guid.NewGuid().ToString(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var key = Donation is null ? SubmissionKey() : Guid.Empty;
        if (Donation is null && await SavedWithAsync(key) is not null) return AlreadySaved();
        var valid = ModelState.AddErrors(new Validator(Today).Validate(Input));
        var donor = await ResolveDonorAsync();
        if (!valid | !await CheckRecordsAsync() || !ModelState.IsValid) return this.Invalid();
        if (Donation is not null && Donation.Version != Input.Version) return this.StaleEdit(Stale);

        var donation = Donation ?? db.Donations.Add(new Donation { Currency = "USD", SubmissionKey = key }).Entity;
        Apply(donation, donor);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException failed)
        {
            if (failed is DbUpdateConcurrencyException) return this.StaleEdit(Stale);
            db.ChangeTracker.Clear();
            if (Donation is null && await SavedWithAsync(key) is not null) return AlreadySaved();
            // Another gift with this transaction id was saved between the check and this save.
            if (!await CheckRecordsAsync()) return this.Invalid();
            throw;
        }
        TempData["Flash"] = $"Saved the gift of {new Money(donation.AmountMinor, donation.Currency).Format()} received on {donation.ReceivedOn:MMM d, yyyy}.";
        return Redirect($"/Donations?from={donation.ReceivedOn:yyyy-MM-dd}&to=");
    }

    /// <summary>
    /// The gift saved from this form before. The key is unique in the database, so of two posts of one form (a double
    /// click, a resent request, a post after a restart) one saves and the other fails and finds it here.
    /// </summary>
    private Task<int?> SavedWithAsync(Guid key) =>
        db.Donations.AsNoTracking().Where(d => d.SubmissionKey == key).Select(d => (int?)d.Id).FirstOrDefaultAsync();

    private RedirectResult AlreadySaved()
    {
        TempData["Flash"] = "This gift was already saved; it was not added twice.";
        return Redirect("/Donations");
    }

    private Guid SubmissionKey()
    {
        if (Guid.TryParse(Input.SubmissionKey, out var key)) return key;
        key = Guid.NewGuid();
        Input.SubmissionKey = key.ToString();
        ModelState.Remove("Input.SubmissionKey");
        return key;
    }

    private const string Stale = "Someone else changed this gift while you were editing. Reload the page to see their change, then make yours again.";
}
