using System.Net;
using Records.Tests.Infrastructure;

namespace Records.Tests.Accounts;

public class SetupTests(SetupTests.App app) : IClassFixture<SetupTests.App>
{
    public sealed class App : RecordsApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Records:SeedDevelopmentUsers"] = "false" };
    }

    [Fact]
    public async Task FirstAdminIsCreatedOnceThroughTheSetupPage()
    {
        var client = app.Browser();
        var bad = await client.SubmitAsync("/Setup", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Founding Admin", ["Input.Email"] = "founder@example.org", ["Input.Password"] = "Founder-osprey-2026-pass", ["Input.ConfirmPassword"] = "typo",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("The two passwords do not match.", (await bad.ReadPageAsync()).FieldError("Input.ConfirmPassword"));

        var response = await client.SubmitAsync("/Setup", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Founding Admin", ["Input.Email"] = "founder@example.org", ["Input.Password"] = "Founder-osprey-2026-pass", ["Input.ConfirmPassword"] = "Founder-osprey-2026-pass",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Users", response.Headers.Location!.OriginalString);
        await client.GetPageAsync("/Admin/Users");
        await app.Browser().GetPageAsync("/Setup", HttpStatusCode.NotFound);
    }
}

public class FirstAdminFromConfigurationTests(FirstAdminFromConfigurationTests.App app) : IClassFixture<FirstAdminFromConfigurationTests.App>
{
    public sealed class App : RecordsApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Records:SeedDevelopmentUsers"] = "false",
            ["Records:Admin:Email"] = "ops@example.org",
            ["Records:Admin:Password"] = "Ops-admin-2026",
        };
    }

    [Fact]
    public async Task AdminFromConfigurationCanLogInAndSetupIsClosed()
    {
        var client = app.Browser();
        await client.LoginAsync("ops@example.org", "Ops-admin-2026");
        await client.GetPageAsync("/Admin/Users");
        await app.Browser().GetPageAsync("/Setup", HttpStatusCode.NotFound);
    }
}
