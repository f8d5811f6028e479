using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Records.Tests.Infrastructure;

/// <summary>
/// The built app in a process of its own, started as `dotnet run` starts it (the launch profile's variables laid over
/// the environment given), on a loopback port the kernel picks. Stopped with SIGTERM, as a service manager stops it.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(Process process) => this.process = process;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    /// <summary>Everything the app wrote so far.</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public static string WebProject()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Records.sln"))) root = root.Parent!;
        return Path.Combine(root.FullName, "src", "Records.Web");
    }

    /// <summary>The built app as `dotnet run` starts it, with the user's <paramref name="variable"/> set and the launch profile over it.</summary>
    public static ProcessStartInfo StartInfo(string? variable = null, string? value = null)
    {
        var webProject = WebProject();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Records.Web.dll"));
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" }) info.Environment.Remove(name);
        // The user's own setting first; `dotnet run` then lays the launch profile's variables over it.
        if (variable is not null) info.Environment[variable] = value;
        using (var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(webProject, "Properties", "launchSettings.json"))))
        {
            foreach (var setting in settings.RootElement.GetProperty("profiles").GetProperty("Records").GetProperty("environmentVariables").EnumerateObject())
            {
                info.Environment[setting.Name] = setting.Value.GetString();
            }
        }
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["ASPNETCORE_CONTENTROOT"] = webProject;
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        return info;
    }

    /// <summary>
    /// Runs the app until it ends by itself (a refused start does at once): its exit code and everything it wrote. No
    /// wall-clock limit: an app that kept running would hold the test until the run is cancelled, which kills it.
    /// </summary>
    public static async Task<(int ExitCode, string Said)> RunToEndAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var standardError = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var standardOutput = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var kill = TestContext.Current.CancellationToken.Register(() => process.Kill(entireProcessTree: true));
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await standardError + await standardOutput);
    }

    /// <summary>
    /// Starts the app and returns once it says it has started and on which address it listens. No wall-clock limit: an
    /// app that never starts ends by itself (then this fails with what it said) or holds the test until the run is cancelled.
    /// </summary>
    public static async Task<AppProcess> StartAsync(ProcessStartInfo info)
    {
        var app = new AppProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null) return;
            lock (app.output) app.output.AppendLine(line);
            if (ListeningOn().Match(line) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
            if (line.Contains("Application started.", StringComparison.Ordinal)) started.TrySetResult();
        }
        app.process.OutputDataReceived += (_, e) => Read(e.Data);
        app.process.ErrorDataReceived += (_, e) => Read(e.Data);
        app.process.Exited += (_, _) => started.TrySetException(new InvalidOperationException("The app stopped before it started."));
        app.process.Start();
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        using var kill = TestContext.Current.CancellationToken.Register(() => app.Kill());
        try
        {
            await started.Task;
            app.BaseAddress = await listening.Task;
            return app;
        }
        catch (InvalidOperationException)
        {
            await app.process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"The app did not start. It said:\n{app.Output}");
            throw;
        }
    }

    /// <summary>Asks the app to stop as a service manager does (SIGTERM) and waits for it to finish what it was doing.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited) return;
        using (var signal = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await signal.WaitForExitAsync();
        using var kill = TestContext.Current.CancellationToken.Register(Kill);
        await process.WaitForExitAsync(CancellationToken.None);
    }

    private void Kill()
    {
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await process.WaitForExitAsync(CancellationToken.None);
        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
