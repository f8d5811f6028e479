namespace Records.Core.Nominations;

/// <summary>
/// The count of a nomination's votes. Accepted when yes votes are more than half of the yes and no votes
/// (abstentions count towards the quorum, not the majority) and at least <c>quorum</c> members voted.
/// </summary>
public sealed record Tally(int Yes, int No, int Abstain)
{
    public static readonly Tally None = new(0, 0, 0);

    public static Tally Of(IEnumerable<VoteChoice> choices)
    {
        int yes = 0, no = 0, abstain = 0;
        foreach (var choice in choices)
        {
            switch (choice)
            {
                case VoteChoice.Yes: yes++; break;
                case VoteChoice.No: no++; break;
                default: abstain++; break;
            }
        }
        return new Tally(yes, no, abstain);
    }

    /// <summary>Every vote cast, abstentions included.</summary>
    public int Counted => Yes + No + Abstain;

    public bool QuorumMet(int quorum) => Counted >= quorum;

    public bool HasMajority => Yes * 2 > Yes + No;

    public bool IsAccepted(int quorum) => QuorumMet(quorum) && HasMajority;
}
