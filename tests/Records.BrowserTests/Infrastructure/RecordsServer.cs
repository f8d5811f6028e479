using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Records.BrowserTests.Infrastructure;

/// <summary>
/// The app as its own process on a real Kestrel port, with a fresh SQLite file and mail pickup folder, and one
/// headless Chromium to drive it. Tests open a browser context each, so cookies never carry from one test to the next.
/// </summary>
public partial class RecordsServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? process;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "records-browser-tests", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    /// <summary>Settings a test class adds, as environment variables (for example a smaller quorum).</summary>
    protected virtual IDictionary<string, string> Settings => new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        // Without Chromium the tests skip (or fail on CI) themselves; starting the app would only cost time.
        if (!Chromium.IsInstalled) return;

        Directory.CreateDirectory(Folder);
        try
        {
            process = StartApp();
            BaseAddress = await WaitUntilHealthyAsync();

            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium.ExecutablePath,
                Headless = true,
                Args = Chromium.Args,
            });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh browser context (its own cookies) on the app; skips the test when Chromium is missing.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        Chromium.Require();
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: the suite must pass on a loaded machine, and a wait ends as soon as its condition holds.
        context.SetDefaultTimeout(30_000);
        return context;
    }

    private Process StartApp()
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
        info.Environment["Records__DatabasePath"] = Path.Combine(Folder, "records.db");
        info.Environment["Records__SeedDevelopmentUsers"] = "true";
        info.Environment["Records__Mail__PickupFolder"] = Path.Combine(Folder, "mail-pickup");
        foreach (var (key, value) in Settings) info.Environment[key] = value;

        var started = new Process { StartInfo = info, EnableRaisingEvents = true };
        started.OutputDataReceived += (_, e) => OnOutput(e.Data);
        started.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        started.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("it exited before it listened"));
        started.Start();
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    private void OnOutput(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
        if (ListeningLine().Match(line) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    private string Output()
    {
        lock (output) return output.ToString();
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

    /// <summary>One value from the app's database, so a test checks what was saved and not only what the page said.</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Folder, "records.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
