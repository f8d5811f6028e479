using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Core.People;
using Records.Core.Text;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Nominate;

/// <summary>The public Fellow nomination form: no login, so it guards itself with a honeypot, a submission key and a rate limit.</summary>
[EnableRateLimiting(RateLimits.Nominations)]
public class IndexModel(RecordsDbContext db, FoundationClock clock, IOptions<RecordsOptions> options) : PageModel
{
    /// <summary>Sent by the live preview script, which wants the rendered statement alone.</summary>
    public const string FragmentHeader = "X-Records-Fragment";

    [BindProperty] public InputModel Input { get; set; } = new();

    public string? PreviewHtml { get; private set; }
    /// <summary>Why the statement is not previewed, shown where the preview would be.</summary>
    public string? PreviewError { get; private set; }
    public NominationIntake.FellowMatch? Fellow { get; private set; }
    /// <summary>The round a nomination sent now joins, and so the cut-off the page names.</summary>
    public TakingNominations? Taking { get; private set; }

    public class InputModel
    {
        public string NomineeName { get; set; } = "";
        public string NomineeEmail { get; set; } = "";
        public string Website { get; set; } = "";
        public string GitHub { get; set; } = "";
        public string Twitter { get; set; } = "";
        public string LinkedIn { get; set; } = "";
        public string Mastodon { get; set; } = "";
        public string Other { get; set; } = "";
        public string Statement { get; set; } = "";
        public string NominatorName { get; set; } = "";
        public string NominatorEmail { get; set; } = "";
        /// <summary>Ticked to nominate someone who shares a Fellow's name or email (the form warns first).</summary>
        public bool ConfirmFellow { get; set; }
        public string SubmissionKey { get; set; } = "";
        /// <summary>The honeypot: hidden from people, so only a robot fills it in.</summary>
        public string Website2 { get; set; } = "";

        /// <summary>The links given, in the form's order.</summary>
        public IEnumerable<(LinkKind Kind, string Url)> Links() =>
            new[] { (LinkKind.Website, Website), (LinkKind.GitHub, GitHub), (LinkKind.Twitter, Twitter), (LinkKind.LinkedIn, LinkedIn), (LinkKind.Mastodon, Mastodon), (LinkKind.Other, Other) }
                .Where(l => l.Item2.Length > 0);

        /// <summary>Trims every field; an empty field binds as null.</summary>
        public void Normalize()
        {
            foreach (var property in typeof(InputModel).GetProperties().Where(p => p.PropertyType == typeof(string)))
            {
                property.SetValue(this, ((string?)property.GetValue(this))?.Trim() ?? "");
            }
            // Browsers send a textarea's line breaks as CR LF; counted once, as the person typing sees them.
            Statement = Statement.Replace("\r\n", "\n");
        }
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public const int StatementMinimum = 120;
        public const int StatementMaximum = 20000;

        public Validator()
        {
            RuleFor(x => x.NomineeName).NotEmpty().WithMessage("Enter the name of the person you nominate.")
                .MaximumLength(Limits.Name).WithMessage("Keep the name to 200 characters.");
            RuleFor(x => x.NomineeEmail).NotEmpty().WithMessage("Enter the nominee's email address, so the Work Group can reach them.")
                .MaximumLength(EmailRule.MaxLength).WithMessage(EmailRule.TooLong)
                .IsEmail().WithMessage("Enter an email address like name@example.org.");
            Link(x => x.Website, "website");
            Link(x => x.GitHub, "GitHub profile");
            Link(x => x.Twitter, "Twitter/X profile");
            Link(x => x.LinkedIn, "LinkedIn profile");
            RuleFor(x => x.Mastodon).MaximumLength(500).WithMessage("Keep the Mastodon address to 500 characters.")
                .Must(value => value.Length == 0 || LinkRules.Problem(LinkKind.Mastodon, value) is null)
                .WithMessage("Enter the Mastodon handle as @user@host (like @grace@fosstodon.org) or the profile's full address, with https:// at the start.");
            Link(x => x.Other, "link");
            RuleFor(x => x.Statement).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Tell the Work Group why this person should be a Fellow.")
                .MinimumLength(StatementMinimum).WithMessage(x => $"Write at least {StatementMinimum} characters about their contributions (so far {x.Statement.Length}).")
                .MaximumLength(StatementMaximum).WithMessage(x => $"Keep the statement to {StatementMaximum:N0} characters (it has {x.Statement.Length:N0}).")
                .Must(statement => SafeMarkdown.Problem(statement) is null).WithMessage(x => SafeMarkdown.Problem(x.Statement) ?? "");
            RuleFor(x => x.NominatorName).NotEmpty().WithMessage("Enter your name.")
                .MaximumLength(Limits.Name).WithMessage("Keep your name to 200 characters.");
            RuleFor(x => x.NominatorEmail).NotEmpty().WithMessage("Enter your email address: the confirmation goes there.")
                .MaximumLength(EmailRule.MaxLength).WithMessage(EmailRule.TooLong)
                .IsEmail().WithMessage("Enter an email address like name@example.org.")
                .Must((x, email) => !string.Equals(email, x.NomineeEmail, StringComparison.OrdinalIgnoreCase))
                .WithMessage("You cannot nominate yourself. Ask someone who knows your work to nominate you.");
        }

