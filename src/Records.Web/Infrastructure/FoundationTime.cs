using System.Globalization;

namespace Records.Web.Infrastructure;

/// <summary>Instants stored in UTC; <see cref="FoundationClock"/> shows them in the foundation's time zone.</summary>
public static class FoundationTime
{
    /// <summary>The instant for a &lt;time datetime&gt; attribute.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
}
