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
    [Fact]
    public async Task AFreshDatabaseStartsAndServesEachHomeWithoutAWarning()
    {
        await app.Browser().GetPageAsync("/");
        foreach (var role in new[] { "Admin", "Chair", "WorkGroup", "Staff", "Board" })
        {
            var client = app.Browser();
            await client.LoginAsRoleAsync(role);
            await client.GetPageAsync("/");
        }
        foreach (var page in new[] { "/Fellows", "/ServiceAwards/Recipients", "/Nominate" })
        {
            await app.Browser().GetPageAsync(page);
        }

        Assert.Empty(app.Warnings);
    }
}
