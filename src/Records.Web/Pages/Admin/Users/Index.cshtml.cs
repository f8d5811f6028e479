using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Admin.Users;

public class IndexModel(RecordsDbContext db, FoundationClock clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "name";
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public Paged<Row> Users { get; private set; } = null!;

    public sealed record Row(string Id, string Name, string Email, DateTime CreatedAt, bool Disabled, bool LockedOut, IReadOnlyList<string> Roles);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.Now;
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(u => u.DisplayName.Contains(q) || u.Email!.Contains(q));
        }
        query = Sort switch
        {
            "email" => query.OrderBy(u => u.Email),
            "created" => query.OrderByDescending(u => u.CreatedAt),
            _ => query.OrderBy(u => u.DisplayName),
        };
        var page = await query.Select(u => new { u.Id, u.DisplayName, u.Email, u.CreatedAt, u.DisabledAt, u.LockoutEnd }).ToPagedAsync(P, PageSize, ct);
        var ids = page.Items.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        Users = new Paged<Row>(
            page.Items.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "", u.CreatedAt, u.DisabledAt is not null,
                u.DisabledAt is null && u.LockoutEnd > now,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList())).ToList(),
            page.Page, page.PageSize, page.Total);
    }

    public string Link(int page, string? sort = null) => $"/Admin/Users?sort={sort ?? Sort}&p={page}&q={Uri.EscapeDataString(Q ?? "")}";
}
