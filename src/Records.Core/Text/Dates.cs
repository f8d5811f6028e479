using System.Globalization;

namespace Records.Core.Text;

/// <summary>
/// The one way pages and emails write a date ("May 20, 2027") and a time ("May 20, 2027 14:05"). Posts and letters
/// keep the foundation's long form ("May 20, 2020" with the month written out), as its own publications do.
/// </summary>
public static class Dates
{
    public const string DayFormat = "MMM d, yyyy";
    public const string DayAndTimeFormat = "MMM d, yyyy HH:mm";

    public static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static string Day(DateTime day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static string DayAndTime(DateTime at) => at.ToString(DayAndTimeFormat, CultureInfo.InvariantCulture);

    public static string DayAndTime(DateTimeOffset at) => at.ToString(DayAndTimeFormat, CultureInfo.InvariantCulture);
}
