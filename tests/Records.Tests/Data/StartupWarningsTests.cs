using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Records.Tests.Infrastructure;

namespace Records.Tests.Data;

/// <summary>The app on a fresh database, with every warning it logs kept for the test to read.</summary>
public sealed class WarningsApp : RecordsApp
{
    public ConcurrentQueue<string> Warnings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new Collector(Warnings)));
    }

    private sealed class Collector(ConcurrentQueue<string> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, warnings);
        public void Dispose() { }
    }

    private sealed class Logger(string category, ConcurrentQueue<string> warnings) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) warnings.Enqueue($"{category}[{eventId.Id}]: {formatter(state, exception)}");
        }
    }
}

public class StartupWarningsTests(WarningsApp app) : IClassFixture<WarningsApp>
{
    private static readonly Dictionary<string, string[]> PagesByRole = new()
    {
        ["Admin"] = ["/", "/Admin/Users", "/Admin/Outbox", "/Admin/Audit", "/Admin/EmailTemplates"],
        ["Chair"] = ["/", "/Nominations", "/Nominations/Rounds", "/Reports/Quarter?year=2020&quarter=1"],
        ["WorkGroup"] = ["/", "/Nominations"],
        ["Staff"] = ["/", "/Donations", "/Donations/Campaigns", "/Donations/Acknowledgements", "/Donations/Import", "/Sponsors",
            "/Sponsors/Programs", "/Sponsors/Sponsorships", "/Posts", "/Posts/Templates", "/ServiceAwards", "/Reports/Budget", "/Fellows/Import"],
        ["Board"] = ["/", "/ServiceAwards", "/Reports/Financial", "/Donations"],
    };

    [Fact]
    public async Task AFreshDatabaseStartsAndServesEachRolesPagesWithoutAWarning()
    {
        await app.Browser().GetPageAsync("/");
        foreach (var (role, pages) in PagesByRole)
        {
            var client = app.Browser();
            await client.LoginAsRoleAsync(role);
            foreach (var page in pages) await client.GetPageAsync(page);
        }
        foreach (var page in new[] { "/Fellows", "/ServiceAwards/Recipients", "/Nominate" })
        {
            await app.Browser().GetPageAsync(page);
        }

        // The in-memory test server has no request-size feature (Kestrel has), so the import page's limit is reported there only.
        var warnings = app.Warnings.Where(w => !w.Contains("This server does not support the IHttp", StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }
}
