using Records.Core.Text;

namespace Records.Core.Sponsors;

/// <summary>
/// Which way a sponsorship and its contract may move. A sponsorship goes Applied → Approved → Finalized, or
/// Applied → Rejected; nothing comes back. A contract goes Draft → Awaiting signature → Executed; any of those can be
/// Nullified, and a nullified contract can start again as a Draft. A rejected sponsorship's contract can only be nullified.
/// </summary>
public static class SponsorshipLifecycle
{
    private static readonly Dictionary<SponsorshipStatus, SponsorshipStatus[]> StatusMoves = new()
    {
        [SponsorshipStatus.Applied] = [SponsorshipStatus.Approved, SponsorshipStatus.Rejected],
        [SponsorshipStatus.Approved] = [SponsorshipStatus.Finalized],
        [SponsorshipStatus.Rejected] = [],
        [SponsorshipStatus.Finalized] = [],
    };

    private static readonly Dictionary<ContractStatus, ContractStatus[]> ContractMoves = new()
    {
        [ContractStatus.Draft] = [ContractStatus.AwaitingSignature, ContractStatus.Nullified],
        [ContractStatus.AwaitingSignature] = [ContractStatus.Executed, ContractStatus.Nullified],
        [ContractStatus.Executed] = [ContractStatus.Nullified],
        [ContractStatus.Nullified] = [ContractStatus.Draft],
    };

    public static IReadOnlyList<SponsorshipStatus> NextStatuses(SponsorshipStatus from) => StatusMoves[from];

    /// <summary>Where the contract can go next; for a rejected sponsorship only to Nullified.</summary>
    public static IReadOnlyList<ContractStatus> NextContractStatuses(SponsorshipStatus status, ContractStatus from) =>
        status == SponsorshipStatus.Rejected ? [.. ContractMoves[from].Where(c => c == ContractStatus.Nullified)] : ContractMoves[from];

    /// <summary>Why the sponsorship cannot take this status, or null when it can.</summary>
    public static string? RefuseStatus(SponsorshipStatus from, SponsorshipStatus to) =>
        NextStatuses(from).Contains(to) ? null : $"{Article(from)} {from.DisplayName()} sponsorship cannot become {to.DisplayName()}.";

    /// <summary>Why the contract cannot take this status, or null when it can.</summary>
    public static string? RefuseContract(SponsorshipStatus status, ContractStatus from, ContractStatus to)
    {
        if (NextContractStatuses(status, from).Contains(to)) return null;
        if (status == SponsorshipStatus.Rejected && ContractMoves[from].Contains(to))
            return $"The sponsorship was Rejected, so its contract cannot go from {from.DisplayName()} to {to.DisplayName()}; it can only be Nullified.";
        return $"The contract cannot go from {from.DisplayName()} to {to.DisplayName()}.";
    }

    private static string Article(SponsorshipStatus status) => "AEIOU".Contains(status.ToString()[0]) ? "An" : "A";
}
