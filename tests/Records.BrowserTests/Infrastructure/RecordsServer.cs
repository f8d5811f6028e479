using Microsoft.Playwright;

namespace Records.BrowserTests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port in the test process, with its own SQLite file (a copy of the prepared one) and mail
/// pickup folder, driven by the run's one Chromium. Tests open a browser context each, so cookies never carry from one
/// test to the next; the contexts close with the server.
/// </summary>
public class RecordsServer(SharedChromium chromium, PreparedDatabase database) : IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];
    private AppHost? app;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "records-browser-tests", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress => app?.BaseAddress ?? new("http://127.0.0.1");

    /// <summary>The app's database: its SQLite file, or its PostgreSQL database's connection string.</summary>
    public string DatabaseLocation { get; private set; } = "";

    /// <summary>Settings a test class adds, by their configuration keys (for example a smaller quorum).</summary>
    protected virtual IDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Whether the app starts on a new database of its own instead of a copy of the prepared one.</summary>
    protected virtual bool StartsOnNewDatabase => false;

    public async ValueTask InitializeAsync()
    {
        // Without Chromium the tests skip (or fail on CI) themselves; starting the app would only cost time.
        if (!Chromium.IsInstalled) return;

        Directory.CreateDirectory(Folder);
        DatabaseLocation = BrowserDatabase.NewLocation(Folder);
        if (!StartsOnNewDatabase) await database.CopyToAsync(DatabaseLocation);
        app = await AppHost.StartAsync(Folder, DatabaseLocation, Settings);
    }

    /// <summary>A fresh browser context (its own cookies) on the app; skips the test when Chromium is missing.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        Chromium.Require();
        var context = await chromium.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: the suite must pass on a loaded machine, and a wait ends as soon as its condition holds.
        context.SetDefaultTimeout(30_000);
        lock (contexts) contexts.Add(context);
        return context;
    }

    /// <summary>
    /// Runs a wait on the page; when it fails, the failure also shows where the page is, what it reads and what the
    /// server logged, so a refused or failed request is never mistaken for a slow one.
    /// </summary>
    public async Task WaitAsync(IPage page, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (PlaywrightException e)
        {
            string text;
            try { text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 }); }
            catch (PlaywrightException unreadable) { text = $"(unreadable: {unreadable.Message})"; }
            var output = app?.Output() ?? "";
            const int Tail = 20_000;
            if (output.Length > Tail) output = "…" + output[^Tail..];
            throw new InvalidOperationException(
                $"{e.Message}{Environment.NewLine}The page at {page.Url} reads:{Environment.NewLine}{text}{Environment.NewLine}The server logged:{Environment.NewLine}{output}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<IBrowserContext> open;
        lock (contexts) open = [.. contexts];
        foreach (var context in open)
        {
            try { await context.CloseAsync(); } catch (PlaywrightException) { }
        }
        if (app is not null) await app.DisposeAsync();
        if (DatabaseLocation.Length > 0) await BrowserDatabase.DropAsync(DatabaseLocation);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
