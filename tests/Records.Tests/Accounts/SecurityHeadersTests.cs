using Records.Tests.Infrastructure;

namespace Records.Tests.Accounts;

public class SecurityHeadersTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Nominate")]
    [InlineData("/Account/Login")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    public async Task EveryResponseForbidsInlineScriptAndFraming(string url)
    {
        var response = await app.Browser().GetAsync(url);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline' ; script", policy);
        Assert.DoesNotMatch(@"script-src[^;]*unsafe-inline", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task NoPageCarriesAnInlineScriptOrHandler()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Chair");
        foreach (var url in new[] { "/", "/Nominations", "/Nominations/Rounds" })
        {
            var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", html);
            Assert.DoesNotMatch(@"\son[a-z]+=""", html);
        }
    }
}
