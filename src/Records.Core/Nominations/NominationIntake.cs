using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Mail;
using Records.Core.People;

namespace Records.Core.Nominations;

/// <summary>
/// Taking in a nomination from the public form, all or nothing: it joins the round for the day it arrives (a new round
/// when there is none yet), its nominee is the person with that email (given the links they lack) or a new person, it is
/// linked to the nominee's earliest nomination still under review, the nominator is sent a receipt and the Work Group a notice.
/// A submission key received before is not taken in again.
/// </summary>
public static class NominationIntake
{
    /// <summary>A nomination as sent: fields trimmed and checked, links in the form's order.</summary>
    public sealed record Form(string NomineeName, string NomineeEmail, IReadOnlyList<(LinkKind Kind, string Url)> Links, string Statement,
        string NominatorName, string NominatorEmail, string SubmissionKey);

    /// <summary>A Fellow sharing the nominee's name or email, whom the nominator confirmed they mean to nominate again.</summary>
    public sealed record FellowMatch(string Name, int Year, int Quarter)
    {
        public YearQuarter YearQuarter => new(Year, Quarter);
    }

    private sealed record EarlierNomination(int Id, DateTime ReceivedAt, string NominatorName, int Year, int Quarter);

    /// <summary>Whether the nomination with this submission key is already in.</summary>
    public static Task<bool> ReceivedAsync(RecordsDbContext db, string submissionKey, CancellationToken ct = default) =>
        db.Nominations.AnyAsync(n => n.SubmissionKey == submissionKey, ct);

