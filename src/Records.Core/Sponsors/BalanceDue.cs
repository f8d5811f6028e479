namespace Records.Core.Sponsors;

/// <summary>What a sponsor still owes on one sponsorship.</summary>
public static class BalanceDue
{
    /// <summary>
    /// The agreed fee less what was paid, never below zero; null when nothing can be owed: a rejected sponsorship,
    /// an unstated fee, or one given in kind.
    /// </summary>
    public static long? Of(long? feeMinor, long paidMinor, SponsorshipStatus status) =>
        feeMinor is { } fee && status != SponsorshipStatus.Rejected ? Math.Max(0, fee - paidMinor) : null;
}
