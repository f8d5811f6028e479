namespace Records.Web.Infrastructure;

/// <summary>
/// The launch profile (what `dotnet run` uses) asks for Development through its own variable, so that it never
/// overrides the environment a person sets: ASPNETCORE_ENVIRONMENT=Production dotnet run … runs as Production.
/// Its address (RECORDS_LAUNCH_URLS) likewise gives way to ASPNETCORE_URLS.
/// </summary>
public static class LaunchEnvironment
{
    public const string Variable = "RECORDS_LAUNCH_ENVIRONMENT";

    /// <summary>The launch profile's environment, or null when the person starting the app chose one (or none was asked for).</summary>
    public static string? Choose(Func<string, string?> variable, IReadOnlyList<string> args)
    {
        if (!string.IsNullOrWhiteSpace(variable("ASPNETCORE_ENVIRONMENT")) || !string.IsNullOrWhiteSpace(variable("DOTNET_ENVIRONMENT"))) return null;
        if (args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase))) return null;
        return variable(Variable) is { } launch && !string.IsNullOrWhiteSpace(launch) ? launch.Trim() : null;
    }

    public const string UrlsVariable = "RECORDS_LAUNCH_URLS";

    /// <summary>The launch profile's addresses, or null when the person starting the app gave their own (ASPNETCORE_URLS and the like, or --urls).</summary>
    public static string? ChooseUrls(Func<string, string?> variable, IReadOnlyList<string> args)
    {
        string[] own = ["ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS"];
        if (own.Any(name => !string.IsNullOrWhiteSpace(variable(name)))) return null;
        if (args.Any(a => a.StartsWith("--urls", StringComparison.OrdinalIgnoreCase) || a.StartsWith("--http_ports", StringComparison.OrdinalIgnoreCase))) return null;
        return variable(UrlsVariable) is { } launch && !string.IsNullOrWhiteSpace(launch) ? launch.Trim() : null;
    }
}