    /// <summary>A Fellow with the nominee's email or name (names compared without case): the form warns before a second induction.</summary>
    public static async Task<FellowMatch?> FellowNamedAsync(RecordsDbContext db, string nomineeName, string nomineeEmail, CancellationToken ct = default)
    {
        var name = nomineeName.ToLowerInvariant();
        var email = nomineeEmail.ToLowerInvariant();
        if (name.Length == 0 && email.Length == 0) return null;
        return await db.Fellows.AsNoTracking()
            .Where(f => (email != "" && f.Person.Email != null && f.Person.Email.ToLower() == email) || (name != "" && f.Person.Name.ToLower() == name))
            .OrderBy(f => f.Year).ThenBy(f => f.Quarter)
            .Select(f => new FellowMatch(f.Person.Name, f.Year, f.Quarter))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Takes the nomination in and saves it with its emails; does nothing when its submission key is in already.</summary>
    public static async Task TakeAsync(RecordsDbContext db, Form form, FellowMatch? fellow, NominationSettings settings, DateTimeOffset now, CancellationToken ct = default)
    {
        // One intake at a time, so a double submit waits here and then finds the first one's key.
        await using var transaction = await DatabaseProvider.For(db).BeginSerialWriteAsync(db, "nomination intake", ct);
        try
        {
            if (await ReceivedAsync(db, form.SubmissionKey, ct)) return;
            var round = await PlaceAsync(db, now, settings.Zone, ct);
            // The nomination records its first round by id alone, so a new round is saved first (same transaction).
            if (round.Id == 0) await db.SaveChangesAsync(ct);
            var nominee = await FindOrAddNomineeAsync(db, form, now.UtcDateTime, ct);
            var earlier = nominee.Id == 0 ? null : await db.Nominations.AsNoTracking()
                .Where(n => n.NomineeId == nominee.Id && n.Status == NominationStatus.UnderReview)
                .OrderBy(n => n.ReceivedAt).ThenBy(n => n.Id)
                .Select(n => new EarlierNomination(n.Id, n.ReceivedAt, n.NominatorName, n.Round.Year, n.Round.Quarter))
                .FirstOrDefaultAsync(ct);
            var nomination = db.Nominations.Add(new Nomination
            {
                Round = round,
                FirstRoundId = round.Id,
                Nominee = nominee,
                NominatorName = form.NominatorName,
                NominatorEmail = form.NominatorEmail,
                Statement = form.Statement,
                ReceivedAt = now.UtcDateTime,
                Status = NominationStatus.UnderReview,
                LinkedToId = earlier?.Id,
                SubmissionKey = form.SubmissionKey,
            }).Entity;
            var values = new Dictionary<string, string>
            {
                ["foundation"] = settings.FoundationName,
                ["nominator_name"] = form.NominatorName,
                ["nominee_name"] = form.NomineeName,
                ["round"] = round.Name,
                ["cut_off"] = Text.Dates.Day(round.CutOff),
                ["review_ends"] = Text.Dates.Day(round.ReviewEnds),
            };
            var (subject, body) = await EmailTemplates.RenderAsync(db, EmailTemplates.NominationReceived, values, ct);
            db.Outbox.Add(OutboxMessage.Create([form.NominatorEmail], subject, body, now.UtcDateTime, audience: MailAudience.WorkGroup));
            await db.SaveChangesAsync(ct);

            // The notice links to the nomination, whose id exists only now.
            values["review_url"] = settings.Link($"/Nominations/Details/{nomination.Id}");
            values["earlier_note"] = earlier is null ? "" :
                $"{nominee.Name} already has a nomination under review (from {earlier.NominatorName}, received {Day(earlier.ReceivedAt, settings.Zone)}, {new YearQuarter(earlier.Year, earlier.Quarter).Name}); this one is linked to it.\n";
            values["fellow_note"] = fellow is null ? "" :
                $"Note: {fellow.Name}, a Fellow since {fellow.YearQuarter.Name}, has this nominee's name or email; the nominator confirmed the nomination.\n";
            (subject, body) = await EmailTemplates.RenderAsync(db, EmailTemplates.NominationNotice, values, ct);
            foreach (var recipient in await WorkGroupAddressesAsync(db, settings, ct))
            {
                db.Outbox.Add(OutboxMessage.Create([recipient], subject, body, now.UtcDateTime, audience: MailAudience.WorkGroup));
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            // Another request saved the same key between our check and our save: that one is the nomination.
            if (await ReceivedAsync(db, form.SubmissionKey, ct)) return;
            throw;
        }
    }

    private static async Task<Round> PlaceAsync(RecordsDbContext db, DateTimeOffset now, TimeZoneInfo zone, CancellationToken ct)
    {
        var date = RoundCalendar.LocalDate(now, zone);
        var (fromYear, fromQuarter) = RoundPlacement.EarliestRelevant(date);
        var known = await db.Rounds.Where(r => r.Year > fromYear || (r.Year == fromYear && r.Quarter >= fromQuarter)).ToListAsync(ct);
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
    private static async Task<Person> FindOrAddNomineeAsync(RecordsDbContext db, Form form, DateTime now, CancellationToken ct)
    {
        var email = form.NomineeEmail.ToLowerInvariant();
        var person = await db.People.Include(p => p.Links)
            .Where(p => p.Email != null && p.Email.ToLower() == email)
            .OrderBy(p => p.Id)
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return db.People.Add(new Person
            {
                Name = form.NomineeName,
                Email = form.NomineeEmail,
                CreatedAt = now,
                Links = form.Links.Select((l, i) => new PersonLink { Kind = l.Kind, Url = l.Url, Position = i }).ToList(),
            }).Entity;
        }
        person.AppendMissingLinks(form.Links);
        return person;
    }

    /// <summary>Each Work Group member (a Chair is one) whose account is enabled, and the list address when set.</summary>
    private static async Task<List<string>> WorkGroupAddressesAsync(RecordsDbContext db, NominationSettings settings, CancellationToken ct)
    {
        var members = await Recipients.WithRoleAsync(db, Recipients.WorkGroup, ct);
        if (!string.IsNullOrWhiteSpace(settings.WorkGroupListAddress)) members.Add(settings.WorkGroupListAddress.Trim());
        return members.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string Day(DateTime at, TimeZoneInfo zone) => Text.Dates.Day(RoundCalendar.LocalDate(new DateTimeOffset(at, TimeSpan.Zero), zone));
}
