using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.People;

namespace Records.Core.Fellows;

/// <summary>
/// Staff correct a Fellow's name, email and links: links are added, changed, removed and put in order, each with a
/// kind; a link may stay without an address (the foundation's posts name some that way) until Staff fill it in.
/// All or nothing, and refused when someone else saved the Fellow since the form was read.
/// </summary>
public sealed class FellowEdit(RecordsDbContext db)
{
    public const int MaxLinks = 20;

    /// <summary>One row of the form: an empty kind is a spare row, ignored when its address is empty too.</summary>
    public sealed record LinkLine(string? Kind, string? Url);

    public sealed record Changes(string? Name, string? Email, IReadOnlyList<LinkLine> Links);

    /// <summary>A message for one field: <c>Name</c>, <c>Email</c>, <c>Links[i].Kind</c> or <c>Links[i].Url</c> (i is the form's row).</summary>
    public sealed record Problem(string Field, string Message);

    public enum Outcome { Saved, Invalid, Conflict }

    public static IReadOnlyList<Problem> Check(Changes changes)
    {
        var problems = new List<Problem>();
        var name = changes.Name?.Trim() ?? "";
        if (name.Length == 0) problems.Add(new("Name", "Enter the Fellow's name."));
        else if (name.Length > Limits.Name) problems.Add(new("Name", "Keep the name to 200 characters."));

        var email = changes.Email?.Trim() ?? "";
        if (email.Length > EmailRule.MaxLength) problems.Add(new("Email", EmailRule.TooLong));
        else if (email.Length > 0 && !EmailRule.IsValid(email))
            problems.Add(new("Email", "Enter an email address like name@example.org, or leave it empty."));

        var used = 0;
        for (var i = 0; i < changes.Links.Count; i++)
        {
            var (kindText, url) = (changes.Links[i].Kind?.Trim() ?? "", changes.Links[i].Url?.Trim() ?? "");
            if (kindText.Length == 0)
            {
                if (url.Length > 0) problems.Add(new($"Links[{i}].Kind", "Choose what kind of link this is."));
                continue;
            }
            if (++used > MaxLinks) problems.Add(new($"Links[{i}].Kind", $"A Fellow can have up to {MaxLinks} links."));
            if (LinkRules.ParseKind(kindText) is not { } kind) problems.Add(new($"Links[{i}].Kind", "Choose one of the kinds listed."));
            else if (LinkRules.Problem(kind, url) is { } problem) problems.Add(new($"Links[{i}].Url", problem));
        }
        return problems;
    }

    /// <summary>
    /// Saves the changes to a Fellow read with its person and links, when <paramref name="version"/> is the one the
    /// form was read at. Other changes already made to the tracked Fellow (status, quarter) are saved with them.
    /// </summary>
    public async Task<(Outcome Outcome, IReadOnlyList<Problem> Problems)> SaveAsync(Fellow fellow, Guid version, Changes changes, CancellationToken ct = default)
    {
        var problems = Check(changes);
        if (problems.Count > 0) return (Outcome.Invalid, problems);
        if (fellow.Version != version) return (Outcome.Conflict, []);

        var person = fellow.Person;
        person.Name = changes.Name!.Trim();
        person.Email = string.IsNullOrWhiteSpace(changes.Email) ? null : changes.Email.Trim();
        var wanted = changes.Links
            .Where(l => !string.IsNullOrWhiteSpace(l.Kind))
            .Select((l, i) => new PersonLink { Kind = LinkRules.ParseKind(l.Kind!.Trim())!.Value, Url = string.IsNullOrWhiteSpace(l.Url) ? null : l.Url.Trim(), Position = i })
            .ToList();
        if (!SameLinks(person.Links, wanted))
        {
            // New rows in their new order; EF deletes the old rows before inserting, so positions never clash.
            db.RemoveRange(person.Links);
            person.Links.Clear();
            person.Links.AddRange(wanted);
        }

        // The Fellow's version guards the whole form, so it changes even when only the person or the links did.
        db.Entry(fellow).Property(f => f.Version).OriginalValue = version;
        db.Entry(fellow).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (Outcome.Conflict, []);
        }
        return (Outcome.Saved, []);
    }

    private static bool SameLinks(List<PersonLink> current, List<PersonLink> wanted) =>
        current.OrderBy(l => l.Position).Select(l => (l.Kind, l.Url)).SequenceEqual(wanted.Select(l => (l.Kind, l.Url)));
}
