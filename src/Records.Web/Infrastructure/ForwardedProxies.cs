using System.Net;

namespace Records.Web.Infrastructure;

/// <summary>
/// The proxies whose X-Forwarded-For and X-Forwarded-Proto Records believes (Records:ForwardedHeaders:KnownProxies,
/// addresses separated by commas). None by default: a client's own X-Forwarded-For never changes the address that
/// rate limits and the login throttle count.
/// </summary>
public static class ForwardedProxies
{
    public const string Setting = "Records:ForwardedHeaders:KnownProxies";

    public static IReadOnlyList<IPAddress> Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Setting);
        var texts = section.GetChildren().Any()
            ? section.GetChildren().Select(c => c.Value ?? "")
            : (section.Value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. texts.Where(t => t.Length > 0).Select(t => IPAddress.TryParse(t, out var address)
            ? address
            : throw new SettingException($"{Setting}: '{t}' is not an IP address. Give the proxies' addresses separated by commas, for example 10.0.0.5,10.0.0.6."))];
    }
}

/// <summary>A setting that cannot be used; the message names it, and start-up stops with the message alone.</summary>
public sealed class SettingException(string message) : Exception(message);
