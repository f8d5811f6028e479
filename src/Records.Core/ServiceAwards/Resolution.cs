namespace Records.Core.ServiceAwards;

/// <summary>The Board's resolution in the foundation's own form, drafted from the proposal for the Board to edit.</summary>
public static class Resolution
{
    public static string Draft(string foundation, int year, int quarter, string recipient, string reasons)
    {
        var why = reasons.Trim().TrimEnd('.', ' ');
        var firstSentence = why.IndexOf(". ", StringComparison.Ordinal);
        if (firstSentence > 0) why = why[..firstSentence];
        if (why.Length > 0 && !StartsWithOwnPreposition(why)) why = "in recognition of " + char.ToLowerInvariant(why[0]) + why[1..];
        return $"RESOLVED, that the {foundation} award the {year} Q{quarter} Community Service Award to {recipient.Trim()} {why}.";
    }

    /// <summary>Reasons written as "for his work …" or "in recognition of …" read on without another preposition.</summary>
    private static bool StartsWithOwnPreposition(string why) =>
        why.StartsWith("for ", StringComparison.OrdinalIgnoreCase) || why.StartsWith("in recognition", StringComparison.OrdinalIgnoreCase);
}
