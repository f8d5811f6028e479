using System.Globalization;
using System.Text.RegularExpressions;

namespace Records.Core.Donations.Import;

/// <summary>What a written date says about the order of its day and month.</summary>
public enum DateShape
{
    /// <summary>Not a date the import reads.</summary>
    Unreadable,
    /// <summary>Read one way only whatever the file's order: year first (2025-04-05) or a month's name (5 Apr 2025).</summary>
    Fixed,
    /// <summary>Day and month are the same number (05/05/2025): both orders give the same day.</summary>
    Same,
    /// <summary>Can only be day first (25/04/2025).</summary>
    DayFirstOnly,
    /// <summary>Can only be month first (04/25/2025).</summary>
    MonthFirstOnly,
    /// <summary>Two different days depending on the order (05/04/2025).</summary>
    Either,
}

/// <summary>
/// Reads the dates processors write: year first, year last in either order, or with the month's name; with or without a
/// time, seconds and a UTC offset. A date written with the year last is never read without knowing the file's order.
/// </summary>
public static partial class ImportDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateShape Shape(string text)
    {
        if (Match(text) is not { } parts) return DateShape.Unreadable;
        if (parts.Fixed is not null) return DateShape.Fixed;
        var monthFirst = Valid(parts.Year, parts.First, parts.Second);
        var dayFirst = Valid(parts.Year, parts.Second, parts.First);
        return (monthFirst, dayFirst) switch
        {
            (true, true) => parts.First == parts.Second ? DateShape.Same : DateShape.Either,
            (true, false) => DateShape.MonthFirstOnly,
            (false, true) => DateShape.DayFirstOnly,
            _ => DateShape.Unreadable,
        };
    }

    /// <summary>
    /// The day of a written date in the foundation's zone: a time with a UTC offset, or any time in a file whose times
    /// are UTC, is moved into <paramref name="zone"/>; otherwise the date is taken as written.
    /// </summary>
    public static DateOnly? Read(string text, DateOrder order, bool utc, TimeZoneInfo zone)
    {
        if (Match(text) is not { } parts) return null;
        DateOnly day;
        if (parts.Fixed is { } fixedDay) day = fixedDay;
        else
        {
            var (month, dayOfMonth) = order == DateOrder.MonthFirst ? (parts.First, parts.Second) : (parts.Second, parts.First);
            if (!Valid(parts.Year, month, dayOfMonth)) return null;
            day = new DateOnly(parts.Year, month, dayOfMonth);
        }
        if (parts.Time is not { } time) return day;
        var local = day.ToDateTime(time);
        if (parts.Offset is { } offset) return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(new DateTimeOffset(local, offset), zone).DateTime);
        return utc ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone)) : day;
    }

    /// <summary>Written as a date is (digits and separators in a date's shape), whether or not it is a day of the calendar.</summary>
    public static bool LooksLikeADate(string text) => text.Length <= 64 && Written().IsMatch(text.Trim());

    /// <summary>"5 April 2025".</summary>
    public static string InWords(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static bool Valid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private sealed record Parts(int Year, int First, int Second, DateOnly? Fixed, TimeOnly? Time, TimeSpan? Offset);

    private static Parts? Match(string text)
    {
        if (text.Length > 64) return null;
        var m = Written().Match(text.Trim());
        if (!m.Success) return null;
        if (!ReadTime(m, out var time, out var offset)) return null;
        if (m.Groups["y1"].Success)
        {
            var (year, month, day) = (Number(m, "y1"), Number(m, "m1"), Number(m, "d1"));
            return Valid(year, month, day) ? new Parts(year, month, day, new DateOnly(year, month, day), time, offset) : null;
        }
        if (m.Groups["name"].Success)
        {
            var month = Array.IndexOf(Months, m.Groups["name"].Value[..Math.Min(3, m.Groups["name"].Value.Length)].ToLowerInvariant()) + 1;
            var (year, day) = (Number(m, "y3"), Number(m, m.Groups["d3"].Success ? "d3" : "d4"));
            return month > 0 && Valid(year, month, day) ? new Parts(year, month, day, new DateOnly(year, month, day), time, offset) : null;
        }
        var written = m.Groups["y2"].Value;
        var fullYear = written.Length == 2 ? 2000 + Number(m, "y2") : Number(m, "y2");
        return new Parts(fullYear, Number(m, "a"), Number(m, "b"), null, time, offset);
    }

    private static bool ReadTime(Match m, out TimeOnly? time, out TimeSpan? offset)
    {
        time = null;
        offset = null;
        if (!m.Groups["h"].Success) return !m.Groups["zone"].Success;
        var (hour, minute, second) = (Number(m, "h"), Number(m, "min"), m.Groups["s"].Success ? Number(m, "s") : 0);
        if (hour > 23 || minute > 59 || second > 59) return false;
        if (m.Groups["pm"].Success)
        {
            if (hour is 0 or > 12) return false;
            hour = hour % 12 + (m.Groups["pm"].Value.StartsWith('P') || m.Groups["pm"].Value.StartsWith('p') ? 12 : 0);
        }
        time = new TimeOnly(hour, minute, second);
        var zone = m.Groups["zone"].Value;
        if (zone.Length == 0 || char.IsLetter(zone[0]) && zone is not ("Z" or "UTC" or "GMT")) return true;
        if (zone is "Z" or "UTC" or "GMT") offset = TimeSpan.Zero;
        else
        {
            var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
            var span = new TimeSpan(int.Parse(digits[..2], CultureInfo.InvariantCulture), int.Parse(digits[2..], CultureInfo.InvariantCulture), 0);
            if (span > TimeSpan.FromHours(14)) return false;
            offset = zone[0] == '-' ? -span : span;
        }
        return true;
    }

    private static int Number(Match m, string group) => int.Parse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex("""
        ^(?:
            (?<y1>\d{4})(?<s1>[-/.])(?<m1>\d{1,2})\k<s1>(?<d1>\d{1,2})
          | (?<a>\d{1,2})(?<s2>[-/.])(?<b>\d{1,2})\k<s2>(?<y2>\d{4}|\d{2})
          | (?:(?<d3>\d{1,2})[ -](?<name>[A-Za-z]{3,9})\.?[ ,-]\s*(?<y3>\d{4})
             | (?<name>[A-Za-z]{3,9})\.?\s(?<d4>\d{1,2})(?:st|nd|rd|th)?,?\s(?<y3>\d{4}))
        )
        (?:(?:[ T]|,\s?)(?<h>\d{1,2}):(?<min>\d{2})(?::(?<s>\d{2})(?:[.,]\d{1,7})?)?\s?(?<pm>[AaPp][Mm])?)?
        \s*(?<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?$
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Written();
}
