using System.Runtime.CompilerServices;

namespace Records.Tests.Infrastructure;

internal static class TestEnvironment
{
    /// <summary>
    /// Each test host would otherwise watch its appsettings files for changes, one inotify instance per host; a suite of
    /// many hosts on a busy machine runs out of them. Tests never edit those files, so nothing is lost.
    /// </summary>
    [ModuleInitializer]
    internal static void NoConfigurationWatchers() =>
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
