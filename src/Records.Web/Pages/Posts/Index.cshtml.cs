using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Posts;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Posts;

public class IndexModel(RecordsDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<Row> Posts { get; private set; } = new([], 1, PageSize, 0);

    public sealed record Row(int Id, PostKind Kind, string Title, PostStatus Status, DateTime UpdatedAt, DateOnly? PublishedOn, string? PublishedUrl);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var posts = db.Posts.AsNoTracking();
        if (Enum.TryParse<PostStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status)) posts = posts.Where(p => p.Status == status);
        else Status = null;
        posts = Sort switch
        {
            "title" => posts.OrderBy(p => p.Title),
            "kind" => posts.OrderBy(p => p.Kind).ThenByDescending(p => p.UpdatedAt),
            "published" => posts.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.UpdatedAt),
            _ => posts.OrderByDescending(p => p.UpdatedAt),
        };
        Posts = await posts.Select(p => new Row(p.Id, p.Kind, p.Title, p.Status, p.UpdatedAt, p.PublishedOn, p.PublishedUrl)).ToPagedAsync(PageNumber, PageSize, ct);
    }

    public string Link(int page, string? sort = null, string? status = null) =>
        $"/Posts?sort={Uri.EscapeDataString(sort ?? Sort ?? "")}&status={Uri.EscapeDataString(status ?? Status ?? "")}&p={page}";
}
