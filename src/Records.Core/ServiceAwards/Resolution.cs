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

    /// <summary>
    /// Why the award was given, as the resolution words it: what follows the recipient's name, without the final full
    /// stop ("for his work as …"). A resolution that does not name the recipient is shown whole.
    /// </summary>
    public static string Reason(string resolution, string recipient)
    {
        var text = resolution.Trim();
        var name = recipient.Trim();
        if (name.Length == 0) return text;
        // "… Award to NAME …" first, so a name that also occurs earlier (say, in the foundation's) is not cut there.
        var at = text.IndexOf(" to " + name, StringComparison.OrdinalIgnoreCase);
        if (at >= 0) at += " to ".Length;
        else at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return text;
        var reason = text[(at + name.Length)..].Trim().TrimEnd('.').TrimEnd();
        return reason.Length == 0 ? text : reason;
    }

    /// <summary>The reason as a sentence of its own, for a page that shows it alone: it keeps (or gets) its full stop.</summary>
    public static string ReasonSentence(string resolution, string recipient)
    {
        var reason = Reason(resolution, recipient);
        return reason.Length == 0 || reason[^1] is '.' or '!' or '?' ? reason : reason + ".";
    }

    /// <summary>Reasons written as "for his work …" or "in recognition of …" read on without another preposition.</summary>
    private static bool StartsWithOwnPreposition(string why) =>
        why.StartsWith("for ", StringComparison.OrdinalIgnoreCase) || why.StartsWith("in recognition", StringComparison.OrdinalIgnoreCase);
}
