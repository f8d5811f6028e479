using Records.Core.Data;
using Records.Core.People;

namespace Records.Core.ServiceAwards;

/// <summary>
/// A Community Service Award the Board gave before the foundation used Records: entered by Staff as approved, with its
/// quarter, resolution and decision date, so the public list, the quarter packet and posts know it.
/// </summary>
public sealed class PastAwardRecord(RecordsDbContext db)
{
    public const int FirstYear = 1990;

    public sealed record Award(string? Recipient, bool IsGroup, int? Year, int? Quarter, string? Reasons, string? Resolution, DateOnly? DecidedOn);

    /// <summary>A message for one field of <see cref="Award"/>, named as its property.</summary>
    public sealed record Problem(string Field, string Message);

    public static IReadOnlyList<Problem> Check(Award award, DateOnly today)
    {
        var problems = new List<Problem>();
        var recipient = award.Recipient?.Trim() ?? "";
        if (recipient.Length == 0) problems.Add(new(nameof(Award.Recipient), "Enter who received the award."));
        else if (recipient.Length > 200) problems.Add(new(nameof(Award.Recipient), "Keep the recipient's name to 200 characters."));
        if (award.Year is not { } year || year < FirstYear || year > today.Year + 1)
            problems.Add(new(nameof(Award.Year), $"Enter the award's year, from {FirstYear} to {today.Year + 1}."));
        if (award.Quarter is not (>= 1 and <= 4)) problems.Add(new(nameof(Award.Quarter), "Choose the quarter, 1 to 4."));
        var reasons = award.Reasons?.Trim() ?? "";
        if (reasons.Length == 0) problems.Add(new(nameof(Award.Reasons), "Say what the award recognised."));
        else if (reasons.Length > 20000) problems.Add(new(nameof(Award.Reasons), "Keep the reasons to 20,000 characters."));
        var resolution = award.Resolution?.Trim() ?? "";
        if (resolution.Length == 0) problems.Add(new(nameof(Award.Resolution), "Enter the Board's resolution as it was passed."));
        else if (resolution.Length > 4000) problems.Add(new(nameof(Award.Resolution), "Keep the resolution to 4,000 characters."));
        if (award.DecidedOn is not { } decided) problems.Add(new(nameof(Award.DecidedOn), "Enter the date of the Board's decision."));
        else if (decided > today) problems.Add(new(nameof(Award.DecidedOn), "The decision date cannot be in the future."));
        else if (decided.Year < FirstYear) problems.Add(new(nameof(Award.DecidedOn), $"Enter a decision date from {FirstYear} on."));
        return problems;
    }

    /// <summary>Adds the award, approved, with its history; null and nothing saved when <see cref="Check"/> finds a problem.</summary>
    public async Task<(ServiceAward? Award, IReadOnlyList<Problem> Problems)> AddAsync(Award input, string enteredBy, DateOnly today, DateTime now, CancellationToken ct = default)
    {
        var problems = Check(input, today);
        if (problems.Count > 0) return (null, problems);
        var (recipient, decided) = (input.Recipient!.Trim(), input.DecidedOn!.Value);
        var award = new ServiceAward
        {
            RecipientName = recipient,
            RecipientIsGroup = input.IsGroup,
            RecipientPerson = input.IsGroup ? null : new Person { Name = recipient, CreatedAt = now },
            Reasons = input.Reasons!.Trim(),
            Year = input.Year!.Value,
            Quarter = input.Quarter!.Value,
            Status = ServiceAwardStatus.Approved,
            Resolution = input.Resolution!.Trim(),
            DecidedOn = decided,
            // When the proposal came is not known for a past award; the decision is the first date on record.
            ProposedAt = decided.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
            EnteredBy = enteredBy,
            History =
            [
                new ServiceAwardEvent
                {
                    Action = ServiceAwardAction.Approved, Year = input.Year.Value, Quarter = input.Quarter.Value, DecidedOn = decided,
                    Note = "Recorded afterwards: an award given before Records.", By = enteredBy, At = now,
                },
            ],
        };
        db.ServiceAwards.Add(award);
        await db.SaveChangesAsync(ct);
        return (award, []);
    }
}
