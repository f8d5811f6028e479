using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Records.BrowserTests.Infrastructure.SharedChromium))]

namespace Records.BrowserTests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole run: launching the driver and the browser once per test class cost seconds each.
/// Tests never share its state: each opens a browser context of its own, with its own cookies and storage.
/// </summary>
public sealed class SharedChromium : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        // Playwright's assertions wait 5 s by default, which a live preview on a loaded two-core machine has overrun; a
        // wait still ends as soon as its condition holds, so only a failure takes longer to report.
        Assertions.SetDefaultExpectTimeout(30_000);
        // Without Chromium the tests skip (or fail on CI) themselves.
        if (!Chromium.IsInstalled) return;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Args,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}
