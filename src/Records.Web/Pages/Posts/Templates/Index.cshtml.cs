using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Posts;
using Records.Core.Text;

namespace Records.Web.Pages.Posts.Templates;

public class IndexModel(RecordsDbContext db) : PageModel
{
    public sealed record Row(PostKind Kind, string Name, bool Customised, string? UpdatedBy, DateTime? UpdatedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var custom = await db.PostTemplates.AsNoTracking().Select(t => new { t.Kind, t.UpdatedBy, t.UpdatedAt }).ToListAsync(ct);
        Rows = Enum.GetValues<PostKind>().Select(k => custom.FirstOrDefault(c => c.Kind == k) is { } c
            ? new Row(k, k.DisplayName(), true, c.UpdatedBy, c.UpdatedAt)
            : new Row(k, k.DisplayName(), false, null, null)).ToList();
    }
}
