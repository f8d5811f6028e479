using System.Text.RegularExpressions;

namespace Records.Core.Posts;

/// <summary>The foundation's own addresses that posts point to.</summary>
public sealed record PostSettings(string Foundation, string CriteriaUrl, string RosterUrl, string WorkGroupEmail, string WorkGroupUrl)
{
    /// <summary>"PSF" for "Python Software Foundation": the initials of the capitalised words.</summary>
    public string FoundationShort => string.Concat(Foundation.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]));
}

/// <summary>Text from the records as it goes into a post: HTML tags are dropped, so a post never carries markup someone typed.</summary>
public static partial class PostText
{
    public static string Clean(string? text) => Tags().Replace(text ?? "", "").Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
