using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.ServiceAwards;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.ServiceAwards;

/// <summary>The Board's decisions (the rules are <see cref="AwardDecisions"/>). Each is refused to anyone else.</summary>
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
        if (Refused(AwardStep.Approve) is { } refused) return refused;
        if (!ModelState.AddErrors(new ApproveValidator(Today).Validate(Approve), nameof(Approve))) return Invalid();
        var decided = await Decisions.ApproveAsync(Award, Approve.Version, Approve.Resolution!, Approve.DecidedOn!.Value, Me);
        return Decided(decided, $"Approved: {Award.RecipientName} receives the {Award.YearQuarter.YearFirstName} Community Service Award.");
    }

    public async Task<IActionResult> OnPostHoldAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!IsBoard) return Forbid();
        if (Refused(AwardStep.HoldOver) is { } refused) return refused;
        if (!ModelState.AddErrors(new HoldValidator(Award.Year, Award.Quarter).Validate(Hold), nameof(Hold))) return Invalid();
        var decided = await Decisions.HoldOverAsync(Award, Hold.Version, Hold.Year, Hold.Quarter, Hold.Note, Today, Me);
        return Decided(decided, $"Held over to {Award.YearQuarter.YearFirstName}.");
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!IsBoard) return Forbid();
        if (Refused(AwardStep.Decline) is { } refused) return refused;
        if (!ModelState.AddErrors(new DeclineValidator().Validate(Decline), nameof(Decline))) return Invalid();
        var decided = await Decisions.DeclineAsync(Award, Decline.Version, Decline.Note, Today, Me);
        return Decided(decided, $"Declined the proposal for {Award.RecipientName}.");
    }

    public async Task<IActionResult> OnPostReopenAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!IsBoard) return Forbid();
        if (Refused(AwardStep.Reopen) is { } refused) return refused;
        return Decided(await Decisions.ReopenAsync(Award, Reopen.Version, Me), "Reopened: the proposal awaits the Board's decision again.");
    }
}
