using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Records.BrowserTests.Infrastructure;

/// <summary>
/// The app hosted in the test process on real Kestrel over a loopback port, over the SQLite file and mail pickup folder
/// in one folder (or a PostgreSQL database of its own: <see cref="BrowserDatabase"/>). Every host of the run shares the JIT-compiled app, where a process per class compiled every page it
/// visited again. What the app logs is kept, so that a failure can show what the server said.
/// </summary>
public sealed class AppHost : WebApplicationFactory<Program>
{
    private readonly string folder;
    private readonly string database;
    private readonly IDictionary<string, string> settings;
    private readonly ServerLog log = new();

    private AppHost(string folder, string database, IDictionary<string, string> settings)
    {
        this.folder = folder;
        this.database = database;
        this.settings = settings;
        // Port 0 lets the kernel pick a free port while Kestrel binds it, so no other process can take it in between.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    /// <summary>Starts the app and returns once it answers GET /health, or throws with everything it logged.</summary>
    public static async Task<AppHost> StartAsync(string folder, string database, IDictionary<string, string> settings)
    {
        var app = new AppHost(folder, database, settings);
        try
        {
            app.StartServer();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            app.BaseAddress = new Uri(address);
            using var http = new HttpClient { BaseAddress = app.BaseAddress };
            using var response = await http.GetAsync("/health");
            response.EnsureSuccessStatusCode();
            return app;
        }
        catch (Exception e)
        {
            var output = app.Output();
            await app.DisposeAsync();
            throw new InvalidOperationException($"The app did not answer GET /health with 200 ({e.Message}). It logged:{Environment.NewLine}{output}", e);
        }
    }

    /// <summary>Everything the app has logged so far.</summary>
    public string Output() => log.Text();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The web project's folder, so wwwroot (the stylesheet) is served as in production.
        builder.UseContentRoot(Repository.WebProject);
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information");
        foreach (var (key, value) in BrowserDatabase.Settings(database)) builder.UseSetting(key, value);
        builder.UseSetting("Records:SeedDevelopmentUsers", "true");
        builder.UseSetting("Records:Mail:PickupFolder", Path.Combine(folder, "mail-pickup"));
        builder.UseSetting("Records:UploadsPath", Path.Combine(folder, "uploads"));
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        // This host's lines only, not the console every host of the run shares.
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(log));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // The app's pooled connections would otherwise keep its database file open after it stopped.
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The app's log lines, as the console's simple format wrote them when the app ran as its own process.</summary>
    private sealed class ServerLog : ILoggerProvider
    {
        private readonly StringBuilder text = new();

        public string Text()
        {
            lock (text) return text.ToString();
        }

        public ILogger CreateLogger(string categoryName) => new Category(this, categoryName);

        public void Dispose()
        {
        }

        private void Write(LogLevel level, string category, EventId id, string message, Exception? exception)
        {
            var line = $"{Level(level)}: {category}[{id.Id}]{Environment.NewLine}      {message}{Environment.NewLine}";
            lock (text)
            {
                text.Append(line);
                if (exception is not null) text.AppendLine(exception.ToString());
            }
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            LogLevel.Critical => "crit",
            _ => level.ToString(),
        };

        private sealed class Category(ServerLog log, string name) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) log.Write(logLevel, name, eventId, formatter(state, exception), exception);
            }
        }
    }
}
