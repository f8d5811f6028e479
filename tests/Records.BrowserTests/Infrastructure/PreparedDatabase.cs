[assembly: AssemblyFixture(typeof(Records.BrowserTests.Infrastructure.PreparedDatabase))]

namespace Records.BrowserTests.Infrastructure;

/// <summary>
/// The database the app's start-up makes (migrated, seeded, roles and development accounts), made once per run by
/// starting the app once; each test class's server starts on a copy of it. Its start-up still runs on the copy and
/// finds nothing left to do, instead of migrating, loading the seed and hashing eight passwords again.
/// </summary>
public sealed class PreparedDatabase : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "records-browser-tests", "prepared-" + Guid.NewGuid().ToString("N"));

    private string? location;

    public async ValueTask InitializeAsync()
    {
        if (!Chromium.IsInstalled) return;
        Directory.CreateDirectory(folder);
        location = BrowserDatabase.NewLocation(folder);
        await (await AppHost.StartAsync(folder, location, new Dictionary<string, string>())).DisposeAsync();
        await BrowserDatabase.SettleAsync(location);
    }

    /// <summary>A copy of the prepared database at the given location.</summary>
    public Task CopyToAsync(string target) => BrowserDatabase.CopyAsync(location!, target);

    public async ValueTask DisposeAsync()
    {
        if (location is not null) await BrowserDatabase.DropAsync(location);
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
