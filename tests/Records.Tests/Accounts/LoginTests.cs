using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Records.Tests.Infrastructure;

namespace Records.Tests.Accounts;

public class LoginTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Theory]
    [InlineData("Admin", "admin")]
    [InlineData("Chair", "workgroup")]
    [InlineData("WorkGroup", "workgroup")]
    [InlineData("Staff", "staff")]
    [InlineData("Board", "board")]
    public async Task EachRoleLogsInAndSeesItsOwnHomePanel(string role, string panel)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);

        var home = await client.GetPageAsync("/");

        Assert.NotNull(home.QuerySelector($"[data-panel={panel}]"));
        var others = new[] { "admin", "workgroup", "staff", "board" }.Where(p => p != panel);
        Assert.All(others, p => Assert.Null(home.QuerySelector($"[data-panel={p}]")));
    }

    [Fact]
    public async Task TheDevelopmentAccountsHoldAWorkGroupQuorumThatSignsInWithTheReadmesPassword()
    {
        var quorum = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Records.Web.Infrastructure.RecordsOptions>>().Value.Nominations.Quorum;
        var members = Records.Web.Infrastructure.AppStartup.DevelopmentUsers.Where(u => u.Roles.Contains(Records.Core.Accounts.Roles.WorkGroup)).Select(u => u.Email).ToList();

        Assert.Equal(5, quorum);
        Assert.True(members.Count >= quorum, $"{members.Count} Work Group accounts for a quorum of {quorum}");
        foreach (var email in members)
        {
            await app.Browser().LoginAsync(email);
        }
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Records.sln"))) root = root.Parent!;
        var readme = await File.ReadAllTextAsync(Path.Combine(root.FullName, "README.md"));
        Assert.All(members, email => Assert.Contains(email, readme));
    }

    [Fact]
    public async Task WrongPasswordIsRefusedWithAMessageBesideTheField()
    {
        var response = await app.Browser().SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "staff@records.local",
            ["Input.Password"] = "not-the-password",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("That email and password do not match an account that can log in.", page.FieldError("Input.Password"));
    }

    [Fact]
    public async Task EmptyLoginFormNamesEachMissingField()
    {
        var response = await app.Browser().SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("Enter your email address.", page.FieldError("Input.Email"));
        Assert.Equal("Enter your password.", page.FieldError("Input.Password"));
    }

    [Fact]
    public async Task FiveFailuresHoldTheAccountBackFromThatAddressEvenAgainstTheRightPassword()
    {
        await app.CreateUserAsync("locked@example.org", "Lock-test-2026", "Staff");
        var client = app.Browser();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "locked@example.org", ["Input.Password"] = "wrong-" + i });
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        var response = await client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "locked@example.org", ["Input.Password"] = "Lock-test-2026" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null);
        Assert.StartsWith("Too many failed attempts", (await response.ReadPageAsync()).FieldError("Input.Password"));
        // Held back from that address only: the account itself is not locked for everyone.
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Email == "locked@example.org").Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task LogoutEndsTheSession()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/ChangePassword")).StatusCode);

        var response = await client.SubmitAsync("/", new Dictionary<string, string>(), formSelector: "header form[action='/Account/Logout']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task ChangedPasswordIsTheOneThatWorksNext()
    {
        await app.CreateUserAsync("changer@example.org", "Changer-old-2026", "Board");
        var client = app.Browser();
        await client.LoginAsync("changer@example.org", "Changer-old-2026");

        var mismatch = await client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Changer-old-2026", ["Input.NewPassword"] = "Changer-new-heron-2026", ["Input.ConfirmPassword"] = "something else",
        });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal("The two new passwords do not match.", (await mismatch.ReadPageAsync()).FieldError("Input.ConfirmPassword"));

        var changed = await client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Changer-old-2026", ["Input.NewPassword"] = "Changer-new-heron-2026", ["Input.ConfirmPassword"] = "Changer-new-heron-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await app.Browser().LoginAsync("changer@example.org", "Changer-new-heron-2026");
        var old = await app.Browser().SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "changer@example.org", ["Input.Password"] = "Changer-old-2026" });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
    }
}
