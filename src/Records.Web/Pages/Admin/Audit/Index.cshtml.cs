using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Audit;
using Records.Core.Data;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Admin.Audit;

public class IndexModel(RecordsDbContext db, FoundationClock clock) : PageModel
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
        var zone = clock.Zone;
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
        if (!User.IsInRole(Records.Core.Accounts.Roles.WorkGroup)) Withheld = await NomineeEntriesAsync(Entries.Items, ct);
        return ModelState.IsValid && DateError is null ? Page() : this.WithStatus(StatusCodes.Status400BadRequest);
    }

    public string NameOf(string userName) => Names.TryGetValue(userName, out var name) ? name : userName;

    public string When(DateTime utc) => clock.DayAndTime(utc);

    /// <summary>Entries about someone who has been nominated and is not a Fellow: who is nominated is the Work Group's business.</summary>
    private HashSet<long> Withheld { get; set; } = [];

    public bool MayRead(AuditEntry entry) => User.MayRead(entry.EntityType) && !Withheld.Contains(entry.Id);

    public string RecordOf(AuditEntry entry) => MayRead(entry) ? User.RecordName(entry) : $"{entry.EntityType} #{entry.EntityId} (confidential)";

    private async Task<HashSet<long>> NomineeEntriesAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        static int? Id(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        var people = entries.Where(e => e.EntityType == "Person").Select(e => Id(e.EntityId)).OfType<int>().ToList();
        var links = entries.Where(e => e.EntityType == "PersonLink").Select(e => Id(e.EntityId)).OfType<int>().ToList();
        if (people.Count == 0 && links.Count == 0) return [];
        var linkOwners = await db.PersonLinks.AsNoTracking().Where(l => links.Contains(l.Id)).Select(l => new { l.Id, l.PersonId }).ToListAsync(ct);
        var candidates = people.Concat(linkOwners.Select(l => l.PersonId)).Distinct().ToList();
        var nominees = (await db.Nominations.AsNoTracking()
            .Where(n => candidates.Contains(n.NomineeId) && !db.Fellows.Any(f => f.PersonId == n.NomineeId))
            .Select(n => n.NomineeId).Distinct().ToListAsync(ct)).ToHashSet();
        var owners = linkOwners.ToDictionary(l => l.Id, l => l.PersonId);
        // A link whose record is gone can no longer be traced to its person, so it is withheld rather than guessed at.
        return entries.Where(e => (e.EntityType == "Person" && Id(e.EntityId) is { } p && nominees.Contains(p))
                || (e.EntityType == "PersonLink" && (Id(e.EntityId) is not { } l || !owners.TryGetValue(l, out var owner) || nominees.Contains(owner))))
            .Select(e => e.Id).ToHashSet();
    }

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
