using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Posts;
using Records.Core.Text;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Posts;

public partial class DetailsModel(RecordsDbContext db, FoundationClock clock, IOptions<RecordsOptions> options) : PageModel
{
    [BindProperty] public DraftInput Draft { get; set; } = new();
    [BindProperty] public PublishInput Publish { get; set; } = new();
    [BindProperty] public MoveInput Move { get; set; } = new();

    /// <summary>A Fellows post's Fellows in the order the post names them.</summary>
    public IReadOnlyList<(int Id, string Name)> Fellows { get; private set; } = [];

    public class MoveInput
    {
        public int FellowId { get; set; }
        public string? Direction { get; set; }
        public Guid Version { get; set; }
    }

    public Post Post { get; private set; } = null!;
    public string Html => SafeMarkdown.ToHtml(Post.Markdown);
    public string Source { get; private set; } = "";

    public class DraftInput
    {
        public string Title { get; set; } = "";
        public string? Summary { get; set; }
        public bool ShowTotals { get; set; }
        public bool NameDonors { get; set; }
        public Guid Version { get; set; }
    }

    public class DraftValidator : AbstractValidator<DraftInput>
    {
        public DraftValidator()
        {
            RuleFor(x => x.Title).NotEmpty().WithMessage("Give the post a title.").MaximumLength(300).WithMessage("Keep the title under 300 characters.");
            RuleFor(x => x.Summary).MaximumLength(Limits.Note).WithMessage("Keep the summary under 4,000 characters.");
        }
    }

    public class PublishInput
    {
        public string? Url { get; set; }
        public DateOnly? On { get; set; }
        public Guid Version { get; set; }
    }

    public class PublishValidator : AbstractValidator<PublishInput>
    {
        public PublishValidator(DateOnly today)
        {
            RuleFor(x => x.Url).NotEmpty().WithMessage("Give the address the post was published at.")
                .Must(u => Uri.TryCreate(u?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                .WithMessage("Give a web address starting with https:// or http://.").When(x => !string.IsNullOrWhiteSpace(x.Url), ApplyConditionTo.CurrentValidator)
                .MaximumLength(500).WithMessage("Keep the address under 500 characters.");
            RuleFor(x => x.On).NotNull().WithMessage("Give the date it was published.")
                .Must(d => d <= today).WithMessage("The publication date cannot be in the future.").When(x => x.On is not null, ApplyConditionTo.CurrentValidator);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct: ct)) return NotFound();
        Draft = DraftOf(Post);
        Publish = new PublishInput { On = Today, Version = Post.Version };
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct: ct)) return NotFound();
        var markdown = $"# {Post.Title}\n\n{Post.Markdown}";
        return File(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", $"{Slug(Post.Title)}.md");
    }

    /// <summary>Saves the draft's settings and writes it again from the records as they are now.</summary>
    public async Task<IActionResult> OnPostRegenerateAsync(int id)
    {
        if (!await LoadAsync(id, tracked: true)) return NotFound();
        if (Refused() is { } refused) return refused;
        Publish = new PublishInput { On = Today, Version = Post.Version };
        if (!ModelState.AddErrors(new DraftValidator().Validate(Draft), nameof(Draft))) return this.Invalid();
        if (Post.Version != Draft.Version) return this.StaleEdit(Stale);
        Post.Title = Draft.Title.Trim();
        Post.Summary = Draft.Summary?.Trim();
        Post.ShowTotals = Draft.ShowTotals;
        Post.NameDonors = Draft.NameDonors;
        if (await PostWriter.WriteAsync(db, Post, options.Value.PostSettings, clock.Now.UtcDateTime) is { } problem)
        {
            ModelState.AddModelError("", problem.Message);
            return this.Invalid();
        }
        if (await this.SaveOrStaleAsync(db, Stale) is { } stale) return stale;
        TempData["Flash"] = "Wrote the draft again from the records as they are now.";
        return RedirectToPage(new { id });
    }

