using Records.Core.Calendar;

namespace Records.Core.Nominations;

/// <summary>
/// The foundation's quarterly rhythm: nominations are received until the quarter's cut-off (inclusive, see
/// <see cref="YearQuarter.CutOff"/>) and reviewed until its end of review. Later nominations join the next round.
/// </summary>
public static class RoundCalendar
{
    /// <summary>The round a nomination received on <paramref name="date"/> (in the foundation's time zone) joins.</summary>
    public static YearQuarter RoundFor(DateOnly date)
    {
        var quarter = YearQuarter.Of(date);
        return date <= quarter.CutOff ? quarter : quarter.Next;
    }

    /// <summary>The round a nomination received at <paramref name="at"/> joins: the date is read in the foundation's time zone.</summary>
    public static YearQuarter RoundFor(DateTimeOffset at, TimeZoneInfo zone) => RoundFor(LocalDate(at, zone));

    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>The next cut-off on or after <paramref name="date"/>.</summary>
    public static DateOnly NextCutOff(DateOnly date) => RoundFor(date).CutOff;
}
