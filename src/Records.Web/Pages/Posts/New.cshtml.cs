using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Posts;
using Records.Core.ServiceAwards;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Posts;

public class NewModel(RecordsDbContext db, TimeProvider clock, IOptions<RecordsOptions> options) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public PostKind Kind { get; private set; }
    public IReadOnlyList<(YearQuarter Quarter, int Fellows)> Quarters { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Awards { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Campaigns { get; private set; } = [];

    public class InputModel
    {
        public string? Quarter { get; set; }
        public string? Summary { get; set; }
        public int? AwardId { get; set; }
        public string? Title { get; set; }
        public int? CampaignId { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
        public bool ShowTotals { get; set; }
        public bool NameDonors { get; set; }

        /// <summary>"Q1 2020" as the list offers it, or "2020-1".</summary>
        public YearQuarter? ParsedQuarter => YearQuarter.TryParse(Quarter, out var quarter) ? quarter : null;

        public static DateOnly? Date(string? text) =>
            DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator(PostKind kind)
        {
            RuleFor(x => x.Title).MaximumLength(300).WithMessage("Keep the title under 300 characters.");
            RuleFor(x => x.Summary).MaximumLength(Limits.Note).WithMessage("Keep the summary under 4,000 characters.");
            if (kind == PostKind.Fellows)
            {
                RuleFor(x => x.Quarter).NotEmpty().WithMessage("Choose the quarter whose Fellows to announce.")
                    .Must((x, _) => x.ParsedQuarter is not null).WithMessage("Write the quarter like “Q1 2020”.").When(x => !string.IsNullOrWhiteSpace(x.Quarter), ApplyConditionTo.CurrentValidator);
            }
            if (kind == PostKind.ServiceAward) RuleFor(x => x.AwardId).NotNull().WithMessage("Choose the award to announce.");
            if (kind == PostKind.Thanks)
            {
                RuleFor(x => x.From).NotEmpty().When(x => x.CampaignId is null).WithMessage("Choose a campaign, or give the period's first day.");
                RuleFor(x => x.To).NotEmpty().When(x => x.CampaignId is null).WithMessage("Give the period's last day.");
                RuleFor(x => x.From).Must(f => InputModel.Date(f) is not null).When(x => !string.IsNullOrWhiteSpace(x.From)).WithMessage("Give the date as YYYY-MM-DD.");
                RuleFor(x => x.To).Must(t => InputModel.Date(t) is not null).When(x => !string.IsNullOrWhiteSpace(x.To)).WithMessage("Give the date as YYYY-MM-DD.");
                RuleFor(x => x.To).Must((x, t) => InputModel.Date(t) >= InputModel.Date(x.From))
                    .When(x => InputModel.Date(x.From) is not null && InputModel.Date(x.To) is not null).WithMessage("The period cannot end before it starts.");
            }
        }
    }

    public async Task<IActionResult> OnGetAsync(string? kind, CancellationToken ct)
    {
        if (!TryKind(kind)) return NotFound();
        await LoadChoicesAsync(ct);
        if (Kind == PostKind.Fellows && Quarters.Count > 0) Input.Quarter = Quarters[0].Quarter.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? kind)
    {
        if (!TryKind(kind)) return NotFound();
        await LoadChoicesAsync();
        if (!ModelState.AddErrors(new Validator(Kind).Validate(Input))) return this.Invalid();
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value.PostSettings;
        var post = new Post { Kind = Kind, Title = "", Markdown = "", Status = PostStatus.Draft, CreatedAt = now, UpdatedAt = now, Summary = Input.Summary?.Trim() };
        switch (Kind)
        {
            case PostKind.Fellows:
                var quarter = Input.ParsedQuarter!.Value;
                (post.Year, post.Quarter) = (quarter.Year, quarter.Quarter);
                post.Title = Input.Title?.Trim() is { Length: > 0 } t ? t : FellowsPostModel.Title(settings.Foundation, post.Year!.Value, post.Quarter!.Value);
                break;
            case PostKind.ServiceAward:
                post.ServiceAwardId = Input.AwardId;
                var award = await db.ServiceAwards.AsNoTracking().Where(a => a.Id == Input.AwardId).Select(a => new { a.RecipientName, a.Year, a.Quarter }).FirstOrDefaultAsync();
                post.Title = Input.Title?.Trim() is { Length: > 0 } at ? at : award is null ? "" : ServiceAwardPostModel.Title(award.RecipientName, award.Year, award.Quarter);
                break;
            default:
                post.CampaignId = Input.CampaignId;
                post.PeriodFrom = Input.CampaignId is null ? InputModel.Date(Input.From) : null;
                post.PeriodTo = Input.CampaignId is null ? InputModel.Date(Input.To) : null;
                post.ShowTotals = Input.ShowTotals;
                post.NameDonors = Input.NameDonors;
                post.Title = Input.Title?.Trim() is { Length: > 0 } tt ? tt : "Thank you to donors & sponsors";
                break;
        }
        if (await PostWriter.WriteAsync(db, post, settings, now) is { } problem)
        {
            ModelState.AddModelError(problem.Field.Length == 0 ? "" : "Input." + problem.Field, problem.Message);
            return this.Invalid();
        }
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        TempData["Flash"] = $"Wrote the draft “{post.Title}” from the records.";
        return RedirectToPage("Details", new { id = post.Id });
    }

    private bool TryKind(string? kind)
    {
        if (!Enum.TryParse<PostKind>(kind, ignoreCase: true, out var k) || !Enum.IsDefined(k) || int.TryParse(kind, out _)) return false;
        Kind = k;
        return true;
    }

    /// <param name="ct">The request's token on a GET; a post's reads run to the end with its save.</param>
    private async Task LoadChoicesAsync(CancellationToken ct = default)
    {
        var quarters = await db.Fellows.AsNoTracking().GroupBy(f => new { f.Year, f.Quarter })
            .Select(g => new { g.Key.Year, g.Key.Quarter, Count = g.Count() })
            .OrderByDescending(q => q.Year).ThenByDescending(q => q.Quarter).ToListAsync(ct);
        Quarters = quarters.Select(q => (new YearQuarter(q.Year, q.Quarter), q.Count)).ToList();
        var awards = await db.ServiceAwards.AsNoTracking().Where(a => a.Status == ServiceAwardStatus.Approved)
            .OrderByDescending(a => a.Year).ThenByDescending(a => a.Quarter).Select(a => new { a.Id, a.RecipientName, a.Year, a.Quarter }).ToListAsync(ct);
        Awards = awards.Select(a => (a.Id, $"{a.RecipientName} · {new YearQuarter(a.Year, a.Quarter).YearFirstName}")).ToList();
        var campaigns = await db.Campaigns.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        Campaigns = campaigns.Select(c => (c.Id, c.Name)).ToList();
    }
}
