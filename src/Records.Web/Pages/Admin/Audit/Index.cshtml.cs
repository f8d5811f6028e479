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

    public sealed record Change(string Field, string? Before, string? After);

    /// <summary>Turns the stored JSON (field → [old, new]) into lines a person can read; long values are shortened.</summary>
    public static IReadOnlyList<Change> Describe(string json)
    {
        static string? Show(System.Text.Json.JsonElement value) => value.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined => null,
            System.Text.Json.JsonValueKind.String => Shorten(value.GetString()!),
            _ => Shorten(value.GetRawText()),
        };
        static string Shorten(string text) => text.Length > 80 ? text[..77] + "…" : text;

        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Select(p => new Change(p.Name, Show(p.Value[0]), Show(p.Value[1])))
            .Where(c => c.Before is not null || c.After is not null)
            .ToList();
    }

    public string Link(int page) => $"/Admin/Audit?p={page}&type={Uri.EscapeDataString(Type ?? "")}&who={Uri.EscapeDataString(Who ?? "")}";
}