        private void Link(System.Linq.Expressions.Expression<Func<InputModel, string>> field, string what) =>
            RuleFor(field).MaximumLength(500).WithMessage($"Keep the {what} address to 500 characters.")
                .Must(url => url.Length == 0 || IsWebAddress(url)).WithMessage($"Enter the full address of the {what}, with https:// at the start.");

        private static bool IsWebAddress(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.');
    }

    public async Task OnGetAsync()
    {
        Input.SubmissionKey = Guid.NewGuid().ToString();
        await LoadTakingAsync();
    }

    private async Task LoadTakingAsync() =>
        Taking = await TakingNominations.OnAsync(db, clock.Today);

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        Input.Normalize();
        // The statement's length and shape are checked before it is rendered, so no statement can keep the server busy.
        var statementValid = StatementCanBeShown();
        if (statementValid) PreviewHtml = SafeMarkdown.ToHtml(Input.Statement);
        if (Request.Headers.ContainsKey(FragmentHeader))
        {
            var fragment = Partial("_StatementPreview", this);
            if (!statementValid) fragment.StatusCode = StatusCodes.Status400BadRequest;
            return fragment;
        }
        EnsureSubmissionKey();
        Fellow = await FindFellowAsync();
        await LoadTakingAsync();
        return statementValid ? Page() : this.Invalid();
    }

    /// <summary>False, with the message beside the statement, when it is too long or too convoluted to render.</summary>
    private bool StatementCanBeShown()
    {
        var problem = Input.Statement.Length > Validator.StatementMaximum
            ? $"Keep the statement to {Validator.StatementMaximum:N0} characters (it has {Input.Statement.Length:N0})."
            : SafeMarkdown.Problem(Input.Statement);
        if (problem is null) return true;
        ModelState.AddModelError("Input.Statement", problem);
        PreviewError = problem;
        return false;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.Normalize();
        // A robot gets the same answer as a person, so it learns nothing from the response.
        if (Input.Website2.Length > 0) return RedirectToPage("Thanks");
        if (!EnsureSubmissionKey())
        {
            ModelState.AddModelError("", "This form had lost its place. Check the details and send it again.");
            await LoadTakingAsync();
            return this.Invalid();
        }
        if (await NominationIntake.ReceivedAsync(db, Input.SubmissionKey)) return Received();

        var valid = ModelState.AddErrors(new Validator().Validate(Input));
        if (!ModelState.ContainsKey("Input.Statement") || ModelState["Input.Statement"]!.Errors.Count == 0) PreviewHtml = SafeMarkdown.ToHtml(Input.Statement);
        Fellow = await FindFellowAsync();
        if (Fellow is not null && !Input.ConfirmFellow)
        {
            ModelState.AddModelError("Input.ConfirmFellow", "Tick the box to confirm that you mean to nominate this person.");
            valid = false;
        }
        if (!valid)
        {
            await LoadTakingAsync();
            return this.Invalid();
        }
        var form = new NominationIntake.Form(Input.NomineeName, Input.NomineeEmail, Input.Links().ToList(), Input.Statement,
            Input.NominatorName, Input.NominatorEmail, Input.SubmissionKey);
        await NominationIntake.TakeAsync(db, form, Fellow, options.Value.NominationSettings, clock.Now);
        return Received();
    }

    private RedirectToPageResult Received() => RedirectToPage("Received", new { key = Input.SubmissionKey });

    /// <summary>Keeps the form's key (normalised); a missing or tampered one is replaced. False when it was replaced.</summary>
    private bool EnsureSubmissionKey()
    {
        if (Guid.TryParse(Input.SubmissionKey, out var key))
        {
            Input.SubmissionKey = key.ToString();
            return true;
        }
        Input.SubmissionKey = Guid.NewGuid().ToString();
        ModelState.Remove("Input.SubmissionKey");
        return false;
    }

    private Task<NominationIntake.FellowMatch?> FindFellowAsync() => NominationIntake.FellowNamedAsync(db, Input.NomineeName, Input.NomineeEmail);

    internal static string Day(DateOnly date) => Dates.Day(date);
}
