using Records.Core.Calendar;
using Records.Core.Fellows;
using Records.Core.Nominations;

namespace Records.Volume;

/// <summary>
/// Forty years of quarterly rounds. Nominations not accepted carry for four quarters, then expire; the latest round is
/// open with the carried nominations under review. Votes agree with each outcome (yes more than half of yes and no).
/// </summary>
internal static class NominationsVolume
{
    public static void Write(VolumeContext volume)
    {
        var draw = volume.DrawFor(5);
        var rounds = Rounds(volume, draw);
        var current = rounds.Count - 1;
        var total = volume.Count(18_000);
        var firstRounds = Spread(total, rounds.Count);
        var eligible = Enumerable.Range(0, total).Where(i => firstRounds[i] < current).ToArray();
        var fellowsWanted = Math.Min(volume.Count(400), Math.Min(eligible.Length, volume.PersonNames.Count));
        var accepted = draw.Permutation(eligible.Length).Take(fellowsWanted).Select(i => eligible[i]).ToHashSet();
        var people = draw.Permutation(volume.PersonNames.Count);
        var lastNomination = new Dictionary<int, (int Id, int FirstRound)>();
        var nominations = new List<Nomination>(total);
        var votes = new List<Vote>(total * VolumeUsers.WorkGroupSize);
        var recusals = new List<Recusal>();
        var fellows = new List<Fellow>();
        var fellowPerson = 0;

        for (var i = 0; i < total; i++)
        {
            var first = firstRounds[i];
            var isAccepted = accepted.Contains(i);
            var nominee = isAccepted || people.Length <= fellowsWanted
                ? 1 + people[fellowPerson++ % people.Length]
                : 1 + people[fellowsWanted + draw.Between(0, people.Length - fellowsWanted - 1)];
            var (status, roundIndex) = isAccepted
                ? (NominationStatus.Accepted, Math.Min(current - 1, first + (draw.Chance(0.7) ? 0 : draw.Between(1, 2))))
                : first + 3 >= current ? (NominationStatus.UnderReview, current)
                : draw.Chance(0.92) ? (NominationStatus.Expired, first + 3) : (NominationStatus.Withdrawn, first);
            var round = rounds[roundIndex];
            var opened = first == 0 ? rounds[0].CutOff.AddMonths(-3) : rounds[first - 1].CutOff.AddDays(1);
            var receivedAt = draw.TimeOn(draw.DayBetween(opened, rounds[first].CutOff));
            var nominatorIndex = draw.Between(0, volume.PersonNames.Count - 1);
            var nomination = new Nomination
            {
                Id = i + 1,
                RoundId = round.Id,
                FirstRoundId = rounds[first].Id,
                NomineeId = nominee,
                NominatorName = volume.PersonNames[nominatorIndex],
                NominatorEmail = volume.PersonEmails[nominatorIndex] ?? $"nominator{i + 1}@example.org",
                Statement = Statement(draw, volume.PersonNames[nominee - 1]),
                ReceivedAt = receivedAt,
                Status = status,
                LinkedToId = lastNomination.TryGetValue(nominee, out var earlier) && earlier.FirstRound + 3 >= first ? earlier.Id : null,
                DecidedAt = status is NominationStatus.Accepted or NominationStatus.Expired ? round.ReviewEnds.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc)
                    : status == NominationStatus.Withdrawn ? receivedAt.AddDays(draw.Between(3, 30)) : null,
                Version = draw.Guid(),
            };
            nominations.Add(nomination);
            lastNomination[nominee] = (nomination.Id, first);
            Ballots(volume, draw, nomination, rounds[first].ReviewEnds, votes, recusals);
            if (isAccepted)
            {
                fellows.Add(new Fellow
                {
                    Id = fellows.Count + 1, PersonId = nominee, Year = round.Year, Quarter = round.Quarter,
                    Position = fellows.Count(f => f.Year == round.Year && f.Quarter == round.Quarter),
                    Status = round.Year < volume.AsOf.Year - 25
                        ? draw.Weighted<FellowStatus>([(FellowStatus.Active, 0.6), (FellowStatus.Emeritus, 0.3), (FellowStatus.Deceased, 0.1)])
                        : draw.Chance(0.95) ? FellowStatus.Active : FellowStatus.Emeritus,
                    NominationId = nomination.Id, Version = draw.Guid(),
                });
            }
        }

