using Records.Core.Amounts;
using Microsoft.EntityFrameworkCore;
using Records.Core.Audit;
using Records.Core.Budget;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Mail;
using Records.Core.Nominations;
using Records.Core.ServiceAwards;
using Records.Core.Sponsors;

namespace Records.Core.Home;

public sealed record PublicPanel(string? LatestQuarter, IReadOnlyList<string> LatestFellows, int FellowCount, IReadOnlyList<PublicPanel.Award> Awards, TakingNominations Taking)
{
    public sealed record Award(string Recipient, int Year, int Quarter, string Reasons)
    {
        public YearQuarter YearQuarter => new(Year, Quarter);
    }
}

public sealed record Total(string Currency, long Minor, int Count)
{
    /// <summary>This calendar year's gifts up to today per currency, from the daily sums: a year is whole days.</summary>
    public static Task<List<Total>> DonationsThisYearAsync(RecordsDbContext db, DateOnly today, CancellationToken ct)
    {
        var yearStart = new DateOnly(today.Year, 1, 1);
        return db.DonationDays.AsNoTracking().Where(d => d.Day >= yearStart && d.Day <= today)
            .GroupBy(d => d.Currency).Select(g => new Total(g.Key, g.Sum(d => d.AmountMinor), g.Sum(d => d.Gifts))).ToListAsync(ct);
    }
}

/// <param name="OpenForVotes">Rounds the Chair has opened for votes: until one is, no member is asked to vote.</param>
public sealed record WorkGroupPanel(TakingNominations Taking, int UnderReview, int OpenForVotes, int NeedMyVote, int Recused, IReadOnlyList<WorkGroupPanel.RoundDue> ReadyToClose)
{
    public sealed record RoundDue(string Name, DateOnly ReviewEnds, int Nominations);

    public static async Task<WorkGroupPanel> LoadAsync(RecordsDbContext db, string memberId, bool chair, DateOnly today, TakingNominations taking, CancellationToken ct)
    {
        var underReview = await db.Nominations.CountAsync(n => n.Status == NominationStatus.UnderReview, ct);
        var openRounds = await db.Rounds.CountAsync(r => r.Status == RoundStatus.Open, ct);
        var open = db.Nominations.AsNoTracking().Where(n => n.Status == NominationStatus.UnderReview && n.Round.Status == RoundStatus.Open);
        var needMyVote = await open.CountAsync(n =>
            !db.Votes.Any(v => v.NominationId == n.Id && v.MemberId == memberId) &&
            !db.Recusals.Any(r => r.NominationId == n.Id && r.MemberId == memberId), ct);
        var recused = await open.CountAsync(n => db.Recusals.Any(r => r.NominationId == n.Id && r.MemberId == memberId), ct);
        var ready = chair
            ? await db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open && r.ReviewEnds < today)
                .OrderBy(r => r.Year).ThenBy(r => r.Quarter)
                .Select(r => new { r.Year, r.Quarter, r.ReviewEnds, Count = db.Nominations.Count(n => n.RoundId == r.Id) })
                .ToListAsync(ct)
            : [];
        return new WorkGroupPanel(taking, underReview, openRounds, needMyVote, recused, ready.Select(r => new RoundDue(new YearQuarter(r.Year, r.Quarter).Name, r.ReviewEnds, r.Count)).ToList());
    }
}

