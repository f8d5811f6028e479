using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Audit;
using Records.Core.Data;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Admin.Audit;

public class IndexModel(RecordsDbContext db, IOptions<RecordsOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Who { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public Paged<AuditEntry> Entries { get; private set; } = null!;
    public IReadOnlyList<string> Types { get; private set; } = [];
    public IReadOnlyList<(string UserName, string Name)> People { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public string? DateError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var zone = options.Value.Zone;
        var from = ParseDay(From, nameof(From));
        var to = ParseDay(To, nameof(To));
        if (from is { } f && to is { } t && t < f) DateError = "The “to” date is before the “from” date.";

        Types = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        var writers = await db.AuditEntries.AsNoTracking().Select(a => a.UserName).Distinct().ToListAsync(ct);
        var accounts = await db.Users.AsNoTracking().Where(u => writers.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
        Names = accounts.Where(a => !string.IsNullOrWhiteSpace(a.DisplayName)).ToDictionary(a => a.UserName!, a => a.DisplayName);
        People = writers.Select(w => (w, NameOf(w))).OrderBy(p => p.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Type)) query = query.Where(a => a.EntityType == Type);
        if (!string.IsNullOrWhiteSpace(Who)) query = query.Where(a => a.UserName == Who);
        if (DateError is null && from is { } start)
        {
            var since = Utc(start, zone);
            query = query.Where(a => a.At >= since);
        }
        if (DateError is null && to is { } end)
        {
            var before = Utc(end.AddDays(1), zone);
            query = query.Where(a => a.At < before);
        }
        Entries = await query.OrderByDescending(a => a.Id).ToPagedAsync(P, 50, ct);
        return ModelState.IsValid && DateError is null ? Page() : this.WithStatus(StatusCodes.Status400BadRequest);
    }

    public string NameOf(string userName) => Names.TryGetValue(userName, out var name) ? name : userName;

    public string When(DateTime utc) => options.Value.DayAndTime(utc);

    public bool MayRead(AuditEntry entry) => User.MayRead(entry.EntityType);

    public string RecordOf(AuditEntry entry) => User.RecordName(entry);

    /// <summary>"BudgetLine" → "Budget line", for the record filter.</summary>
    public static string KindName(string type) =>
        string.Concat(type.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

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

    /// <summary>"Name, Email and 3 more" — the one line shown before the details are opened.</summary>
    public static string Headline(IReadOnlyList<Change> changes) => changes.Count switch
    {
        0 => "no fields",
        <= 3 => string.Join(", ", changes.Select(c => c.Field)),
        _ => $"{string.Join(", ", changes.Take(2).Select(c => c.Field))} and {changes.Count - 2} more",
    };

    public string Link(int page) =>
        $"/Admin/Audit?p={page}&type={Uri.EscapeDataString(Type ?? "")}&who={Uri.EscapeDataString(Who ?? "")}&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}";

    private DateOnly? ParseDay(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 1900 and <= 9000) return day;
        ModelState.AddModelError(field, "Give a date such as 2026-11-30.");
        return null;
    }

    private static DateTime Utc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}
