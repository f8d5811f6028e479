namespace Records.Core.People;

/// <summary>What kind of link an address is, read from its host, for lists that give bare URLs.</summary>
public static class LinkKinds
{
    public static LinkKind Of(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        if (host.StartsWith("mobile.", StringComparison.Ordinal)) host = host[7..];
        return host switch
        {
            "github.com" => LinkKind.GitHub,
            "twitter.com" or "x.com" => LinkKind.Twitter,
            "linkedin.com" or "lnkd.in" => LinkKind.LinkedIn,
            "medium.com" => LinkKind.Blog,
            _ when host.EndsWith(".linkedin.com", StringComparison.Ordinal) => LinkKind.LinkedIn,
            _ when IsMastodonProfile(url.AbsolutePath) => LinkKind.Mastodon,
            _ => LinkKind.Website,
        };
    }

    /// <summary>
    /// Mastodon servers have any host name, so the profile address <c>/@user</c> is what tells them apart
    /// (Medium uses the same shape, hence its own case above).
    /// </summary>
    private static bool IsMastodonProfile(string path)
    {
        var user = path.StartsWith("/@", StringComparison.Ordinal) ? path[2..].TrimEnd('/') : "";
        return user.Length > 0 && !user.Contains('/');
    }
}