    /// <summary>Moves one Fellow a place up or down in a draft Fellows post, keeps that order with the draft and writes it again.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id)
    {
        if (!await LoadAsync(id, tracked: true)) return NotFound();
        if (Refused() is { } refused) return refused;
        Draft = DraftOf(Post);
        Publish = new PublishInput { On = Today, Version = Post.Version };
        if (Post.Kind != PostKind.Fellows) return NotFound();
        if (Post.Version != Move.Version) return this.StaleEdit(Stale);
        var order = Move.Direction is "up" or "down" ? FellowOrder.Move(Fellows, Move.FellowId, Move.Direction == "up") : null;
        if (order is null)
        {
            ModelState.AddModelError("", "That Fellow cannot move that way: reload the page and try again.");
            return this.Invalid();
        }
        Post.FellowOrder = order;
        if (await PostWriter.WriteAsync(db, Post, options.Value.PostSettings, clock.Now.UtcDateTime) is { } problem)
        {
            ModelState.AddModelError("", problem.Message);
            return this.Invalid();
        }
        if (await this.SaveOrStaleAsync(db, Stale) is { } stale) return stale;
        var name = Fellows.First(f => f.Id == Move.FellowId).Name;
        TempData["Flash"] = $"Moved {name} {(Move.Direction == "up" ? "up" : "down")} and wrote the draft again in the new order.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPublishAsync(int id)
    {
        if (!await LoadAsync(id, tracked: true)) return NotFound();
        if (Refused() is { } refused) return refused;
        Draft = DraftOf(Post);
        if (!ModelState.AddErrors(new PublishValidator(Today).Validate(Publish), nameof(Publish))) return this.Invalid();
        if (Post.Version != Publish.Version) return this.StaleEdit(Stale);
        Post.Status = PostStatus.Published;
        Post.PublishedUrl = Publish.Url!.Trim();
        Post.PublishedOn = Publish.On;
        Post.UpdatedAt = clock.Now.UtcDateTime;
        if (await this.SaveOrStaleAsync(db, Stale) is { } stale) return stale;
        TempData["Flash"] = $"Marked “{Post.Title}” published. It will not be written again.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (!await LoadAsync(id, tracked: true)) return NotFound();
        if (Refused() is { } refused) return refused;
        db.Posts.Remove(Post);
        await db.SaveChangesAsync();
        TempData["Flash"] = $"Deleted the draft “{Post.Title}”.";
        return RedirectToPage("Index");
    }

    private static DraftInput DraftOf(Post post) =>
        new() { Title = post.Title, Summary = post.Summary, ShowTotals = post.ShowTotals, NameDonors = post.NameDonors, Version = post.Version };

    private DateOnly Today => clock.Today;

    /// <summary>A published post is the record of what went out: nothing changes it behind anyone's back.</summary>
    private PageResult? Refused()
    {
        if (Post.Status != PostStatus.Published) return null;
        ModelState.AddModelError("", "This post is published, so it is kept as it went out and cannot be written again, changed or deleted.");
        return this.WithStatus(StatusCodes.Status409Conflict);
    }

    private const string Stale = "Someone else changed this post while you were looking at it. Reload the page to see their change, then try again.";

    /// <param name="ct">The request's token on a GET; a post's reads run to the end with its save.</param>
    private async Task<bool> LoadAsync(int id, bool tracked = false, CancellationToken ct = default)
    {
        var posts = tracked ? db.Posts : db.Posts.AsNoTracking();
        var post = await posts.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return false;
        Post = post;
        if (post.Kind == PostKind.Fellows) Fellows = await FellowOrder.OfAsync(db, post.Year ?? 0, post.Quarter ?? 0, post.FellowOrder, ct);
        Source = post.Kind switch
        {
            PostKind.Fellows => $"Fellows of {post.YearQuarter?.Name}",
            PostKind.ServiceAward => await db.ServiceAwards.AsNoTracking().Where(a => a.Id == post.ServiceAwardId)
                .Select(a => new { a.RecipientName, a.Year, a.Quarter }).FirstOrDefaultAsync(ct) is { } award
                    ? $"{award.RecipientName}, {new YearQuarter(award.Year, award.Quarter).YearFirstName} Community Service Award"
                    : "An award since deleted",
            _ => post.CampaignId is { } c
                ? "Campaign " + (await db.Campaigns.AsNoTracking().Where(x => x.Id == c).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "since deleted")
                : $"Gifts and sponsorships from {post.PeriodFrom:MMM d, yyyy} to {post.PeriodTo:MMM d, yyyy}",
        };
        return true;
    }

    public static string Slug(string title)
    {
        var slug = NotSlug().Replace(title.Normalize(NormalizationForm.FormD).ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "post" : slug[..Math.Min(slug.Length, 80)].TrimEnd('-');
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
