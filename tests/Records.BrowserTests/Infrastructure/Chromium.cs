namespace Records.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium, which the browser tests drive; Playwright's own browser download is not used.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";
    public const string MissingReason = "Chromium is not installed: apt-get install chromium";

    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>Skips the test where Chromium is missing, except on CI, where a missing browser must not pass unnoticed.</summary>
    public static void Require()
    {
        if (IsInstalled) return;
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(MissingReason);
        Assert.Skip(MissingReason);
    }
}
