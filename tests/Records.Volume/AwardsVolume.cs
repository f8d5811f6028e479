using Records.Core.ServiceAwards;

namespace Records.Volume;

/// <summary>Community Service Awards over 25 years: most approved with a resolution and paid, some declined, the latest still open.</summary>
internal static class AwardsVolume
{
    public static void Write(VolumeContext volume) => volume.Write(Awards(volume, volume.DrawFor(6), volume.Count(200)));

    private static IEnumerable<ServiceAward> Awards(VolumeContext volume, Draw draw, int count)
    {
        var firstYear = volume.AsOf.Year - 24;
        for (var id = 1; id <= count; id++)
        {
            var day = draw.DayBetween(new DateOnly(firstYear, 1, 1), volume.AsOf);
            var recent = day > volume.AsOf.AddDays(-120);
            var status = recent
                ? draw.Weighted<ServiceAwardStatus>([(ServiceAwardStatus.Proposed, 0.6), (ServiceAwardStatus.HeldOver, 0.2), (ServiceAwardStatus.Approved, 0.2)])
                : draw.Weighted<ServiceAwardStatus>([(ServiceAwardStatus.Approved, 0.85), (ServiceAwardStatus.Declined, 0.15)]);
            var isGroup = draw.Chance(0.15);
            int? personId = isGroup ? null : 1 + draw.Between(0, volume.PersonNames.Count - 1);
            var recipient = personId is { } p ? volume.PersonNames[p - 1] : draw.Pick(Words.Groups);
            var reason = draw.Pick(Words.Contributions).Replace("their", isGroup ? "its" : "their");
            var quarter = (day.Month - 1) / 3 + 1;
            var decided = status is ServiceAwardStatus.Approved or ServiceAwardStatus.Declined ? day.AddDays(draw.Between(10, 60)) : (DateOnly?)null;
            if (decided > volume.AsOf) decided = volume.AsOf;
            var approved = status == ServiceAwardStatus.Approved;
            var proposer = draw.Between(0, volume.PersonNames.Count - 1);
            yield return new ServiceAward
            {
                Id = id,
                RecipientPersonId = personId,
                RecipientName = recipient,
                RecipientIsGroup = isGroup,
                ProposerName = volume.PersonNames[proposer],
                ProposerEmail = volume.PersonEmails[proposer],
                Reasons = $"{recipient} {reason}, and has done so for many years without asking for anything in return.",
                Year = day.Year,
                Quarter = quarter,
                Status = status,
                Resolution = approved
                    ? $"RESOLVED, that the Python Software Foundation award the {day.Year} Q{quarter} Community Service Award to {recipient} in recognition of the work of one who {reason}."
                    : null,
                DecidedOn = decided,
                ProposedAt = draw.TimeOn(day),
                AmountMinor = approved ? 599_00 : null,
                Currency = approved ? "USD" : null,
                PyConRegistration = approved ? draw.Chance(0.6) : null,
                PaidOn = approved && decided is { } d && d.AddDays(30) <= volume.AsOf ? d.AddDays(draw.Between(5, 30)) : null,
                Version = draw.Guid(),
            };
        }
    }
}
