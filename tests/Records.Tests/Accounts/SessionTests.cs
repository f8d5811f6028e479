using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;

namespace Records.Tests.Accounts;

/// <summary>A session lives on the server: the cookie only names it, so ending it on the server ends it for every copy.</summary>
public class SessionTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task LoggingOutEndsACopiedCookieAtOnce()
    {
        var client = app.Browser();
        var cookie = Login.AuthCookie(await client.TryAsync("staff@records.local", AppStartupPassword));
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie, "/Account/ChangePassword")).StatusCode);

        var logout = await client.SubmitAsync("/", new Dictionary<string, string>(), formSelector: "header form[action='/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var replayed = await ReplayAsync(cookie, "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/Account/Login", replayed.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task LoggingOutOnOneDeviceLeavesTheOtherSignedIn()
    {
        var phone = app.Browser();
        await phone.LoginAsync("board@records.local");
        var laptop = app.Browser();
        await laptop.LoginAsync("board@records.local");

        await phone.SubmitAsync("/", new Dictionary<string, string>(), formSelector: "header form[action='/Account/Logout']");

        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/Account/ChangePassword")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/Account/ChangePassword")).StatusCode);
    }

    [Fact]
    public async Task DisablingAUserEndsTheirSessionOnTheNextRequest()
    {
        await app.CreateUserAsync("leaving-now@example.org", StrongPassword, "Staff");
        var leaver = app.Browser();
        await leaver.LoginAsync("leaving-now@example.org", StrongPassword);
        Assert.Equal(HttpStatusCode.OK, (await leaver.GetAsync("/Donations")).StatusCode);

        var admin = app.Browser();
        await admin.LoginAsRoleAsync("Admin");
        var id = await IdOfAsync("leaving-now@example.org");
        var disable = await admin.SubmitAsync($"/Admin/Users/Edit/{id}", new Dictionary<string, string>(), formSelector: "form[action*='handler=Disable']");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);

        var next = await leaver.GetAsync("/Donations");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/Login", next.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task RemovingARoleEndsTheirSessionOnTheNextRequest()
    {
        await app.CreateUserAsync("was-staff@example.org", StrongPassword, "Staff", "Board");
        var member = app.Browser();
        await member.LoginAsync("was-staff@example.org", StrongPassword);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/Posts")).StatusCode);

        var admin = app.Browser();
        await admin.LoginAsRoleAsync("Admin");
        var id = await IdOfAsync("was-staff@example.org");
        var edit = await admin.SubmitAsync($"/Admin/Users/Edit/{id}", new Dictionary<string, string> { ["Input.DisplayName"] = "Was Staff", ["Input.Roles"] = "Board" });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);

        var next = await member.GetAsync("/Posts");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/Login", next.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task LoggingInAsSomeoneElseOverASessionHandsItToThemWhole()
    {
        await app.CreateUserAsync("second-login@example.org", StrongPassword, "Staff");
        var shared = app.Browser();
        await shared.LoginAsRoleAsync("Board");
        // The login page sends a signed-in person home, but its form still takes a post (a second tab, the back button).
        var token = (await shared.GetPageAsync("/")).QuerySelector("header form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var login = await shared.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Email"] = "second-login@example.org", ["Input.Password"] = StrongPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await shared.GetAsync("/Posts")).StatusCode);

        var admin = app.Browser();
        await admin.LoginAsRoleAsync("Admin");
        var id = await IdOfAsync("second-login@example.org");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/Admin/Users/Edit/{id}", new Dictionary<string, string>(), formSelector: "form[action*='handler=Disable']")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await shared.GetAsync("/Posts")).StatusCode);
    }

    [Fact]
    public async Task AnExpiredSessionIsRefusedEvenWithItsCookie()
    {
        var cookie = Login.AuthCookie(await app.Browser().TryAsync("workgroup@records.local", AppStartupPassword));
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie, "/Account/ChangePassword")).StatusCode);

        app.Clock.Now += TimeSpan.FromHours(9);

        Assert.Equal(HttpStatusCode.Redirect, (await ReplayAsync(cookie, "/Account/ChangePassword")).StatusCode);
    }

    private const string AppStartupPassword = Records.Web.Infrastructure.AppStartup.DevelopmentPassword;
    private const string StrongPassword = "Quiet-harbour-lantern-58";

    private Task<string> IdOfAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Sends the cookie as someone who copied it would: another client, no cookie jar of its own.</summary>
    private async Task<HttpResponseMessage> ReplayAsync(string cookie, string url)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
