using Records.Core.Calendar;

namespace Records.Core.Nominations;

public enum Outcome { Accepted, CarriedOver, Expired }

/// <summary>What closing a round does to a nomination under review in it.</summary>
public static class NominationOutcome
{
    /// <summary>A nomination stays active for four quarters: the one it joined and the three after.</summary>
    public const int ActiveQuarters = 4;

    public static Outcome Decide(Tally tally, int quorum, YearQuarter firstRound, YearQuarter closingRound)
    {
        if (tally.IsAccepted(quorum)) return Outcome.Accepted;
        return firstRound.QuartersUntil(closingRound) >= ActiveQuarters - 1 ? Outcome.Expired : Outcome.CarriedOver;
    }

    /// <summary>The last round a nomination first placed in <paramref name="firstRound"/> is reviewed in.</summary>
    public static YearQuarter LastRound(YearQuarter firstRound) => firstRound.Plus(ActiveQuarters - 1);
}
