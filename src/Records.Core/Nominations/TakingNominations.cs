using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Data;

namespace Records.Core.Nominations;

/// <summary>The round a nomination sent on a given day joins, with its dates: those the Chair set if it has a row, else the calendar's.</summary>
public sealed record TakingNominations(int Year, int Quarter, DateOnly CutOff, DateOnly ReviewEnds, RoundStatus Status)
{
    public YearQuarter YearQuarter => new(Year, Quarter);

    public string Name => YearQuarter.Name;

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
        var round = RoundPlacement.For(date, known.Select(r => new KnownRound(r.Year, r.Quarter, r.CutOff, r.Status)));
        var row = known.FirstOrDefault(r => r.Year == round.Year && r.Quarter == round.Quarter);
        return row is null ? FromCalendar(round) : new TakingNominations(round.Year, round.Quarter, row.CutOff, row.ReviewEnds, row.Status);
    }

    /// <summary>
    /// The round that takes nominations once the given one has: the next quarter, with the dates the Chair set, unless it
    /// was closed before its cut-off and so took none, in which case the one after it.
    /// </summary>
    public static async Task<TakingNominations> AfterAsync(RecordsDbContext db, int year, int quarter, CancellationToken ct = default)
    {
        var (fromYear, fromQuarter) = new YearQuarter(year, quarter).Next;
        var later = await db.Rounds.AsNoTracking()
            .Where(r => r.Year > fromYear || (r.Year == fromYear && r.Quarter >= fromQuarter))
            .OrderBy(r => r.Year).ThenBy(r => r.Quarter).Take(8)
            .Select(r => new { r.Year, r.Quarter, r.CutOff, r.ReviewEnds, r.Status, r.ClosedAt })
            .ToListAsync(ct);
        var round = new YearQuarter(fromYear, fromQuarter);
        while (true)
        {
            var row = later.FirstOrDefault(r => r.Year == round.Year && r.Quarter == round.Quarter);
            if (row is null) return FromCalendar(round);
            var closedEarly = row.Status == RoundStatus.Closed && row.ClosedAt is { } closed && DateOnly.FromDateTime(closed) < row.CutOff;
            if (!closedEarly) return new TakingNominations(row.Year, row.Quarter, row.CutOff, row.ReviewEnds, row.Status);
            round = round.Next;
        }
    }

    private static TakingNominations FromCalendar(YearQuarter round) => new(round.Year, round.Quarter, round.CutOff, round.ReviewEnds, RoundStatus.Upcoming);
}
