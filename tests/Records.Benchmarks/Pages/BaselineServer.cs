using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Runtime;
using Records.Core.Data;
using Records.Web.Infrastructure;

namespace Records.Benchmarks.Pages;

/// <summary>
/// The <c>serve</c> mode: the real app, as in production (server GC, Production settings) but with its clock at the data's last day, on a loopback Kestrel port, plus the <c>/__baseline</c>
/// endpoints (see <see cref="BaselineEndpoints"/>) and an EF interceptor that records a page's SQL for them.
/// It runs as a child of the runner so the load generator and the server do not share a process.
/// </summary>
public sealed class BaselineServer(string databasePath, string clock) : WebApplicationFactory<Program>
{
    public const string ListeningPrefix = "baseline server listening on ";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production in all but the clock, which starts at the data's last day (see BenchmarkClock).
        builder.UseEnvironment(BenchmarkClock.Environment);
        builder.UseSetting(BenchmarkClock.Setting, clock);
        // The factory looks for its manifest in the working directory and guesses wrong elsewhere; name the folder.
        builder.UseContentRoot(Repository.WebProject);
        builder.UseSetting("Records:DatabasePath", databasePath);
        // Console logging per request would measure the terminal, not the app.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<PageRecorder>();
            services.AddSingleton<PageProfile>();
            services.ConfigureDbContext<RecordsDbContext>((sp, options) =>
                options.AddInterceptors(sp.GetRequiredService<PageRecorder>().Capture, sp.GetRequiredService<PageProfile>().Commands));
            services.Configure<MvcOptions>(mvc => mvc.Filters.Add(new PageProfile.Filter()));
            services.AddTransient<IStartupFilter, BaselineEndpoints>();
        });
    }

    public static async Task<int> ServeAsync(BenchOptions options)
    {
        // Production hosts the app with server GC; the runner sets DOTNET_gcServer for this process, and checks here.
        if (!GCSettings.IsServerGC) throw new InvalidOperationException("The serve mode must run with server GC (DOTNET_gcServer=1), as the app does in production.");
        await using var server = new BaselineServer(options.DatabasePath, BenchDatabase.ClockSetting(options.DatabasePath));
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Console.WriteLine(ListeningPrefix + address);
        // The runner closes standard input when it is done with this server.
        while (await Console.In.ReadLineAsync() is not null) { }
        return 0;
    }
}
