using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Records.Tests.Infrastructure;

namespace Records.Tests.Accounts;

public class AccessTests(AccessTests.App app) : IClassFixture<AccessTests.App>
{
    /// <summary>Runs as Production would, with a filter that makes a page throw on request, to see what a failure shows.</summary>
    public sealed class App : RecordsApp
    {
        protected override string EnvironmentName => "Production";

        /// <summary>Production makes no development accounts; these tests sign in with the same emails, made here.</summary>
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            foreach (var (email, _, roles) in Records.Web.Infrastructure.AppStartup.DevelopmentUsers)
            {
                await CreateUserAsync(email, Records.Web.Infrastructure.AppStartup.DevelopmentPassword, roles);
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.Configure<MvcOptions>(o => o.Filters.Add(new ThrowOnRequest())));
        }

        private sealed class ThrowOnRequest : IPageFilter
        {
            public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

            public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
            {
                if (context.HttpContext.Request.Query.ContainsKey("test-throw") && context.HttpContext.Request.Path != "/Error") throw new InvalidOperationException("SECRET-INTERNAL-DETAIL");
            }

            public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
        }
    }

    public static TheoryData<string> AdminPages => ["/Admin/Users", "/Admin/Users/Create", "/Admin/Outbox", "/Admin/Audit"];

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task StrangersAreSentToTheLoginFromAdminPages(string url)
    {
        var response = await app.Browser().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("Board")]
    [InlineData("WorkGroup")]
    [InlineData("Chair")]
    public async Task OtherRolesGetA403WithAWayBackFromAdminPages(string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        foreach (var url in AdminPages)
        {
            var page = await client.GetPageAsync(url, HttpStatusCode.Forbidden);
            Assert.Contains("You do not have access to this page", page.QuerySelector("h1")!.TextContent);
            Assert.NotNull(page.QuerySelector("a[href='/']"));
        }
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("Board")]
    public async Task PostingToAnAdminHandlerWithoutTheRoleChangesNothing(string role)
    {
        var admin = app.Browser();
        await admin.LoginAsRoleAsync("Admin");
        var form = await admin.GetPageAsync("/Admin/Users/Create");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        var home = await client.GetPageAsync("/");
        var ownToken = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync("/Admin/Users/Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ownToken, ["Input.DisplayName"] = "Sneaky", ["Input.Email"] = "sneaky@example.org",
            ["Input.Password"] = "Sneaky-osprey-2026-pass", ["Input.Roles"] = "Admin",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEmpty(token);
        Assert.False(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Email == "sneaky@example.org")));
    }

    [Fact]
    public async Task FormPostedWithoutItsAntiforgeryTokenIsRefused()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Admin");

        var response = await client.PostAsync("/Admin/Users/Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "No Token", ["Input.Email"] = "notoken@example.org", ["Input.Password"] = "No-token-2026-pass",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Email == "notoken@example.org")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UnknownAddressesGetAFriendly404(bool signedIn)
    {
        var client = app.Browser();
        if (signedIn) await client.LoginAsRoleAsync("Staff");

        var page = await client.GetPageAsync("/no/such/page", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task PublicPagesNeedNoLogin()
    {
        var client = app.Browser();
        var home = await client.GetPageAsync("/");
        Assert.Contains("Al Sweigart", home.Body!.TextContent);
        await client.GetPageAsync("/Account/Login");
        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"status\":\"healthy\"", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AFailureShowsAFriendlyPageAndNoStackTrace()
    {
        var response = await app.Browser().GetAsync("/Account/Login?test-throw=1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong on our side", html);
        Assert.DoesNotContain("SECRET-INTERNAL-DETAIL", html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain(" at ", html.Replace("at our side", ""));
    }
}
