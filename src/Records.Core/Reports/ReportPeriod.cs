using System.Globalization;
using Records.Core.Calendar;

namespace Records.Core.Reports;

/// <summary>The days a report covers, both included, with the periods it is compared with.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, string Name)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    public static ReportPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), year.ToString(CultureInfo.InvariantCulture));

    public static ReportPeriod Quarter(int year, int quarter) => Quarter(new YearQuarter(year, quarter));

    public static ReportPeriod Quarter(YearQuarter quarter) => new(quarter.FirstDay, quarter.LastDay, quarter.Name);

    /// <summary>The first and last days a report may cover: the periods it is compared with must be dates too.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(9998, 12, 31);
    /// <summary>The longest period of one's own dates: a hundred years, so the period before it is still after year 1.</summary>
    public const int MaxDays = 36_525;

    /// <summary>Null, with the reason, when the period ends before it starts, falls outside the years kept or is longer than a hundred years.</summary>
    public static (ReportPeriod? Period, string? Problem) Custom(DateOnly from, DateOnly to) =>
        to < from ? (null, "The period cannot end before it starts.")
        : from < Earliest || to > Latest ? (null, $"Choose days from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}.")
        : to.DayNumber - from.DayNumber + 1 > MaxDays ? (null, "Choose a period of at most a hundred years.")
        : (new ReportPeriod(from, to, $"{from.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)} – {to.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}"), null);

    /// <summary>The period just before: the previous year or quarter when this is one, else the same number of days.</summary>
    public ReportPeriod Previous()
    {
        if (IsWholeYear) return Year(From.Year - 1);
        if (IsWholeQuarter) return Quarter(YearQuarter.Of(From).Previous);
        return Custom(From.AddDays(-Days), From.AddDays(-1)).Period!;
    }

    public ReportPeriod YearEarlier()
    {
        if (IsWholeYear) return Year(From.Year - 1);
        if (IsWholeQuarter) return Quarter(From.Year - 1, YearQuarter.Of(From).Quarter);
        return Custom(From.AddYears(-1), To.AddYears(-1)).Period!;
    }

    private bool IsWholeYear => From == new DateOnly(From.Year, 1, 1) && To == new DateOnly(From.Year, 12, 31);
    private bool IsWholeQuarter => From == YearQuarter.Of(From).FirstDay && To == YearQuarter.Of(From).LastDay;
}
