namespace Records.Core.Nominations;

public enum Outcome { Accepted, CarriedOver, Expired }

/// <summary>What closing a round does to a nomination under review in it.</summary>
public static class NominationOutcome
{
    /// <summary>A nomination stays active for four quarters: the one it joined and the three after.</summary>
    public const int ActiveQuarters = 4;

    public static Outcome Decide(Tally tally, int quorum, (int Year, int Quarter) firstRound, (int Year, int Quarter) closingRound)
    {
        if (tally.IsAccepted(quorum)) return Outcome.Accepted;
        return QuartersBetween(firstRound, closingRound) >= ActiveQuarters - 1 ? Outcome.Expired : Outcome.CarriedOver;
    }

    public static int QuartersBetween((int Year, int Quarter) from, (int Year, int Quarter) to) =>
        (to.Year * 4 + to.Quarter) - (from.Year * 4 + from.Quarter);
}
