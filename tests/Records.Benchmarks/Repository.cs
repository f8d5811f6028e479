namespace Records.Benchmarks;

public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "Records.Web");

    /// <summary>The web app as built by <c>dotnet build -c Release</c>, started as its own process by the start-up benchmark.</summary>
    public static string ReleaseWebDll => Path.Combine(WebProject, "bin", "Release", "net10.0", "Records.Web.dll");

    /// <summary>
    /// The web app as deployed: <c>dotnet publish -c Release -r linux-x64</c>, compiled ahead of time (ReadyToRun), as
    /// run.sh publishes it for the start-up benchmark.
    /// </summary>
    public static string PublishedWebDll => Path.Combine(Root, "artifacts", "publish", "web", "Records.Web.dll");

    /// <summary>
    /// The empty Razor Pages template (<c>dotnet new webapp</c>) published the same way: the floor the framework sets for
    /// start-up on this machine, which run.sh makes for the start-up benchmark.
    /// </summary>
    public static string PublishedTemplateDll => Path.Combine(Root, "artifacts", "publish", "template", "Template.dll");

    public static string Artifacts => Path.Combine(Root, "artifacts", "benchmarks");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Records.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Records.sln; the benchmarks run from the repository.");
    }
}
