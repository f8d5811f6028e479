using Records.Core.Calendar;

namespace Records.Core.Nominations;

/// <summary>What placement needs to know of a round that already has a row: the Chair may have moved its cut-off or closed it.</summary>
public sealed record KnownRound(int Year, int Quarter, DateOnly CutOff, RoundStatus Status)
{
    public YearQuarter YearQuarter => new(Year, Quarter);
}

/// <summary>
/// The round a new nomination joins. The calendar gives the natural round for the day it arrives (in the foundation's
/// zone); a round the Chair has already set up overrides the calendar: a cut-off moved earlier sends the nomination
/// on to the next round, a cut-off of the previous round moved later keeps taking nominations, and a closed round
/// takes none.
/// </summary>
public static class RoundPlacement
{
    public static YearQuarter For(DateTimeOffset at, TimeZoneInfo zone, IEnumerable<KnownRound> known) =>
        For(RoundCalendar.LocalDate(at, zone), known);

    public static YearQuarter For(DateOnly date, IEnumerable<KnownRound> known)
    {
        var rounds = known.ToDictionary(r => r.YearQuarter);
        var natural = RoundCalendar.RoundFor(date);

        var previous = natural.Previous;
        if (rounds.TryGetValue(previous, out var earlier) && Takes(earlier, date)) return previous;

        var round = natural;
        // Each step moves a quarter on, and a round without a row always takes the nomination, so this ends.
        while (rounds.TryGetValue(round, out var existing) && !Takes(existing, date))
        {
            round = round.Next;
        }
        return round;
    }

    /// <summary>The rounds whose rows can change where a nomination received on <paramref name="date"/> goes.</summary>
    public static YearQuarter EarliestRelevant(DateOnly date) => RoundCalendar.RoundFor(date).Previous;

    private static bool Takes(KnownRound round, DateOnly date) => round.Status != RoundStatus.Closed && round.CutOff >= date;
}
