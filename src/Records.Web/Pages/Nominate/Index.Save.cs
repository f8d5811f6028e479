using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Calendar;
using Records.Core.Mail;
using Records.Core.Nominations;
using Records.Core.People;

namespace Records.Web.Pages.Nominate;

// Saving a nomination: the nominee, its round, the link to an earlier nomination and the emails, all or nothing.
public partial class IndexModel
{
    private sealed record EarlierNomination(int Id, DateTime ReceivedAt, string NominatorName, int Year, int Quarter);

    private async Task<IActionResult> SaveAsync()
    {
        var now = clock.GetUtcNow();
        var key = Input.SubmissionKey;
        // SQLite begins this with a write lock, so a double submit waits here and then finds the first one's key.
        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            if (await db.Nominations.AnyAsync(n => n.SubmissionKey == key)) return Received();
            var round = await PlaceAsync(now);
            // The nomination records its first round by id alone, so a new round is saved first (same transaction).
            if (round.Id == 0) await db.SaveChangesAsync();
            var nominee = await FindOrAddNomineeAsync(now.UtcDateTime);
            var earlier = nominee.Id == 0 ? null : await db.Nominations.AsNoTracking()
                .Where(n => n.NomineeId == nominee.Id && n.Status == NominationStatus.UnderReview)
                .OrderBy(n => n.ReceivedAt).ThenBy(n => n.Id)
                .Select(n => new EarlierNomination(n.Id, n.ReceivedAt, n.NominatorName, n.Round.Year, n.Round.Quarter))
                .FirstOrDefaultAsync();
            var nomination = db.Nominations.Add(new Nomination
            {
                Round = round,
                FirstRoundId = round.Id,
                Nominee = nominee,
                NominatorName = Input.NominatorName,
                NominatorEmail = Input.NominatorEmail,
                Statement = Input.Statement,
                ReceivedAt = now.UtcDateTime,
                Status = NominationStatus.UnderReview,
                LinkedToId = earlier?.Id,
                SubmissionKey = key,
            }).Entity;
            var values = MessageValues(round);
            var (subject, body) = await EmailTemplates.RenderAsync(db, EmailTemplates.NominationReceived, values);
            db.Outbox.Add(OutboxMessage.Create([Input.NominatorEmail], subject, body, now.UtcDateTime, audience: MailAudience.WorkGroup));
            await db.SaveChangesAsync();

            // The notice links to the nomination, whose id exists only now.
            values["review_url"] = $"{options.Value.BaseUrl.TrimEnd('/')}/Nominations/Details/{nomination.Id}";
            values["earlier_note"] = earlier is null ? "" :
                $"{nominee.Name} already has a nomination under review (from {earlier.NominatorName}, received {Day(earlier.ReceivedAt)}, {new YearQuarter(earlier.Year, earlier.Quarter).Name}); this one is linked to it.\n";
            values["fellow_note"] = Fellow is null ? "" :
                $"Note: {Fellow.Name}, a Fellow since {Fellow.YearQuarter.Name}, has this nominee's name or email; the nominator confirmed the nomination.\n";
            (subject, body) = await EmailTemplates.RenderAsync(db, EmailTemplates.NominationNotice, values);
            foreach (var recipient in await WorkGroupAddressesAsync())
            {
                db.Outbox.Add(OutboxMessage.Create([recipient], subject, body, now.UtcDateTime, audience: MailAudience.WorkGroup));
            }
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            // Another request saved the same key between our check and our save: that one is the nomination.
            if (await db.Nominations.AnyAsync(n => n.SubmissionKey == key)) return Received();
            throw;
        }
        return Received();
    }

    private async Task<Round> PlaceAsync(DateTimeOffset now)
    {
        var date = RoundCalendar.LocalDate(now, options.Value.Zone);
        var (fromYear, fromQuarter) = RoundPlacement.EarliestRelevant(date);
        var known = await db.Rounds.Where(r => r.Year > fromYear || (r.Year == fromYear && r.Quarter >= fromQuarter)).ToListAsync();
        var round = RoundPlacement.For(date, known.Select(r => new KnownRound(r.Year, r.Quarter, r.CutOff, r.Status)));
        return known.FirstOrDefault(r => r.YearQuarter == round) ?? db.Rounds.Add(new Round
        {
            Year = round.Year,
            Quarter = round.Quarter,
            CutOff = round.CutOff,
            ReviewEnds = round.ReviewEnds,
            Status = RoundStatus.Upcoming,
        }).Entity;
    }

    /// <summary>The person with the nominee's email (any case), given any link they lack; else a new person with the links in the form's order.</summary>
    private async Task<Person> FindOrAddNomineeAsync(DateTime now)
    {
        var email = Input.NomineeEmail.ToLowerInvariant();
        var person = await db.People.Include(p => p.Links)
            .Where(p => p.Email != null && p.Email.ToLower() == email)
            .OrderBy(p => p.Id)
            .FirstOrDefaultAsync();
        if (person is null)
        {
            return db.People.Add(new Person
            {
                Name = Input.NomineeName,
                Email = Input.NomineeEmail,
                CreatedAt = now,
                Links = Input.Links().Select((l, i) => new PersonLink { Kind = l.Kind, Url = l.Url, Position = i }).ToList(),
            }).Entity;
        }
        var position = person.Links.Count == 0 ? 0 : person.Links.Max(l => l.Position) + 1;
        foreach (var (kind, url) in Input.Links())
        {
            if (person.Links.Any(l => string.Equals(l.Url, url, StringComparison.OrdinalIgnoreCase))) continue;
            person.Links.Add(new PersonLink { Kind = kind, Url = url, Position = position++ });
        }
        return person;
    }

    /// <summary>Each Work Group member (a Chair is one) whose account is enabled, and the list address when set.</summary>
    private async Task<List<string>> WorkGroupAddressesAsync()
    {
        var members = await (
            from u in db.Users
            where u.DisabledAt == null && u.Email != null
                  && (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                      where ur.UserId == u.Id && (r.Name == Roles.WorkGroup || r.Name == Roles.Chair)
                      select ur).Any()
            orderby u.Email
            select u.Email!).ToListAsync();
        if (!string.IsNullOrWhiteSpace(options.Value.WorkGroupListAddress)) members.Add(options.Value.WorkGroupListAddress.Trim());
        return members.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private Dictionary<string, string> MessageValues(Round round) => new()
    {
        ["foundation"] = options.Value.FoundationName,
        ["nominator_name"] = Input.NominatorName,
        ["nominee_name"] = Input.NomineeName,
        ["round"] = round.Name,
        ["cut_off"] = Day(round.CutOff),
        ["review_ends"] = Day(round.ReviewEnds),
    };

    internal static string Day(DateOnly date) => date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    private string Day(DateTime at) => Day(RoundCalendar.LocalDate(new DateTimeOffset(at, TimeSpan.Zero), options.Value.Zone));
}
