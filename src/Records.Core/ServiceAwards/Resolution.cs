using System.Text.RegularExpressions;
using Records.Core.Calendar;

namespace Records.Core.ServiceAwards;

/// <summary>The Board's resolution in the foundation's own form, drafted from the proposal for the Board to edit.</summary>
public static partial class Resolution
{
    /// <summary>
    /// One sentence: "RESOLVED, that the … award the 2020 Q1 Community Service Award to NAME for her work …". The reason is
    /// the proposal's first sentence, read on after the name: its own "for …" or "in recognition of …" kept (never doubled),
    /// the name not repeated, no full stop or capital inside.
    /// </summary>
    public static string Draft(string foundation, int year, int quarter, string recipient, string reasons)
    {
        var name = Spaces().Replace(recipient, " ").Trim();
        var why = FirstSentence(Spaces().Replace(reasons, " ").Trim().TrimStart('"', '\'', '“', '‘', '-', '*', '•', ' '));
        if (name.Length > 0 && why.StartsWith(name, StringComparison.OrdinalIgnoreCase)) why = why[name.Length..].TrimStart(',', ':', ' ', '-', '–');
        why = why.TrimEnd('.', ' ', ',', ';', ':', '!', '"', '”', '’', '\'');
        why = Lower(why);
        if (why.Length > 0 && !StartsWithOwnPreposition(why)) why = "in recognition of " + why;
        return $"RESOLVED, that the {foundation} award the {new YearQuarter(year, quarter).YearFirstName} Community Service Award to {name}{(why.Length > 0 ? " " + why : "")}.";
    }

    /// <summary>Up to the first full stop, question or exclamation mark that ends a sentence (not "e.g." or "Dr." or "3.9").</summary>
    private static string FirstSentence(string text)
    {
        foreach (Match end in SentenceEnd().Matches(text))
        {
            var before = text[..end.Index];
            var lastWord = before[(before.LastIndexOf(' ') + 1)..];
            if (end.Value.StartsWith('.') && (Abbreviations.Contains(lastWord.TrimEnd('.')) || lastWord is [var initial] && char.IsLetter(initial))) continue;
            return before;
        }
        return text;
    }

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
        { "e.g", "i.e", "etc", "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Jr", "Sr", "vs", "approx", "incl", "no" };

    /// <summary>"For her work" reads on as "for her work"; a name or an acronym at the start ("PyLadies", "EuroPython") keeps its capital.</summary>
    private static string Lower(string why)
    {
        var first = why.Split(' ', 2)[0];
        if (first.Length < 2 || !char.IsUpper(first[0]) || first.Skip(1).Any(char.IsUpper)) return why;
        return CommonFirstWords.Contains(first) || first.EndsWith("ing", StringComparison.Ordinal) ? char.ToLowerInvariant(why[0]) + why[1..] : why;
    }

    private static readonly HashSet<string> CommonFirstWords = new(StringComparer.Ordinal)
    {
        "For", "In", "Her", "His", "Their", "Its", "The", "A", "An", "Years", "Many", "Outstanding", "Tireless", "Long", "Service", "Contributions",
        "Work", "Founder", "Co-founder", "Organiser", "Organizer", "Chair", "Leader", "Mentor", "Maintainer", "Volunteer",
    };

    /// <summary>Reasons written as "for his work …" or "in recognition of …" read on without another preposition.</summary>
    private static bool StartsWithOwnPreposition(string why) =>
        why.StartsWith("for ", StringComparison.OrdinalIgnoreCase) || why.StartsWith("in recognition", StringComparison.OrdinalIgnoreCase);

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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[.!?]+(?=\s+\S|$)")]
    private static partial Regex SentenceEnd();
}
