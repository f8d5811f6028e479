using System.Globalization;

namespace Records.Web.Infrastructure;

/// <summary>
/// The clock of a benchmark run: the real clock moved so that it starts at <see cref="Setting"/>, the last day of a
/// generated database, so "the last 30 days" and "this year" hold the data whatever today is. Only the environment
/// named <see cref="Environment"/> takes it; anywhere else the app refuses to start, so a stray setting can never
/// move a real ledger's dates.
/// </summary>
public sealed class BenchmarkClock(DateTimeOffset startsAt, TimeProvider real) : TimeProvider
{
    public const string Setting = "Records:BenchmarkClockStartsAt";
    public const string Environment = "Benchmark";

    private readonly TimeSpan offset = startsAt - real.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + offset;

    public override long GetTimestamp() => real.GetTimestamp();

    /// <summary>The system clock, or the benchmark's when the setting is given in the Benchmark environment.</summary>
    public static TimeProvider Choose(IConfiguration configuration, IHostEnvironment environment)
    {
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text)) return TimeProvider.System;
        if (!environment.IsEnvironment(Environment))
        {
            throw new SettingException($"{Setting} is set, but the environment is {environment.EnvironmentName}: only the {Environment} environment (the benchmark harness) may move the clock. Remove the setting.");
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var startsAt))
        {
            throw new SettingException($"{Setting} is \"{text}\", which is not an instant such as 2026-11-01T17:00:00Z.");
        }
        return new BenchmarkClock(startsAt, TimeProvider.System);
    }
}
