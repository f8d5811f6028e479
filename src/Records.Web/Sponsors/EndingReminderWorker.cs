using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Accounts;
using Records.Core.Data;
using Records.Core.Mail;
using Records.Core.Nominations;
using Records.Core.Sponsors;
using Records.Web.Infrastructure;

namespace Records.Web.Sponsors;

/// <summary>
/// Tells Staff once about each sponsorship coming up to its end, so they can talk to the sponsor about renewing:
/// one message per sponsorship to every active Staff member and the Staff list, when the sponsorship ends within
/// <see cref="SponsorshipOptions.EndingReminderDays"/> days. Checks every <see cref="SponsorshipOptions.ReminderPollSeconds"/>.
/// </summary>
public sealed class EndingReminderWorker(IServiceScopeFactory scopes, IOptions<RecordsOptions> options, TimeProvider clock, FirstRequest firstRequest, ILogger<EndingReminderWorker> logger)
    : PollingWorker(scopes, clock, firstRequest, logger)
{
    protected override TimeSpan Poll => TimeSpan.FromSeconds(options.Value.Sponsorships.ReminderPollSeconds);

    protected override string What => "The sponsorship ending reminder";

    protected override Task PassAsync(RecordsDbContext db, DateTimeOffset now, CancellationToken ct) => RunOnceAsync(db, options.Value, now, ct);

    /// <summary>One pass: every sponsorship not rejected, ending within the reminder days, that Staff were not yet told about.</summary>
    /// <returns>How many sponsorships were announced.</returns>
    public static async Task<int> RunOnceAsync(RecordsDbContext db, RecordsOptions options, DateTimeOffset now, CancellationToken ct = default)
    {
        var today = RoundCalendar.LocalDate(now, options.Zone);
        var horizon = today.AddDays(options.Sponsorships.EndingReminderDays);
        var unannounced = SponsorshipEndings.EndingBetween(db.Sponsorships, today, horizon).Where(s => s.EndingReminderQueuedAt == null);
        if (!await unannounced.AnyAsync(ct)) return 0;
        // Several instances of the app may see the same sponsorship at once: the one that takes the section first tells
        // Staff, and the others find it stamped once the section is theirs.
        await using var transaction = await DatabaseProvider.For(db).BeginSerialWriteAsync(db, "sponsorship ending reminders", ct);
        var ending = await unannounced.Include(s => s.Sponsor).Include(s => s.Program).Include(s => s.Package)
            .OrderBy(s => s.EndsOn).ThenBy(s => s.Id)
            .ToListAsync(ct);
        if (ending.Count == 0) return 0;
        var recipients = await StaffAddressesAsync(db, options, ct);
        // With nobody to tell, the sponsorship stays unmarked so the reminder goes out once someone is.
        if (recipients.Count == 0) return 0;

        var wording = await EmailTemplates.WordingAsync(db, EmailTemplates.SponsorshipEnding, ct);
        var at = now.UtcDateTime;
        foreach (var s in ending)
        {
            var (subject, body) = EmailTemplates.Render(wording, new Dictionary<string, string>
            {
                ["foundation"] = options.FoundationName,
                ["sponsor_name"] = s.Sponsor.Name,
                ["sponsorship"] = s.Package is { } p ? $"{s.Program.Name} {p.Name} {p.Year}" : $"{s.Program.Name}{(s.Description is { } d ? $" ({d})" : "")}",
                ["ends_on"] = s.EndsOn.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
                ["days_left"] = (s.EndsOn.DayNumber - today.DayNumber).ToString(CultureInfo.InvariantCulture),
                ["contact_name"] = s.Sponsor.PrimaryContactName ?? "",
                ["contact_email"] = s.Sponsor.PrimaryContactEmail ?? "",
                ["sponsorship_url"] = $"{options.BaseUrl.TrimEnd('/')}/Sponsors/Sponsorships/Details/{s.Id}",
            });
            db.Outbox.Add(OutboxMessage.Create(recipients, subject, body, at));
            s.EndingReminderQueuedAt = at;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ending.Count;
    }

    private static async Task<List<string>> StaffAddressesAsync(RecordsDbContext db, RecordsOptions options, CancellationToken ct)
    {
        var staff = await Recipients.WithRoleAsync(db, Roles.Staff, ct);
        if (!string.IsNullOrWhiteSpace(options.Sponsorships.StaffListAddress)) staff.Add(options.Sponsorships.StaffListAddress.Trim());
        return [.. staff.Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
