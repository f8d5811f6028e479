using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Core.ServiceAwards;
using Records.Core.Text;

namespace Records.Core.Reports;

/// <summary>
/// What the Work Group and the Board look back on for one quarter: the round's nominations with their votes, the
/// Fellows inducted and the Community Service Award decisions. Five queries whatever the number of rows.
/// </summary>
public sealed record QuarterPacket(int Year, int Quarter, IReadOnlyList<QuarterPacket.NominationLine> Nominations,
    IReadOnlyList<QuarterPacket.NewFellow> Fellows, IReadOnlyList<QuarterPacket.AwardDecision> Awards)
{
    /// <param name="Tally">Null when the reader recused from this nomination: a recused member sees no tally of it anywhere.</param>
    public sealed record NominationLine(string Nominee, string Nominator, string FirstRound, NominationStatus Status, Tally? Tally)
    {
        public string Outcome => Status.DisplayName();
    }

    public sealed record NewFellow(int Position, string Name, string Status);

    public sealed record AwardDecision(string Recipient, bool IsGroup, ServiceAwardStatus Status, string? Resolution, DateOnly? DecidedOn)
    {
        public string Decision => Status.DisplayName();
    }

    public string Name => new YearQuarter(Year, Quarter).Name;

    public static readonly ServiceAwardStatus[] Decided = [ServiceAwardStatus.Approved, ServiceAwardStatus.Declined, ServiceAwardStatus.HeldOver];

    /// <param name="readerId">The member reading it: the tallies of nominations they recused from are left out.</param>
    public static async Task<QuarterPacket> LoadAsync(RecordsDbContext db, int year, int quarter, string? readerId, CancellationToken ct = default)
    {
        var nominations = await (from n in db.Nominations.AsNoTracking()
                                 where n.Round.Year == year && n.Round.Quarter == quarter
                                 join first in db.Rounds on n.FirstRoundId equals first.Id
                                 orderby n.Nominee.Name, n.Id
                                 select new { n.Id, Nominee = n.Nominee.Name, n.NominatorName, first.Year, first.Quarter, n.Status }).ToListAsync(ct);

        var votes = await db.Votes.AsNoTracking()
            .Where(v => v.Nomination.Round.Year == year && v.Nomination.Round.Quarter == quarter)
            .GroupBy(v => new { v.NominationId, v.Choice })
            .Select(g => new { g.Key.NominationId, g.Key.Choice, Count = g.Count() }).ToListAsync(ct);

        var fellows = await db.Fellows.AsNoTracking().Where(f => f.Year == year && f.Quarter == quarter)
            .OrderBy(f => f.Position).ThenBy(f => f.Person.Name)
            .Select(f => new NewFellow(f.Position, f.Person.Name, f.Status.ToString())).ToListAsync(ct);

        var awards = await db.ServiceAwards.AsNoTracking()
            .Where(a => a.Year == year && a.Quarter == quarter && Decided.Contains(a.Status))
            .OrderBy(a => a.DecidedOn).ThenBy(a => a.Id)
            .Select(a => new AwardDecision(a.RecipientName, a.RecipientIsGroup, a.Status, a.Resolution, a.DecidedOn)).ToListAsync(ct);

        var recused = readerId is null ? [] : (await db.Recusals.AsNoTracking()
            .Where(r => r.MemberId == readerId && r.Nomination.Round.Year == year && r.Nomination.Round.Quarter == quarter)
            .Select(r => r.NominationId).ToListAsync(ct)).ToHashSet();

        int Count(int id, VoteChoice choice) => votes.Where(v => v.NominationId == id && v.Choice == choice).Sum(v => v.Count);
        var lines = nominations.Select(n => new NominationLine(n.Nominee, n.NominatorName, new YearQuarter(n.Year, n.Quarter).Name, n.Status,
            recused.Contains(n.Id) ? null : new Tally(Count(n.Id, VoteChoice.Yes), Count(n.Id, VoteChoice.No), Count(n.Id, VoteChoice.Abstain)))).ToList();
        return new QuarterPacket(year, quarter, lines, fellows, awards);
    }


    public static string Day(DateOnly? day) => day?.ToString("MMM d, yyyy", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>The rows of each table (Fellows numbered in announcement order) exactly as both the page and the PDF print them.</summary>
    public IReadOnlyList<IReadOnlyList<string>> NominationRows() =>
        Nominations.Select(n => (IReadOnlyList<string>)(n.Tally is { } t
            ? [n.Nominee, n.Nominator, n.FirstRound, n.Outcome, Number(t.Yes), Number(t.No), Number(t.Abstain)]
            : [n.Nominee, n.Nominator, n.FirstRound, n.Outcome, HiddenCount, HiddenCount, HiddenCount])).ToList();

    /// <summary>What a recused member reads in place of each count.</summary>
    public const string HiddenCount = "—";

    public bool HidesTallies => Nominations.Any(n => n.Tally is null);

    public const string HiddenNote = "— marks a nomination you recused from: its tally is not shown to you.";

    public IReadOnlyList<IReadOnlyList<string>> FellowRows() =>
        Fellows.Select((f, i) => (IReadOnlyList<string>)[Number(i + 1), f.Name, f.Status]).ToList();

    public IReadOnlyList<IReadOnlyList<string>> AwardRows() =>
        Awards.Select(a => (IReadOnlyList<string>)[a.IsGroup ? $"{a.Recipient} (group)" : a.Recipient, a.Decision, Day(a.DecidedOn), a.Resolution ?? "—"]).ToList();

    public const string NoNominations = "No nominations were under review in this quarter's round.";
    public const string NoFellows = "No Fellows were inducted in this quarter.";
    public const string NoAwards = "The Board decided no Community Service Award proposals in this quarter.";

    private static string Number(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
