using System.Text.RegularExpressions;

namespace Records.Core.People;

/// <summary>
/// What a link's address may be, by kind: a web address (http or https), or for Mastodon also the handle
/// <c>@user@host</c> as people write it. Addresses are stored as written; <see cref="Href"/> turns a handle into
/// the profile address wherever a link is drawn.
/// </summary>
public static partial class LinkRules
{
    public const int MaxLength = 500;

    /// <summary>The kind in users' words: Twitter is now X.</summary>
    public static string Label(LinkKind kind) => kind == LinkKind.Twitter ? "Twitter/X" : kind.ToString();

    public static LinkKind? ParseKind(string? text) =>
        Enum.GetValues<LinkKind>().Cast<LinkKind?>().FirstOrDefault(k => string.Equals(k.ToString(), text, StringComparison.OrdinalIgnoreCase));

    /// <summary>Why this address cannot be kept for a link of this kind; null when it can. An empty address is a link named without one.</summary>
    public static string? Problem(LinkKind kind, string? address)
    {
        if (string.IsNullOrEmpty(address)) return null;
        if (address.Length > MaxLength) return $"Keep the address to {MaxLength} characters.";
        if (kind == LinkKind.Mastodon)
        {
            return IsMastodonHandle(address) || IsWebAddress(address, httpsOnly: true) ? null
                : "Enter the Mastodon handle as @user@host (like @grace@fosstodon.org) or the profile's https:// address.";
        }
        return IsWebAddress(address) ? null : $"Enter the full address of the {Label(kind)} link, starting with https:// or http://.";
    }

    public static bool IsMastodonHandle(string text) => MastodonHandle().IsMatch(text);

    public static bool IsWebAddress(string text, bool httpsOnly = false) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || (!httpsOnly && uri.Scheme == "http")) && uri.Host.Contains('.')
        && !text.Any(char.IsWhiteSpace);

    /// <summary>Where a link points: the address itself, a Mastodon handle's profile page, or null when there is nothing safe to link to.</summary>
    public static string? Href(LinkKind kind, string? address)
    {
        if (string.IsNullOrEmpty(address)) return null;
        if (kind == LinkKind.Mastodon && MastodonHandle().Match(address) is { Success: true } handle) return $"https://{handle.Groups["host"].Value}/@{handle.Groups["user"].Value}";
        return IsWebAddress(address) ? address : null;
    }

    [GeneratedRegex(@"^@(?<user>[A-Za-z0-9_]+(?:[.\-][A-Za-z0-9_]+)*)@(?<host>[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+)$")]
    private static partial Regex MastodonHandle();
}
