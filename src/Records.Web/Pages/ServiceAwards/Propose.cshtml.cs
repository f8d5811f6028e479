using Records.Core.Calendar;
using Records.Core.People;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Records.Core.Accounts;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.ServiceAwards;

/// <summary>
/// Proposing someone for a Community Service Award: the public sends it in confidence, Staff and the Board enter one
/// they were sent. Public, so it guards itself like the nomination form: a honeypot and the same rate limit.
/// </summary>
[EnableRateLimiting(RateLimits.Nominations)]
public partial class ProposeModel(RecordsDbContext db, FoundationClock clock, IOptions<RecordsOptions> options) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>This year in the foundation's zone: the form offers the year before and the year after too.</summary>
    public int ThisYear { get; private set; }

    public IEnumerable<int> Years => [ThisYear - 1, ThisYear, ThisYear + 1];

    /// <summary>Staff and the Board enter proposals and then go back to their list of them.</summary>
    public bool Keeper => User.IsInRole(Roles.Staff) || User.IsInRole(Roles.Board);

    public class InputModel
    {
        public string RecipientName { get; set; } = "";
        public bool RecipientIsGroup { get; set; }
        public string RecipientEmail { get; set; } = "";
        public string ProposerName { get; set; } = "";
        public string ProposerEmail { get; set; } = "";
        public string Reasons { get; set; } = "";
        public int Year { get; set; }
        public int Quarter { get; set; }
        /// <summary>The honeypot: hidden from people, so only a robot fills it in.</summary>
        public string Website2 { get; set; } = "";
        /// <summary>Made when the form is opened; a second post of the same form saves nothing more.</summary>
        public string SubmissionKey { get; set; } = "";

        public void Normalize()
        {
            RecipientName = RecipientName?.Trim() ?? "";
            RecipientEmail = RecipientEmail?.Trim() ?? "";
            ProposerName = ProposerName?.Trim() ?? "";
            ProposerEmail = ProposerEmail?.Trim() ?? "";
            // Browsers send a textarea's line breaks as CR LF; counted once, as the person typing sees them.
            Reasons = (Reasons ?? "").Trim().Replace("\r\n", "\n");
            Website2 = Website2?.Trim() ?? "";
            SubmissionKey = Guid.TryParse(SubmissionKey, out var key) ? key.ToString() : "";
        }
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public const int ReasonsMinimum = 40;
        public const int ReasonsMaximum = 20000;

        public Validator(int thisYear)
        {
            RuleFor(x => x.RecipientName).NotEmpty().WithMessage("Enter the name of the person or group you propose.")
                .MaximumLength(Limits.Name).WithMessage("Keep the name to 200 characters.");
            RuleFor(x => x.RecipientEmail).MaximumLength(EmailRule.MaxLength).WithMessage(EmailRule.TooLong)
                .Must(e => e.Length == 0 || EmailRule.IsValid(e)).WithMessage("Enter an email address like name@example.org, or leave it empty.");
            RuleFor(x => x.ProposerName).NotEmpty().WithMessage("Enter your name.")
                .MaximumLength(Limits.Name).WithMessage("Keep your name to 200 characters.");
            RuleFor(x => x.ProposerEmail).NotEmpty().WithMessage("Enter your email address, so the Board can reach you.")
                .MaximumLength(EmailRule.MaxLength).WithMessage(EmailRule.TooLong)
                .IsEmail().WithMessage("Enter an email address like name@example.org.");
            RuleFor(x => x.Reasons).NotEmpty().WithMessage("Tell the Board why they deserve the award.")
                .MinimumLength(ReasonsMinimum).WithMessage(x => $"Write at least {ReasonsMinimum} characters about what they have done (so far {x.Reasons.Length}).")
                .MaximumLength(ReasonsMaximum).WithMessage(x => $"Keep the reasons to {ReasonsMaximum:N0} characters (they have {x.Reasons.Length:N0}).");
            RuleFor(x => x.Year).InclusiveBetween(thisYear - 1, thisYear + 1).WithMessage($"Choose {thisYear - 1}, {thisYear} or {thisYear + 1}.");
            RuleFor(x => x.Quarter).InclusiveBetween(1, 4).WithMessage("Choose a quarter, Q1 to Q4.");
        }
    }

    public void OnGet()
    {
        var today = Today();
        ThisYear = today.Year;
        Input.SubmissionKey = Guid.NewGuid().ToString();
        Input.Year = today.Year;
        Input.Quarter = YearQuarter.Of(today).Quarter;
        if (User.Identity?.IsAuthenticated == true)
        {
            Input.ProposerName = User.DisplayName();
            Input.ProposerEmail = User.FindFirstValue(ClaimTypes.Email) ?? "";
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.Normalize();
        // A robot gets the same answer as a person, so it learns nothing from the response.
        if (Input.Website2.Length > 0) return RedirectToPage("Proposed");
        ThisYear = Today().Year;
        if (Input.SubmissionKey.Length == 0)
        {
            // A form without its key (tampered, or from before keys) gets a fresh one and is shown again to be sent once.
            Input.SubmissionKey = Guid.NewGuid().ToString();
            ModelState.Remove("Input.SubmissionKey");
            ModelState.AddModelError("", "This form had lost its place. Check the details and send it again.");
            return this.Invalid();
        }
        if (!ModelState.AddErrors(new Validator(ThisYear).Validate(Input)) || !ModelState.IsValid) return this.Invalid();
        return Sent(await SaveAsync());
    }

    /// <summary>Where a proposal leads once saved; the repeat of a post that already saved leads to the same place.</summary>
    private IActionResult Sent(Records.Core.ServiceAwards.ServiceAward? award)
    {
        if (!Keeper) return RedirectToPage("Proposed");
        if (award is null) return Redirect("/ServiceAwards");
        TempData["Flash"] = $"Your proposal of {award.RecipientName} for {award.YearQuarter.YearFirstName} is with the Board.";
        return Redirect("/ServiceAwards");
    }

    private DateOnly Today() => clock.Today;
}