public sealed record StaffPanel(IReadOnlyList<StaffPanel.Ending> EndingSoon, int EndingSoonCount, int EndingDays, int NeedAcknowledgement, Money AcknowledgementThreshold,
    IReadOnlyList<Total> DonationsThisYear, int Sponsors, int ActiveSponsorships, IReadOnlyList<StaffPanel.AwardToPay> AwardsToPay)
{
    public sealed record Ending(int Id, string Sponsor, string What, DateOnly EndsOn);

    /// <summary>The home lists the soonest endings only; the rest are a link to the sponsorships list filtered the same way.</summary>
    public const int EndingShown = 10;

    public sealed record AwardToPay(int Id, string Recipient, int Year, int Quarter, DateOnly? DecidedOn)
    {
        public YearQuarter YearQuarter => new(Year, Quarter);
    }

    /// <summary>
    /// The panel as it stands on <paramref name="today"/>. Everything but the awards to pay is read from the finance
    /// records, so it is kept per finance data version; the awards are read on each request.
    /// </summary>
    /// <param name="endingDays">The same window as the ending reminder Staff are emailed (Records:Sponsorships:EndingReminderDays).</param>
    public static async Task<StaffPanel> LoadAsync(RecordsDbContext db, VersionedCache cache, DateOnly today, int endingDays, Money acknowledgementThreshold, CancellationToken ct)
    {
        var figures = await cache.GetAsync(db, DataVersions.Finance, $"staff-home\n{today:yyyy-MM-dd}\n{endingDays}\n{acknowledgementThreshold.Minor}\n{acknowledgementThreshold.Currency}",
            c => FinanceFiguresAsync(db, today, endingDays, acknowledgementThreshold, c), ct);
        var toPay = await db.ServiceAwards.AsNoTracking().Where(a => a.Status == ServiceAwardStatus.Approved && a.PaidOn == null)
            .OrderBy(a => a.DecidedOn).ThenBy(a => a.Id)
            .Select(a => new AwardToPay(a.Id, a.RecipientName, a.Year, a.Quarter, a.DecidedOn)).ToListAsync(ct);
        return figures with { AwardsToPay = toPay };
    }

    private static async Task<StaffPanel> FinanceFiguresAsync(RecordsDbContext db, DateOnly today, int endingDays, Money acknowledgementThreshold, CancellationToken ct)
    {
        var (threshold, currency) = (acknowledgementThreshold.Minor, acknowledgementThreshold.Currency);
        var horizon = today.AddDays(endingDays);
        var endingSoon = SponsorshipEndings.EndingBetween(db.Sponsorships.AsNoTracking(), today, horizon);
        var ending = await endingSoon.OrderBy(s => s.EndsOn).ThenBy(s => s.Id).Take(EndingShown)
            .Select(s => new Ending(s.Id, s.Sponsor.Name, s.Package != null ? s.Program.Name + " " + s.Package.Name : (s.Description ?? s.Program.Name), s.EndsOn))
            .ToListAsync(ct);
        var endingCount = ending.Count < EndingShown ? ending.Count : await endingSoon.CountAsync(ct);
        var needAck = await Acknowledgement.Awaiting(db.Donations, threshold, currency).CountAsync(ct);
        var totals = await Total.DonationsThisYearAsync(db, today, ct);
        var active = await db.Sponsorships.CountAsync(s => s.StartsOn <= today && s.EndsOn >= today && s.Status != SponsorshipStatus.Rejected, ct);
        return new StaffPanel(ending, endingCount, endingDays, needAck, new Money(threshold, currency), totals, await db.Sponsors.CountAsync(ct), active, []);
    }
}

public sealed record BoardPanel(IReadOnlyList<BoardPanel.Proposal> AwaitingDecision, IReadOnlyList<BoardPanel.Line> LatestLines, IReadOnlyList<Total> DonationsThisYear)
{
    public sealed record Proposal(int Id, string Recipient, int Year, int Quarter, ServiceAwardStatus Status)
    {
        public YearQuarter YearQuarter => new(Year, Quarter);
    }
    public sealed record Line(string Label, BudgetLineKind Kind, DateOnly AsOf, long Minor, string Currency);

    public static async Task<BoardPanel> LoadAsync(RecordsDbContext db, DateOnly today, CancellationToken ct)
    {
        var awaiting = await db.ServiceAwards.AsNoTracking()
            .Where(a => a.Status == ServiceAwardStatus.Proposed || a.Status == ServiceAwardStatus.HeldOver)
            .OrderBy(a => a.ProposedAt)
            .Select(a => new Proposal(a.Id, a.RecipientName, a.Year, a.Quarter, a.Status)).ToListAsync(ct);
        var lines = await db.BudgetLines.AsNoTracking().OrderByDescending(l => l.AsOf).ThenByDescending(l => l.Id).Take(4)
            .Select(l => new Line(l.Label, l.Kind, l.AsOf, l.AmountMinor, l.Currency)).ToListAsync(ct);
        var totals = await Total.DonationsThisYearAsync(db, today, ct);
        return new BoardPanel(awaiting, lines, totals);
    }
}

public sealed record AdminPanel(int Users, int Disabled, int LockedOut, int OutboxPending, int OutboxFailing, IReadOnlyList<AdminPanel.Change> RecentChanges)
{
    public sealed record Change(DateTime At, string UserName, string? Who, string EntityType, string EntityId, string? Summary, string Action);

    public static async Task<AdminPanel> LoadAsync(RecordsDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var users = await db.Users.CountAsync(ct);
        var disabled = await db.Users.CountAsync(u => u.DisabledAt != null, ct);
        var lockoutEnds = await db.Users.Where(u => u.DisabledAt == null && u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(ct);
        var pending = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending, ct);
        var failing = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending && m.Attempts > 0, ct);
        var recent = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(8)
            .Select(a => new Change(a.At, a.UserName, db.Users.Where(u => u.UserName == a.UserName).Select(u => u.DisplayName).FirstOrDefault(),
                a.EntityType, a.EntityId, a.Summary, a.Action)).ToListAsync(ct);
        return new AdminPanel(users, disabled, lockoutEnds.Count(e => e > now), pending, failing, recent);
    }
}