        volume.Write(rounds);
        volume.Write(nominations);
        volume.Write(votes);
        volume.Write(recusals);
        volume.Write(fellows.OrderBy(f => f.Id));
    }

    private static List<Round> Rounds(VolumeContext volume, Draw draw)
    {
        var last = RoundCalendar.RoundFor(volume.AsOf);
        var rounds = new List<Round>();
        for (var round = new YearQuarter(last.Year - 39, 1); round != last.Next; round = round.Next)
        {
            var open = round == last;
            var reviewEnds = round.ReviewEnds;
            rounds.Add(new Round
            {
                Id = rounds.Count + 1, Year = round.Year, Quarter = round.Quarter, CutOff = round.CutOff, ReviewEnds = reviewEnds,
                Status = open ? RoundStatus.Open : RoundStatus.Closed,
                ClosedAt = open ? null : reviewEnds.AddDays(1).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                Version = draw.Guid(),
            });
        }
        return rounds;
    }

    /// <summary>Which round each nomination first joined: more nominations in later years, in round order.</summary>
    private static int[] Spread(int total, int rounds)
    {
        var weights = Enumerable.Range(0, rounds).Select(r => 1 + 3.0 * r / rounds).ToArray();
        var perWeight = total / weights.Sum();
        var result = new int[total];
        var (carried, next) = (0.0, 0);
        for (var r = 0; r < rounds; r++)
        {
            carried += weights[r] * perWeight;
            var here = r == rounds - 1 ? total - next : (int)carried;
            carried -= here;
            for (var n = 0; n < here && next < total; n++) result[next++] = r;
        }
        return result;
    }

    private static void Ballots(VolumeContext volume, Draw draw, Nomination nomination, DateOnly reviewEnds, List<Vote> votes, List<Recusal> recusals)
    {
        var mine = new List<Vote>();
        var open = nomination.Status == NominationStatus.UnderReview;
        foreach (var member in volume.WorkGroupMemberIds)
        {
            if (draw.Chance(0.01))
            {
                recusals.Add(new Recusal { Id = recusals.Count + 1, NominationId = nomination.Id, MemberId = member, Reason = "Works with the nominee.", At = nomination.ReceivedAt.AddDays(2) });
                continue;
            }
            if (!draw.Chance(open ? 0.5 : 0.985)) continue;
            var yesShare = nomination.Status == NominationStatus.Accepted ? 0.8 : 0.3;
            var choice = draw.Weighted<VoteChoice>([(VoteChoice.Yes, yesShare), (VoteChoice.No, 0.85 - yesShare), (VoteChoice.Abstain, 0.15)]);
            var castOn = draw.DayBetween(DateOnly.FromDateTime(nomination.ReceivedAt), reviewEnds < DateOnly.FromDateTime(nomination.ReceivedAt) ? DateOnly.FromDateTime(nomination.ReceivedAt) : reviewEnds);
            mine.Add(new Vote
            {
                Id = votes.Count + mine.Count + 1, NominationId = nomination.Id, MemberId = member, Choice = choice,
                Comment = draw.Chance(0.2) ? draw.Pick(Words.VoteComments) : null, CastAt = draw.TimeOn(castOn), Version = draw.Guid(),
            });
        }
        // The recorded outcome must follow the rule, so the tallies tell the same story as the statuses.
        if (nomination.Status == NominationStatus.Accepted)
        {
            foreach (var vote in mine.Where(v => v.Choice != VoteChoice.Yes).Take(Math.Max(0, Count(mine, VoteChoice.No) - Count(mine, VoteChoice.Yes) + 1))) vote.Choice = VoteChoice.Yes;
        }
        else if (!open)
        {
            foreach (var vote in mine.Where(v => v.Choice == VoteChoice.Yes).Take(Math.Max(0, (Count(mine, VoteChoice.Yes) - Count(mine, VoteChoice.No) + 1) / 2))) vote.Choice = VoteChoice.No;
        }
        votes.AddRange(mine);
    }

    private static int Count(List<Vote> votes, VoteChoice choice) => votes.Count(v => v.Choice == choice);

    private static string Statement(Draw draw, string nominee)
    {
        var reasons = Enumerable.Range(0, draw.Between(2, 4)).Select(_ => draw.Pick(Words.Contributions)).Distinct();
        return $"I nominate **{nominee}** for their years of service to the Python community.\n\n" +
               string.Join("\n", reasons.Select(r => $"- {char.ToUpperInvariant(r[0])}{r[1..]}.")) +
               $"\n\n{nominee} is generous with their time and *always* makes newcomers welcome.";
    }
}
