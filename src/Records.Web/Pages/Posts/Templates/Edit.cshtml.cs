using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Data;
using Records.Core.Posts;
using Records.Core.Text;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Posts.Templates;

public class EditModel(RecordsDbContext db, FoundationClock clock, IOptions<RecordsOptions> options) : PageModel
{
    public const string FragmentHeader = "X-Records-Fragment";

    [BindProperty] public InputModel Input { get; set; } = new();

    public PostKind Kind { get; private set; }
    public bool IsCustomised { get; private set; }
    public PostRendering? Preview { get; private set; }
    public string PreviewHtml => Preview?.Markdown is { } markdown ? SafeMarkdown.ToHtml(markdown) : "";
    public bool PreviewFromRecords { get; private set; }

    public class InputModel
    {
        public string Body { get; set; } = "";
        public Guid? Version { get; set; }
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Body).NotEmpty().WithMessage("Write the template, or reset it to the default.")
                .MaximumLength(50_000).WithMessage("Keep the template under 50,000 characters.");
        }
    }

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (!await LoadAsync(kind, ct)) return NotFound();
        var custom = await db.PostTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == Kind, ct);
        Input = new InputModel { Body = custom?.Body ?? PostTemplates.Default(Kind), Version = custom?.Version };
        Preview = await RenderAsync(Input.Body, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string kind)
    {
        if (!await LoadAsync(kind)) return NotFound();
        // The length is checked before anything renders, as it is when saving.
        var valid = ModelState.AddErrors(new Validator().Validate(Input));
        Preview = valid ? await RenderAsync(Input.Body ?? "") : new PostRendering(null, ModelState["Input.Body"]?.Errors.FirstOrDefault()?.ErrorMessage ?? "Write the template.", null);
        if (!valid) ModelState.Remove("Input.Body");
        if (Request.Headers.ContainsKey(FragmentHeader))
        {
            Response.StatusCode = Preview.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            return Partial("_TemplatePreview", this);
        }
        if (!Preview.Succeeded) ModelState.AddModelError("Input.Body", Message(Preview));
        return Preview.Succeeded ? Page() : this.Invalid();
    }

    public async Task<IActionResult> OnPostAsync(string kind)
    {
        if (!await LoadAsync(kind)) return NotFound();
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return this.Invalid();
        var body = Input.Body.Replace("\r\n", "\n");
        Preview = await RenderAsync(body);
        if (!Preview.Succeeded)
        {
            ModelState.AddModelError("Input.Body", Message(Preview) + " The template in use is unchanged.");
            return this.Invalid();
        }
        var template = await db.PostTemplates.FirstOrDefaultAsync(t => t.Kind == Kind);
        if (template?.Version != Input.Version)
        {
            ModelState.AddModelError("", "Someone else changed this template while you were editing. Reload the page to see their wording, then make your change again.");
            return this.WithStatus(StatusCodes.Status409Conflict);
        }
        if (template is null) db.PostTemplates.Add(template = new PostTemplate { Kind = Kind, Body = "", UpdatedBy = "" });
        template.Body = body;
        template.UpdatedBy = User.Identity?.Name ?? "";
        template.UpdatedAt = clock.Now.UtcDateTime;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("", "Someone else changed this template at the same moment. Reload the page and try again.");
            return this.WithStatus(StatusCodes.Status409Conflict);
        }
        TempData["Flash"] = $"Saved the {Kind.DisplayName()} template. New drafts use it.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostResetAsync(string kind)
    {
        if (!await LoadAsync(kind)) return NotFound();
        db.PostTemplates.RemoveRange(await db.PostTemplates.Where(t => t.Kind == Kind).ToListAsync());
        var deleted = await db.DeleteCountAsync();
        TempData["Flash"] = deleted > 0 ? $"The {Kind.DisplayName()} template is back to the default wording." : "That template already uses the default wording.";
        return RedirectToPage("Index");
    }

    public static string Message(PostRendering rendering) => rendering.Line is { } line ? $"Line {line}: {rendering.Error}" : rendering.Error ?? "";

    /// <summary>Renders with the latest records (what Staff see), and checks it also renders the built-in example that fills every branch.</summary>
    private async Task<PostRendering> RenderAsync(string body, CancellationToken ct = default)
    {
        var settings = options.Value.PostSettings;
        var check = await PostTemplates.RenderAsync(body, Samples.BuiltIn(Kind, settings));
        if (!check.Succeeded) return check;
        var today = clock.Today;
        if (await Samples.LatestAsync(db, Kind, settings, today, ct) is not { } latest) return check;
        PreviewFromRecords = true;
        return await PostTemplates.RenderAsync(body, latest);
    }

    /// <param name="ct">The request's token on a GET; a post's reads run to the end with its save.</param>
    private async Task<bool> LoadAsync(string kind, CancellationToken ct = default)
    {
        if (!Enum.TryParse<PostKind>(kind, ignoreCase: true, out var k) || !Enum.IsDefined(k) || int.TryParse(kind, out _)) return false;
        Kind = k;
        IsCustomised = await db.PostTemplates.AnyAsync(t => t.Kind == k, ct);
        return true;
    }
}
