using Records.Core.Amounts;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Mail;

namespace Records.Core.ServiceAwards;

/// <summary>What the Board does with a proposal, and Staff with an approved award.</summary>
public enum AwardStep { Approve, HoldOver, Decline, Reopen, RecordPayment }

/// <summary>The award's cash and the foundation that gives it, as configured.</summary>
public sealed record AwardSettings(string Foundation, long AmountMinor, string Currency);

/// <summary>
/// Which way a Community Service Award proposal may move. A Proposed or Held over proposal is approved with a resolution,
/// held over to a later quarter or declined; a declined one can only be reopened, back to Proposed; an approved award
/// can only have its payment recorded. Every step is kept in the history, and the proposer hears of each decision of the
/// Board (not of a reopening or a payment) in the same save.
/// </summary>
public sealed class AwardDecisions(RecordsDbContext db, TimeProvider clock, AwardSettings settings)
{
    private static readonly Dictionary<ServiceAwardStatus, AwardStep[]> Moves = new()
    {
        [ServiceAwardStatus.Proposed] = [AwardStep.Approve, AwardStep.HoldOver, AwardStep.Decline],
        [ServiceAwardStatus.HeldOver] = [AwardStep.Approve, AwardStep.HoldOver, AwardStep.Decline],
        [ServiceAwardStatus.Approved] = [AwardStep.RecordPayment],
        [ServiceAwardStatus.Declined] = [AwardStep.Reopen],
    };

    /// <summary>
    /// Saved; refused because of the proposal's status; changed by someone else since the form was read; or changed by
    /// someone else between reading and saving, so that nothing was saved.
    /// </summary>
    public enum Outcome { Saved, Refused, ChangedSinceRead, ChangedAtSameMoment }

    public static IReadOnlyList<AwardStep> NextSteps(ServiceAwardStatus from) => Moves[from];

    /// <summary>Why a proposal in this status cannot take this step, or null when it can.</summary>
    public static string? Refuse(ServiceAwardStatus from, AwardStep step)
    {
        if (NextSteps(from).Contains(step)) return null;
        return step switch
        {
            AwardStep.Reopen => $"Only a declined proposal can be reopened; this one is {Words(from)}.",
            AwardStep.RecordPayment => "Only an approved award is paid; the Board has not approved this one.",
            _ when from == ServiceAwardStatus.Declined => $"This proposal was declined. Reopen it before you {Verb(step)} it.",
            _ => $"This award is already approved; it cannot be {Done(step)}.",
        };
    }

    /// <summary>Approves with the Board's resolution; the award takes the configured cash unless it already has an amount.</summary>
    public Task<(Outcome Outcome, string? Refusal)> ApproveAsync(ServiceAward award, Guid version, string resolution, DateOnly decidedOn, string by, CancellationToken ct = default) =>
        TakeAsync(award, version, AwardStep.Approve, async now =>
        {
            award.Status = ServiceAwardStatus.Approved;
            award.Resolution = resolution.Trim();
            award.DecidedOn = decidedOn;
            award.AmountMinor ??= settings.AmountMinor;
            award.Currency ??= settings.Currency;
            Record(award, ServiceAwardAction.Approved, award.Resolution, decidedOn, by, now);
            await TellProposerAsync(award, "approved it", now, ct);
        }, ct);

    /// <summary>Moves the proposal to a later quarter, when the Board will consider it again.</summary>
    public Task<(Outcome Outcome, string? Refusal)> HoldOverAsync(ServiceAward award, Guid version, int year, int quarter, string? note, DateOnly today, string by, CancellationToken ct = default) =>
        TakeAsync(award, version, AwardStep.HoldOver, async now =>
        {
            (award.Year, award.Quarter) = (year, quarter);
            award.Status = ServiceAwardStatus.HeldOver;
            Record(award, ServiceAwardAction.HeldOver, Note(note), today, by, now);
            await TellProposerAsync(award, $"held it over to {award.YearQuarter.YearFirstName}, when it will be considered again", now, ct);
        }, ct);

