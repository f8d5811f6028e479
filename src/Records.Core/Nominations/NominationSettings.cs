namespace Records.Core.Nominations;

/// <summary>What the nomination workflows need from the foundation's settings.</summary>
/// <param name="BaseUrl">The address people reach Records at, for links in emails.</param>
/// <param name="Zone">The foundation's time zone: the day a nomination arrives, and so its round, is read in it.</param>
/// <param name="Quorum">Votes (yes, no or abstain) a nomination needs before it can be accepted.</param>
/// <param name="WorkGroupListAddress">The Fellow Work Group's list address, copied on nomination notices.</param>
public sealed record NominationSettings(string FoundationName, string BaseUrl, TimeZoneInfo Zone, int Quorum, string? WorkGroupListAddress)
{
    /// <summary>An address in Records, for an email.</summary>
    public string Link(string path) => $"{BaseUrl.TrimEnd('/')}{path}";
}
