using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Audit;
using Records.Core.Data;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Admin.Audit;

public class IndexModel(RecordsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Who { get; set; }

    public Paged<AuditEntry> Entries { get; private set; } = null!;
    public IReadOnlyList<string> Types { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Types = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Type)) query = query.Where(a => a.EntityType == Type);
        if (!string.IsNullOrWhiteSpace(Who)) query = query.Where(a => a.UserName.Contains(Who.Trim()));
        Entries = await query.OrderByDescending(a => a.Id).ToPagedAsync(P, 50, ct);
    }

    public string Link(int page) => $"/Admin/Audit?p={page}&type={Uri.EscapeDataString(Type ?? "")}&who={Uri.EscapeDataString(Who ?? "")}";
}