    public Task<(Outcome Outcome, string? Refusal)> DeclineAsync(ServiceAward award, Guid version, string? note, DateOnly today, string by, CancellationToken ct = default) =>
        TakeAsync(award, version, AwardStep.Decline, async now =>
        {
            award.Status = ServiceAwardStatus.Declined;
            award.DecidedOn = today;
            Record(award, ServiceAwardAction.Declined, Note(note), today, by, now);
            await TellProposerAsync(award, "decided not to make the award this time", now, ct);
        }, ct);

    /// <summary>Puts a declined proposal before the Board again; the proposer is not written to.</summary>
    public Task<(Outcome Outcome, string? Refusal)> ReopenAsync(ServiceAward award, Guid version, string by, CancellationToken ct = default) =>
        TakeAsync(award, version, AwardStep.Reopen, now =>
        {
            award.Status = ServiceAwardStatus.Proposed;
            award.DecidedOn = null;
            Record(award, ServiceAwardAction.Reopened, null, null, by, now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Records what an approved award gave: the cash paid and whether a PyCon US registration went with it.</summary>
    public Task<(Outcome Outcome, string? Refusal)> RecordPaymentAsync(ServiceAward award, Guid version, long amountMinor, string currency, bool pyConRegistration, DateOnly paidOn, string by, CancellationToken ct = default) =>
        TakeAsync(award, version, AwardStep.RecordPayment, now =>
        {
            award.AmountMinor = amountMinor;
            award.Currency = currency;
            award.PyConRegistration = pyConRegistration;
            award.PaidOn = paidOn;
            Record(award, ServiceAwardAction.Paid, $"{new Money(amountMinor, currency).Format()}{(pyConRegistration ? " and a PyCon US registration" : "")}", paidOn, by, now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>The award is one read with its history and tracked; <paramref name="version"/> is the one its form was read at.</summary>
    private async Task<(Outcome, string?)> TakeAsync(ServiceAward award, Guid version, AwardStep step, Func<DateTime, Task> apply, CancellationToken ct)
    {
        if (Refuse(award.Status, step) is { } refusal) return (Outcome.Refused, refusal);
        if (award.Version != version) return (Outcome.ChangedSinceRead, null);
        await apply(clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (Outcome.ChangedAtSameMoment, null);
        }
        return (Outcome.Saved, null);
    }

    private static void Record(ServiceAward award, ServiceAwardAction action, string? note, DateOnly? decidedOn, string by, DateTime now) =>
        award.History.Add(new ServiceAwardEvent { Action = action, Year = award.Year, Quarter = award.Quarter, Note = note, DecidedOn = decidedOn, By = by, At = now });

    private async Task TellProposerAsync(ServiceAward award, string decision, DateTime now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(award.ProposerEmail)) return;
        var (subject, body) = await EmailTemplates.RenderAsync(db, EmailTemplates.AwardDecided, new Dictionary<string, string>
        {
            ["foundation"] = settings.Foundation,
            ["proposer_name"] = award.ProposerName ?? "friend of the foundation",
            ["recipient_name"] = award.RecipientName,
            ["quarter"] = award.YearQuarter.YearFirstName,
            ["decision"] = decision,
            ["resolution"] = award.Status == ServiceAwardStatus.Approved ? $"\n{award.Resolution}\n" : "",
        }, ct);
        db.Outbox.Add(OutboxMessage.Create([award.ProposerEmail], subject, body, now, audience: MailAudience.Awards));
    }

    private static string? Note(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static string Verb(AwardStep step) => step switch { AwardStep.HoldOver => "hold over", _ => step.ToString().ToLowerInvariant() };

    private static string Done(AwardStep step) => step switch { AwardStep.HoldOver => "held over", _ => step.ToString().ToLowerInvariant() + "d" };

    private static string Words(ServiceAwardStatus status) => status switch { ServiceAwardStatus.HeldOver => "held over", _ => status.ToString().ToLowerInvariant() };
}
