using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Core.ServiceAwards;
using Records.Core.Text;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.ServiceAwards;

/// <summary>The Board's decisions. Each is refused to anyone else, and to a proposal in a state that does not allow it.</summary>
public partial class DetailsModel
{
    [BindProperty] public ApproveInput Approve { get; set; } = new();
    [BindProperty] public HoldInput Hold { get; set; } = new();
    [BindProperty] public DeclineInput Decline { get; set; } = new();
    [BindProperty] public VersionInput Reopen { get; set; } = new();

    public class VersionInput { public Guid Version { get; set; } }

    public class ApproveInput : VersionInput
    {
        public string? Resolution { get; set; }
        public DateOnly? DecidedOn { get; set; }
    }

    public class ApproveValidator : AbstractValidator<ApproveInput>
    {
        public ApproveValidator(DateOnly today)
        {
            RuleFor(x => x.Resolution).NotEmpty().WithMessage("Write the resolution the Board adopted.")
                .MaximumLength(Limits.Note).WithMessage("Keep the resolution under 4,000 characters.")
                .Must(r => r is null || r.TrimStart().StartsWith("RESOLVED", StringComparison.Ordinal)).WithMessage("A resolution begins with “RESOLVED, that …”.");
            RuleFor(x => x.DecidedOn).NotNull().WithMessage("Enter the date of the Board's decision.")
                .LessThanOrEqualTo(today).WithMessage("The decision date cannot be in the future.");
        }
    }

    public class HoldInput : VersionInput
    {
        public int Year { get; set; }
        public int Quarter { get; set; }
        public string? Note { get; set; }
    }

    public class HoldValidator : AbstractValidator<HoldInput>
    {
        public HoldValidator(int year, int quarter)
        {
            RuleFor(x => x.Quarter).InclusiveBetween(1, 4).WithMessage("Choose a quarter from 1 to 4.");
            RuleFor(x => x).Must(x => new YearQuarter(x.Year, x.Quarter) > new YearQuarter(year, quarter)).OverridePropertyName(nameof(HoldInput.Year))
                .WithMessage($"Hold it over to a quarter after {new YearQuarter(year, quarter).YearFirstName}.");
            RuleFor(x => x.Year).LessThanOrEqualTo(year + 2).WithMessage("Hold it over by two years at most.");
            RuleFor(x => x.Note).MaximumLength(Limits.Note).WithMessage("Keep the note under 4,000 characters.");
        }
    }

    public class DeclineInput : VersionInput { public string? Note { get; set; } }

    public class DeclineValidator : AbstractValidator<DeclineInput>
    {
        public DeclineValidator() => RuleFor(x => x.Note).MaximumLength(Limits.Note).WithMessage("Keep the note under 4,000 characters.");
    }

    public async Task<IActionResult> OnPostApproveAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!IsBoard) return Forbid();
        if (Undecidable("approve") is { } refused) return refused;
        if (!ModelState.AddErrors(new ApproveValidator(Today).Validate(Approve), nameof(Approve))) return Invalid();
        if (Stale(Approve.Version) is { } stale) return stale;
        Award.Status = ServiceAwardStatus.Approved;
        Award.Resolution = Approve.Resolution!.Trim();
        Award.DecidedOn = Approve.DecidedOn;
        Award.AmountMinor ??= options.Value.ServiceAwards.AmountMinor;
        Award.Currency ??= options.Value.ServiceAwards.Currency;
        Record(ServiceAwardAction.Approved, Award.Resolution, Approve.DecidedOn);
        await TellProposerAsync("approved it");
        return await SaveAsync($"Approved: {Award.RecipientName} receives the {Award.YearQuarter.YearFirstName} Community Service Award.");
    }

    public async Task<IActionResult> OnPostHoldAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!IsBoard) return Forbid();
        if (Undecidable("hold over") is { } refused) return refused;
        if (!ModelState.AddErrors(new HoldValidator(Award.Year, Award.Quarter).Validate(Hold), nameof(Hold))) return Invalid();
        if (Stale(Hold.Version) is { } stale) return stale;
        (Award.Year, Award.Quarter) = (Hold.Year, Hold.Quarter);
        Award.Status = ServiceAwardStatus.HeldOver;
        Record(ServiceAwardAction.HeldOver, string.IsNullOrWhiteSpace(Hold.Note) ? null : Hold.Note.Trim(), Today);
        await TellProposerAsync($"held it over to {Award.YearQuarter.YearFirstName}, when it will be considered again");
        return await SaveAsync($"Held over to {Award.YearQuarter.YearFirstName}.");
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!IsBoard) return Forbid();
        if (Undecidable("decline") is { } refused) return refused;
        if (!ModelState.AddErrors(new DeclineValidator().Validate(Decline), nameof(Decline))) return Invalid();
        if (Stale(Decline.Version) is { } stale) return stale;
        Award.Status = ServiceAwardStatus.Declined;
        Award.DecidedOn = Today;
        Record(ServiceAwardAction.Declined, string.IsNullOrWhiteSpace(Decline.Note) ? null : Decline.Note.Trim(), Today);
        await TellProposerAsync("decided not to make the award this time");
        return await SaveAsync($"Declined the proposal for {Award.RecipientName}.");
    }

    public async Task<IActionResult> OnPostReopenAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!IsBoard) return Forbid();
        if (Award.Status != ServiceAwardStatus.Declined)
            return Refuse(StatusCodes.Status409Conflict, $"Only a declined proposal can be reopened; this one is {Award.Status.DisplayName().ToLowerInvariant()}.");
        if (Stale(Reopen.Version) is { } stale) return stale;
        Award.Status = ServiceAwardStatus.Proposed;
        Award.DecidedOn = null;
        Record(ServiceAwardAction.Reopened, null);
        return await SaveAsync("Reopened: the proposal awaits the Board's decision again.");
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult? Undecidable(string verb) => Award.Status switch
    {
        ServiceAwardStatus.Declined => Refuse(StatusCodes.Status409Conflict, $"This proposal was declined. Reopen it before you {verb} it."),
        ServiceAwardStatus.Approved => Refuse(StatusCodes.Status409Conflict, $"This award is already approved; it cannot be {(verb == "hold over" ? "held over" : verb + "d")}."),
        _ => null,
    };
}
