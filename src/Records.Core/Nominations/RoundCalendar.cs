namespace Records.Core.Nominations;

/// <summary>
/// The foundation's quarterly rhythm: nominations are received until the 20th of the quarter's second month
/// (the cut-off, inclusive) and reviewed until the 20th of its third month. Later nominations join the next round.
/// </summary>
public static class RoundCalendar
{
    public const int Day = 20;

    public static int QuarterOf(DateOnly date) => (date.Month - 1) / 3 + 1;

    public static DateOnly CutOff(int year, int quarter) => new(year, (quarter - 1) * 3 + 2, Day);

    public static DateOnly ReviewEnds(int year, int quarter) => new(year, (quarter - 1) * 3 + 3, Day);

    public static (int Year, int Quarter) Next(int year, int quarter) => quarter == 4 ? (year + 1, 1) : (year, quarter + 1);

    public static (int Year, int Quarter) Previous(int year, int quarter) => quarter == 1 ? (year - 1, 4) : (year, quarter - 1);

    /// <summary>The round a nomination received on <paramref name="date"/> (in the foundation's time zone) joins.</summary>
    public static (int Year, int Quarter) RoundFor(DateOnly date)
    {
        var quarter = QuarterOf(date);
        return date <= CutOff(date.Year, quarter) ? (date.Year, quarter) : Next(date.Year, quarter);
    }

    /// <summary>The round a nomination received at <paramref name="at"/> joins: the date is read in the foundation's time zone.</summary>
    public static (int Year, int Quarter) RoundFor(DateTimeOffset at, TimeZoneInfo zone) => RoundFor(LocalDate(at, zone));

    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>The next cut-off on or after <paramref name="date"/>.</summary>
    public static DateOnly NextCutOff(DateOnly date)
    {
        var (year, quarter) = RoundFor(date);
        return CutOff(year, quarter);
    }
}
