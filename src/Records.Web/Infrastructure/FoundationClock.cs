using System.Globalization;
using Microsoft.Extensions.Options;
using Records.Core.Nominations;

namespace Records.Web.Infrastructure;

/// <summary>
/// The foundation's clock: instants are stored in UTC, but the day (and so a gift's date, a nomination's round, the
/// ledger's default period) is the one it is in the foundation's time zone, read once from the settings.
/// </summary>
public sealed class FoundationClock(TimeProvider time, IOptions<RecordsOptions> options)
{
    public TimeZoneInfo Zone { get; } = options.Value.Zone;

    /// <summary>The clock beneath, for Core use cases that take a <see cref="TimeProvider"/>.</summary>
    public TimeProvider Time => time;

    /// <summary>The instant now, in UTC.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Today in the foundation's time zone.</summary>
    public DateOnly Today => RoundCalendar.LocalDate(Now, Zone);

    public int Year => Today.Year;

    public string Day(DateTime utc) => RoundCalendar.LocalDate(AsUtc(utc), Zone).ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    public string DayAndTime(DateTime utc) => TimeZoneInfo.ConvertTime(AsUtc(utc), Zone).ToString("MMM d, yyyy HH:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset AsUtc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}

/// <summary>Stops start-up on a time zone this server does not know, naming the setting, instead of failing on the first page.</summary>
public sealed class TimeZoneSetting : IValidateOptions<RecordsOptions>
{
    public ValidateOptionsResult Validate(string? name, RecordsOptions options)
    {
        try
        {
            _ = options.Zone;
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return ValidateOptionsResult.Fail(
                $"{RecordsOptions.Section}:{nameof(RecordsOptions.TimeZone)} is \"{options.TimeZone}\", which is not a time zone this server knows; use an IANA id such as America/New_York.");
        }
    }
}

public static class FoundationClockSetup
{
    /// <summary>The "Records" settings, checked before the app starts, and the clock that reads the time zone among them.</summary>
    public static IServiceCollection AddRecordsSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RecordsOptions>().Bind(configuration.GetSection(RecordsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RecordsOptions>, TimeZoneSetting>();
        services.AddSingleton<FoundationClock>();
        return services;
    }
}
