using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Mail;

namespace Records.Web.Pages.Admin.EmailTemplates;

public class IndexModel(RecordsDbContext db) : PageModel
{
    public sealed record Row(EmailTemplateDefinition Definition, DateTime? ChangedAt, string? ChangedBy);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var custom = await db.EmailTemplates.AsNoTracking().Select(t => new { t.Key, t.UpdatedAt, t.UpdatedBy }).ToDictionaryAsync(t => t.Key, ct);
        Rows = Core.Mail.EmailTemplates.All
            .Select(d => custom.TryGetValue(d.Key, out var c) ? new Row(d, c.UpdatedAt, c.UpdatedBy) : new Row(d, null, null))
            .ToList();
    }
}
