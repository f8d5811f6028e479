using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;

namespace Records.Core.Nominations;

/// <summary>
/// Closing a round before its cut-off ends its nominations early (later ones join the next round), and closing it
/// before its review ends cuts the Work Group's voting short; either way the Chair is asked first, with the dates named.
/// </summary>
public sealed record EarlyClose(string Round, DateOnly CutOff, DateOnly ReviewEnds, bool BeforeCutOff)
{
    /// <summary>The question the Chair answers before an early close.</summary>
    public string Question => BeforeCutOff
        ? $"{Round} takes nominations until {Day(CutOff)} and its review runs to {Day(ReviewEnds)}. Close it now?"
        : $"{Round}'s review runs to {Day(ReviewEnds)}. Close it now?";

    /// <summary>Null when the round's review is over (the cut-off and the end of review are inclusive days).</summary>
    public static EarlyClose? Check(Round round, DateOnly today) =>
        today > round.ReviewEnds && today > round.CutOff ? null : new EarlyClose(round.Name, round.CutOff, round.ReviewEnds, today <= round.CutOff);

    /// <summary>The round as saved: null when there is no such round or closing it today is not early.</summary>
    public static async Task<EarlyClose?> CheckAsync(RecordsDbContext db, int roundId, DateOnly today, CancellationToken ct = default) =>
        await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) is { } round ? Check(round, today) : null;

    public static string Day(DateOnly date) => Text.Dates.Day(date);
}
