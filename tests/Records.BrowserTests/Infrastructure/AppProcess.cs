using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Records.BrowserTests.Infrastructure;

/// <summary>
/// The app as its own process on a real Kestrel port, over the SQLite file and mail pickup folder in one folder; its
/// output is kept so that a failure can show what the server said.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Process process;

    private AppProcess(string folder, IDictionary<string, string> settings)
    {
        var baseDirectory = AppContext.BaseDirectory;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = baseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(baseDirectory, "Records.Web.dll"));
        // Port 0 lets the kernel pick a free port; the app announces it, so no other process can take it in between.
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        // The web project's folder, so wwwroot (the stylesheet) is served as in production.
        info.Environment["ASPNETCORE_CONTENTROOT"] = Repository.WebProject;
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Records__DatabasePath"] = Path.Combine(folder, "records.db");
        info.Environment["Records__SeedDevelopmentUsers"] = "true";
        info.Environment["Records__Mail__PickupFolder"] = Path.Combine(folder, "mail-pickup");
        foreach (var (key, value) in settings) info.Environment[key] = value;

        process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("it exited before it listened"));
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    /// <summary>Starts the app and returns once it answers GET /health, or throws with everything it printed.</summary>
    public static async Task<AppProcess> StartAsync(string folder, IDictionary<string, string> settings)
    {
        var app = new AppProcess(folder, settings);
        try
        {
            app.process.Start();
            app.process.BeginOutputReadLine();
            app.process.BeginErrorReadLine();
            app.BaseAddress = await app.WaitUntilHealthyAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Everything the app has printed so far.</summary>
    public string Output()
    {
        lock (output) return output.ToString();
    }

    private void OnOutput(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
        if (ListeningLine().Match(line) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    private async Task<Uri> WaitUntilHealthyAsync()
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        try
        {
            var address = await listening.Task.WaitAsync(deadline.Token);
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
            while (true)
            {
                try
                {
                    using var response = await http.GetAsync("/health", deadline.Token);
                    if (response.IsSuccessStatusCode) return address;
                }
                catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !deadline.IsCancellationRequested)) { }
                await Task.Delay(200, deadline.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            var why = e is OperationCanceledException ? $"no answer within {StartTimeout.TotalSeconds:0} s" : e.Message;
            throw new InvalidOperationException($"The app did not answer GET /health with 200 ({why}). Its output:{Environment.NewLine}{Output()}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to stop.
        }
        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
