using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Data;
using Records.Core.Mail;
using Records.Web.Infrastructure;
using Templates = Records.Core.Mail.EmailTemplates;

namespace Records.Web.Pages.Admin.EmailTemplates;

public class EditModel(RecordsDbContext db, TimeProvider clock, IOptions<RecordsOptions> options) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public EmailTemplateDefinition Definition { get; private set; } = null!;
    public bool IsCustomised { get; private set; }
    public (string Subject, string Body)? Preview { get; private set; }

    public class InputModel
    {
        public string Subject { get; set; } = "";
        public string Body { get; set; } = "";
        public Guid? Version { get; set; }
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator(IReadOnlyList<string> fields)
        {
            RuleFor(x => x.Subject).NotEmpty().WithMessage("Enter a subject.").MaximumLength(300).WithMessage("Keep the subject under 300 characters.")
                .Must(s => s is null || !s.Contains('\n')).WithMessage("The subject must be one line.");
            RuleFor(x => x.Subject).Custom((subject, context) => { foreach (var problem in Templates.Problems(subject ?? "", fields)) context.AddFailure(problem); });
            RuleFor(x => x.Body).NotEmpty().WithMessage("Enter the message.").MaximumLength(20_000).WithMessage("Keep the message under 20,000 characters.");
            RuleFor(x => x.Body).Custom((body, context) => { foreach (var problem in Templates.Problems(body ?? "", fields)) context.AddFailure(problem); });
        }
    }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        var custom = await db.EmailTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct);
        Input = new InputModel { Subject = custom?.Subject ?? Definition.Subject, Body = custom?.Body ?? Definition.Body, Version = custom?.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string key)
    {
        if (!await LoadAsync(key)) return NotFound();
        if (!ModelState.AddErrors(new Validator(Definition.Fields).Validate(Input))) return this.Invalid();
        var samples = Samples();
        Preview = (Templates.Render(Input.Subject, samples), Templates.Render(Input.Body, samples));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        if (!await LoadAsync(key)) return NotFound();
        if (!ModelState.AddErrors(new Validator(Definition.Fields).Validate(Input))) return this.Invalid();
        var template = await db.EmailTemplates.FirstOrDefaultAsync(t => t.Key == key);
        if (template?.Version != Input.Version)
            return this.StaleEdit("Someone else changed this template while you were editing. Reload the page to see their wording, then make your change again.");
        if (template is null) db.EmailTemplates.Add(template = new EmailTemplate { Key = key, Subject = "", Body = "" });
        template.Subject = Input.Subject.Trim();
        template.Body = Input.Body.Replace("\r\n", "\n");
        template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        template.UpdatedBy = User.Identity?.Name;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Also a template first customised by someone else at the same moment: its key is taken.
            return this.StaleEdit("Someone else changed this template at the same moment. Reload the page and try again.");
        }
        TempData["Flash"] = $"Saved the wording of “{Definition.Name}”.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostResetAsync(string key)
    {
        if (!await LoadAsync(key)) return NotFound();
        db.EmailTemplates.RemoveRange(await db.EmailTemplates.Where(t => t.Key == key).ToListAsync());
        var deleted = await db.DeleteCountAsync();
        TempData["Flash"] = deleted > 0 ? $"“{Definition.Name}” is back to the default wording." : $"“{Definition.Name}” already uses the default wording.";
        return RedirectToPage("Index");
    }

    /// <summary>Believable values for the preview, so an Admin sees the message as a recipient will.</summary>
    public IReadOnlyDictionary<string, string> Samples()
    {
        var baseUrl = options.Value.BaseUrl.TrimEnd('/');
        var known = new Dictionary<string, string>
        {
            ["foundation"] = options.Value.FoundationName,
            ["nominator_name"] = "Mariatta Wijaya",
            ["nominee_name"] = "Łukasz Langa",
            ["member_name"] = "Carol Willing",
            ["round"] = "Q1 2027",
            ["next_round"] = "Q2 2027",
            ["last_round"] = "Q4 2027",
            ["cut_off"] = "Feb 20, 2027",
            ["review_ends"] = "Mar 20, 2027",
            ["pending_count"] = "3",
            ["review_url"] = $"{baseUrl}/Nominations/Details/42",
            ["earlier_note"] = "This person was also nominated in Q4 2026; both statements are on the nomination's page.\n",
            ["fellow_note"] = "",
            ["roster_url"] = $"{baseUrl}/Fellows",
        };
        return Definition.Fields.ToDictionary(f => f, f => known.GetValueOrDefault(f, $"[{f}]"));
    }

    /// <param name="ct">The request's token on a GET; a post's reads run to the end with its save.</param>
    private async Task<bool> LoadAsync(string key, CancellationToken ct = default)
    {
        var definition = Templates.All.FirstOrDefault(t => t.Key == key);
        if (definition is null) return false;
        Definition = definition;
        IsCustomised = await db.EmailTemplates.AnyAsync(t => t.Key == key, ct);
        return true;
    }
}
