using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata;
using Records.Core.Amounts;
using Records.Core.Audit;
using Records.Core.Donations;
using Records.Core.Donations.Import;
using Records.Core.People;

namespace Records.Core.Data;

/// <summary>
/// What the ledger writers of every engine stage for an imported row: a new donor with their GitHub link, and a gift,
/// each with the audit texts EF's saves would give it (<see cref="AuditInterceptor.AddedChanges"/>). The ids only
/// publishing knows stand in those changes as marks that publishing replaces; no real id or amount is negative.
/// </summary>
internal static class StagedRows
{
    public const int PersonMark = -2_000_000_001;
    public const int ImportMark = -2_000_000_002;

    /// <summary>The donor's id in a staged change, as publishing finds it to replace.</summary>
    public static readonly string PersonIdMarked = $"\"PersonId\":[null,{PersonMark}]";

    /// <summary>The import's id in a staged change, as publishing finds it to replace.</summary>
    public static readonly string ImportIdMarked = $"\"ImportId\":[null,{ImportMark}]";

    /// <summary>A new donor; the GitHub link's texts are there when the row names a GitHub sponsor.</summary>
    public sealed record Donor(string Name, string? Email, string Summary, string Changes, string? GitHub, string? LinkSummary, string? LinkChanges);

    /// <summary>A gift's changes, and the amount and day its summary ("Gift of $5.00 from … on Apr 1, 2025") names.</summary>
    public sealed record Gift(string Amount, string Day, string Changes);

    public static Donor NewDonor(IModel model, ImportRow row, DateTime at)
    {
        var added = new Person { Name = row.Name ?? row.Email!, Email = row.Email, CreatedAt = at };
        var changes = AuditInterceptor.AddedChanges(model.FindEntityType(typeof(Person))!, added);
        if (row.GitHub is not { } handle) return new Donor(added.Name, row.Email, Shorten(added.Name), changes, null, null, null);
        var link = new PersonLink { PersonId = PersonMark, Kind = LinkKind.GitHub, Url = GitHubProfile(handle), Position = 0 };
        return new Donor(added.Name, row.Email, Shorten(added.Name), changes,
            link.Url, Shorten($"{link.Kind} link of {added.Name}"), AuditInterceptor.AddedChanges(model.FindEntityType(typeof(PersonLink))!, link));
    }

    public static Gift NewGift(IModel model, ImportRow row, int? donor, DonationChannel channel)
    {
        var added = new Donation
        {
            PersonId = donor is null ? null : PersonMark, IsAnonymous = donor is null, AmountMinor = row.AmountMinor, Currency = row.Currency,
            ReceivedOn = row.ReceivedOn, Channel = channel, FeeMinor = row.FeeMinor, TransactionId = row.TransactionId, IsRecurring = row.IsRecurring,
            Notes = row.Notes, ImportId = ImportMark,
        };
        return new Gift(new Money(row.AmountMinor, row.Currency).ToString(), row.ReceivedOn.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
            AuditInterceptor.AddedChanges(model.FindEntityType(typeof(Donation))!, added));
    }

    public static string GitHubProfile(string handle) => "https://github.com/" + handle;

    private static string Shorten(string summary) => summary.Length <= 300 ? summary : summary[..299] + "…";
}
