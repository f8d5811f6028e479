using Records.Core.Amounts;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Records.Core.Accounts;
using Records.Core.Budget;
using Records.Core.Donations;
using Records.Core.Fellows;
using Records.Core.Mail;
using Records.Core.Nominations;
using Records.Core.People;
using Records.Core.Posts;
using Records.Core.ServiceAwards;
using Records.Core.Sponsors;

namespace Records.Core.Audit;

/// <summary>
/// Names a changed record in words ("Nomination of Ada Lovelace, Q1 2027") for the audit log. Related records are
/// looked up with <c>Find</c>, which answers from the records the save already tracks before it asks the database.
/// </summary>
public sealed class AuditNames(DbContext db)
{
    private const int MaxLength = 300;

    public string Describe(EntityEntry entry)
    {
        var text = entry.Entity switch
        {
            Person p => p.Name,
            PersonLink l => $"{l.Kind} link of {PersonName(l.PersonId)}",
            Round r => $"{r.Name} round",
            Nomination n => NominationName(n),
            Vote v => $"Vote by {UserName(v.MemberId)} on the {NominationName(v.NominationId)}",
            Recusal r => $"Recusal of {UserName(r.MemberId)} from the {NominationName(r.NominationId)}",
            NominationComment c => $"Comment by {c.AuthorName} on the {NominationName(c.NominationId)}",
            Fellow f => $"Fellow {PersonName(f.PersonId)}, {f.YearQuarter.Name}",
            ServiceAward a => AwardName(a),
            ServiceAwardEvent e => $"{Words(e.Action.ToString())} of the {AwardName(db.Find<ServiceAward>(e.ServiceAwardId))}",
            Sponsor s => $"Sponsor {s.Name}",
            SponsorProgram p => $"{p.Name} program",
            SponsorPackage p => $"{p.Name} package {p.Year} of the {ProgramName(p.ProgramId)} program",
            Sponsorship s => SponsorshipName(s),
            SponsorshipEvent e => $"{Words(e.Change.ToString())} change of the {SponsorshipName(db.Find<Sponsorship>(e.SponsorshipId))}",
            Payment p => $"Payment of {new Money(p.AmountMinor, p.Currency)} for the {SponsorshipName(db.Find<Sponsorship>(p.SponsorshipId))}",
            Donation d => DonationName(d),
            Campaign c => $"Campaign {c.Name}",
            DonationImport i => $"Import of {i.FileName}",
            BudgetLine b => $"{Words(b.Kind.ToString())} line “{b.Label}” as of {b.AsOf.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}",
            Post p => $"Post “{p.Title}”",
            PostTemplate t => $"Post template for {Words(t.Kind.ToString()).ToLowerInvariant()}",
            EmailTemplate t => $"Email template {t.Key}",
            AppUser u => $"User {Person(u)}",
            IdentityRole r => $"Role {r.Name}",
            IdentityUserRole<string> ur => $"{UserName(ur.UserId)} as {db.Find<IdentityRole>(ur.RoleId)?.Name ?? "a role"}",
            _ => null,
        };
        text ??= $"{AuditInterceptor.RecordName(entry.Metadata.ClrType)} {KeyOf(entry)}";
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }

    public static string KeyOf(EntityEntry entry) => string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties
        .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue ?? entry.Property(p.Name).OriginalValue, CultureInfo.InvariantCulture)));

    private string PersonName(int id) => db.Find<Person>(id)?.Name ?? $"person {id}";

    private string ProgramName(int id) => db.Find<SponsorProgram>(id)?.Name ?? $"#{id}";

    private string UserName(string id) => db.Find<AppUser>(id) is { } user ? Person(user) : "a member";

    private static string Person(AppUser user) =>
        string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.UserName ?? user.Id : user.DisplayName;

    private string NominationName(int id) => db.Find<Nomination>(id) is { } n ? NominationName(n).ToLowerInvariant()[..1] + NominationName(n)[1..] : $"nomination {id}";

    private string NominationName(Nomination n)
    {
        var round = db.Find<Round>(n.RoundId);
        return round is null ? $"Nomination of {PersonName(n.NomineeId)}" : $"Nomination of {PersonName(n.NomineeId)}, {round.Name}";
    }

    private static string AwardName(ServiceAward? a) =>
        a is null ? "Community Service Award" : $"Community Service Award for {a.RecipientName}, {a.YearQuarter.Name}";

    private string SponsorshipName(Sponsorship? s)
    {
        if (s is null) return "sponsorship";
        var sponsor = db.Find<Sponsor>(s.SponsorId)?.Name ?? $"sponsor {s.SponsorId}";
        var package = s.PackageId is { } packageId ? db.Find<SponsorPackage>(packageId)?.Name : null;
        return $"{(package is null ? "" : package + " ")}sponsorship of {sponsor}, {s.StartsOn.Year}";
    }

    private string DonationName(Donation d)
    {
        var donor = d.IsAnonymous ? "an anonymous donor"
            : d.PersonId is { } person ? PersonName(person)
            : d.OrganisationId is { } organisation ? db.Find<Sponsor>(organisation)?.Name ?? "an organisation"
            : "an unnamed donor";
        return $"Gift of {new Money(d.AmountMinor, d.Currency)} from {donor} on {d.ReceivedOn.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}";
    }

    /// <summary>"HeldOver" → "Held over".</summary>
    private static string Words(string name)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append(' ').Append(char.ToLowerInvariant(c));
            else text.Append(c);
        }
        return text.ToString();
    }
}
