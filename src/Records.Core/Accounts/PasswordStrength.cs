using System.Text.RegularExpressions;
using Zxcvbn.Matcher;

namespace Records.Core.Accounts;

/// <summary>
/// A password is long enough and hard to guess (zxcvbn's estimate, not character classes: "velvet otter climbs the
/// lighthouse" is fine, "Password2026!" is not). The message says what makes a refused one guessable.
/// </summary>
public static partial class PasswordStrength
{
    public const int MinimumLength = 12;
    /// <summary>zxcvbn's 3: "safely unguessable", moderate protection even if the password hashes were stolen.</summary>
    public const int MinimumScore = 3;
    /// <summary>zxcvbn's work grows with length; beyond this many characters the length alone makes the password strong.</summary>
    private const int CheckedLength = 64;

    public const string TooShort = "Use at least 12 characters.";

    /// <summary>Null when the password will do; otherwise why not, in words for the person choosing it.</summary>
    public static string? Problem(string? password, IEnumerable<string?> personalWords)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength) return TooShort;
        var result = Zxcvbn.Zxcvbn.MatchPassword(password.Length > CheckedLength ? password[..CheckedLength] : password, Words(personalWords));
        if (result.Score >= MinimumScore) return null;
        return $"This password is easy to guess: {Why(result.MatchSequence)} Add another word or two; uncommon words are better.";
    }

    private static List<string> Words(IEnumerable<string?> personal)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "records" };
        foreach (var text in personal.OfType<string>())
        {
            words.Add(text.Trim());
            foreach (var part in NotALetterOrDigit().Split(text)) if (part.Length >= 3) words.Add(part);
        }
        return [.. words.Where(w => w.Length > 0)];
    }

    private static string Why(IEnumerable<Zxcvbn.Match> matches)
    {
        var weakest = matches.Where(m => m.Pattern != "bruteforce").OrderByDescending(m => m.Token.Length).FirstOrDefault();
        return weakest switch
        {
            null => "it is short for the kinds of characters in it.",
            L33tDictionaryMatch => "swapping letters for look-alike symbols (@ for a, 0 for o) does not make a word much harder to guess.",
            DictionaryMatch { DictionaryName: "user_inputs" } => "it contains your name or email address.",
            DictionaryMatch { DictionaryName: "passwords" } => "it is built on a common password.",
            DictionaryMatch { DictionaryName: "male_names" or "female_names" or "surnames" } => "names are easy to guess, even with capitals, digits or symbols added.",
            DictionaryMatch => "a common word is easy to guess, even with capitals, digits or symbols added.",
            { Pattern: "spatial" } => "rows and patterns of neighbouring keys are easy to guess.",
            { Pattern: "repeat" } => "repeated characters such as \"aaa\" or \"abcabc\" are easy to guess.",
            { Pattern: "sequence" } => "sequences such as \"abc\" or \"6543\" are easy to guess.",
            { Pattern: "date" or "year" } => "dates and years are easy to guess.",
            _ => "it follows a common pattern.",
        };
    }

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NotALetterOrDigit();
}
