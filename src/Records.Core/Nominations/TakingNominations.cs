using Microsoft.EntityFrameworkCore;
using Records.Core.Data;

namespace Records.Core.Nominations;

/// <summary>The round a nomination sent on a given day joins, with its dates: those the Chair set if it has a row, else the calendar's.</summary>
public sealed record TakingNominations(int Year, int Quarter, DateOnly CutOff, DateOnly ReviewEnds, RoundStatus Status)
{
    public string Name => $"Q{Quarter} {Year}";

    /// <summary>
    /// Every page that names "the next cut-off" reads it here, so it agrees with where a nomination sent that day goes
    /// (a round closed early or with a moved cut-off sends it on).
    /// </summary>
    public static async Task<TakingNominations> OnAsync(RecordsDbContext db, DateOnly date, CancellationToken ct = default)
    {
        var (fromYear, fromQuarter) = RoundPlacement.EarliestRelevant(date);
        var known = await db.Rounds.AsNoTracking()
            .Where(r => r.Year > fromYear || (r.Year == fromYear && r.Quarter >= fromQuarter))
            .Select(r => new { r.Year, r.Quarter, r.CutOff, r.ReviewEnds, r.Status })
            .ToListAsync(ct);
        var (year, quarter) = RoundPlacement.For(date, known.Select(r => new KnownRound(r.Year, r.Quarter, r.CutOff, r.Status)));
        var row = known.FirstOrDefault(r => r.Year == year && r.Quarter == quarter);
        return row is null
            ? new TakingNominations(year, quarter, RoundCalendar.CutOff(year, quarter), RoundCalendar.ReviewEnds(year, quarter), RoundStatus.Upcoming)
            : new TakingNominations(year, quarter, row.CutOff, row.ReviewEnds, row.Status);
    }

    /// <summary>
    /// The round that takes nominations once the given one has: the next quarter, with the dates the Chair set, unless it
    /// was closed before its cut-off and so took none, in which case the one after it.
    /// </summary>
    public static async Task<TakingNominations> AfterAsync(RecordsDbContext db, int year, int quarter, CancellationToken ct = default)
    {
        var (fromYear, fromQuarter) = RoundCalendar.Next(year, quarter);
        var later = await db.Rounds.AsNoTracking()
            .Where(r => r.Year > fromYear || (r.Year == fromYear && r.Quarter >= fromQuarter))
            .OrderBy(r => r.Year).ThenBy(r => r.Quarter).Take(8)
            .Select(r => new { r.Year, r.Quarter, r.CutOff, r.ReviewEnds, r.Status, r.ClosedAt })
            .ToListAsync(ct);
        var round = (fromYear, fromQuarter);
        while (true)
        {
            var row = later.FirstOrDefault(r => (r.Year, r.Quarter) == round);
            if (row is null) return new TakingNominations(round.Item1, round.Item2, RoundCalendar.CutOff(round.Item1, round.Item2), RoundCalendar.ReviewEnds(round.Item1, round.Item2), RoundStatus.Upcoming);
            var closedEarly = row.Status == RoundStatus.Closed && row.ClosedAt is { } closed && DateOnly.FromDateTime(closed) < row.CutOff;
            if (!closedEarly) return new TakingNominations(row.Year, row.Quarter, row.CutOff, row.ReviewEnds, row.Status);
            round = RoundCalendar.Next(round.Item1, round.Item2);
        }
    }
}
