using System.Globalization;
using Records.Core.Nominations;

namespace Records.Web.Infrastructure;

/// <summary>Instants stored in UTC, shown in the foundation's time zone: the day a nomination arrived there decides its round.</summary>
public static class FoundationTime
{
    public static string Day(this RecordsOptions options, DateTime utc) =>
        RoundCalendar.LocalDate(AsUtc(utc), options.Zone).ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    public static string DayAndTime(this RecordsOptions options, DateTime utc) =>
        TimeZoneInfo.ConvertTime(AsUtc(utc), options.Zone).ToString("MMM d, yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The instant for a &lt;time datetime&gt; attribute.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset AsUtc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
