using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;

namespace Records.Tests.Admin;

public class UsersTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private async Task<HttpClient> AdminAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Admin");
        return client;
    }

    [Fact]
    public async Task UserListIssuesTheSameQueriesWhateverTheNumberOfUsers()
    {
        var client = await AdminAsync();
        var (few, fewCommands) = await app.Sql.GetAsync(client, "/Admin/Users?sort=name");
        var fewRows = (await few.ReadPageAsync()).QuerySelectorAll("tbody tr").Length;

        for (var i = 0; i < 30; i++) await app.CreateUserAsync($"counted{i:00}@example.org", "Counted-2026!", i % 2 == 0 ? "Staff" : "Board");
        var (many, manyCommands) = await app.Sql.GetAsync(client, "/Admin/Users?sort=name");
        var manyRows = (await many.ReadPageAsync()).QuerySelectorAll("tbody tr").Length;

        Assert.True(manyRows > fewRows + 10, $"{fewRows} rows, then {manyRows}");
        Assert.NotEmpty(fewCommands);
        Assert.Equal(fewCommands.Count, manyCommands.Count);
    }

    [Fact]
    public async Task AdminCreatesAUserWithRolesWhoCanThenLogIn()
    {
        var client = await AdminAsync();

        var response = await client.SubmitAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Grace Treasurer",
            ["Input.Email"] = "grace@example.org",
            ["Input.Password"] = "Treasurer-ledger-owl-2026",
            ["Input.Roles"] = Forms.Many("Staff", "Board"),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Grace Treasurer can now log in as grace@example.org.", list.QuerySelector(".flash")!.TextContent);
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("grace@example.org"));
        Assert.Contains("Board", row.TextContent);
        Assert.Contains("Staff", row.TextContent);

        var grace = app.Browser();
        await grace.LoginAsync("grace@example.org", "Treasurer-ledger-owl-2026");
        var home = await grace.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("[data-panel=staff]"));
        Assert.NotNull(home.QuerySelector("[data-panel=board]"));
    }

    [Fact]
    public async Task BadUserFormShowsEachMessageAndSavesNothing()
    {
        var client = await AdminAsync();
        var before = await app.WithDbAsync(db => db.Users.CountAsync());

        var response = await client.SubmitAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "", ["Input.Email"] = "not-an-email", ["Input.Password"] = "short", ["Input.Roles"] = "Overlord",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("Enter the person's name.", page.FieldError("Input.DisplayName"));
        Assert.Equal("Enter an email address like name@example.org.", page.FieldError("Input.Email"));
        Assert.Equal("Use at least 12 characters.", page.FieldError("Input.Password"));
        Assert.Contains("'Overlord' is not a role.", page.Body!.TextContent);
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task DuplicateEmailIsRefusedBesideTheField()
    {
        var client = await AdminAsync();
        var response = await client.SubmitAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Another Staff", ["Input.Email"] = "staff@records.local", ["Input.Password"] = "Another-staff-heron-2026",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("A user with this email already exists.", (await response.ReadPageAsync()).FieldError("Input.Email"));
    }

    [Fact]
    public async Task AdminChangesRolesAndChairBringsWorkGroup()
    {
        await app.CreateUserAsync("rolechange@example.org", "Role-change-2026", "Staff");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "rolechange@example.org").Select(u => u.Id).SingleAsync());
        var client = await AdminAsync();

        var response = await client.SubmitAsync($"/Admin/Users/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Role Change", ["Input.Roles"] = "Chair",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roles = await app.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal(["Chair", "WorkGroup"], roles);
    }

    [Fact]
    public async Task StaleUserEditIsRefusedWithAConflictMessage()
    {
        await app.CreateUserAsync("stale@example.org", "Stale-user-2026", "Staff");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "stale@example.org").Select(u => u.Id).SingleAsync());
        var client = await AdminAsync();
        var form = await client.GetPageAsync($"/Admin/Users/Edit/{id}");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var stamp = form.QuerySelector("input[name='Input.ConcurrencyStamp']")!.GetAttribute("value")!;

        var other = await AdminAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync($"/Admin/Users/Edit/{id}", new Dictionary<string, string> { ["Input.DisplayName"] = "First Edit", ["Input.Roles"] = "Staff" })).StatusCode);

        var response = await client.PostAsync($"/Admin/Users/Edit/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.ConcurrencyStamp"] = stamp, ["Input.DisplayName"] = "Second Edit", ["Input.Roles"] = "Staff",
        }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone else changed this user", (await response.ReadPageAsync()).Body!.TextContent);
        Assert.Equal("First Edit", await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task DisabledUserCannotLogInUntilEnabled()
    {
        await app.CreateUserAsync("leaver@example.org", "Leaver-heron-2026-pass", "Staff");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "leaver@example.org").Select(u => u.Id).SingleAsync());
        var client = await AdminAsync();

        var disable = await client.SubmitAsync($"/Admin/Users/Edit/{id}", new Dictionary<string, string>(), formSelector: "form[action*='handler=Disable']");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);

        var refused = await app.Browser().SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "leaver@example.org", ["Input.Password"] = "Leaver-heron-2026-pass" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("That email and password do not match an account that can log in.", (await refused.ReadPageAsync()).FieldError("Input.Password"));

        var enable = await client.SubmitAsync($"/Admin/Users/Edit/{id}", new Dictionary<string, string>(), formSelector: "form[action*='handler=Enable']");
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        await app.Browser().LoginAsync("leaver@example.org", "Leaver-heron-2026-pass");
    }

    [Fact]
    public async Task AdminCannotRemoveTheirOwnAdminRole()
    {
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@records.local").Select(u => u.Id).SingleAsync());
        var client = await AdminAsync();

        var response = await client.SubmitAsync($"/Admin/Users/Edit/{id}", new Dictionary<string, string> { ["Input.DisplayName"] = "Ada Admin", ["Input.Roles"] = "Staff" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("You cannot remove your own Admin role", (await response.ReadPageAsync()).Body!.TextContent);
    }
}
