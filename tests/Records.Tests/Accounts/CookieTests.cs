using System.Net;
using AngleSharp.Html.Parser;
using Records.Tests.Infrastructure;

namespace Records.Tests.Accounts;

/// <summary>
/// Outside Development (here the test host's "Testing" environment) every cookie is Secure, even when the request came
/// over plain http (a proxy that forgot X-Forwarded-Proto), and the login cookie is a __Host- cookie.
/// </summary>
public class CookieTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task EveryCookieOfALoginAndLogoutIsSecureEvenOverPlainHttp()
    {
        var jar = new Jar(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://localhost") }));

        var form = await jar.GetAsync("/Account/Login");
        var login = await jar.PostAsync("/Account/Login", form, new() { ["Input.Email"] = "staff@records.local", ["Input.Password"] = Records.Web.Infrastructure.AppStartup.DevelopmentPassword });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var home = await jar.GetAsync("/");
        var logout = await jar.PostAsync("/Account/Logout", home, [], "header form[action='/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        await jar.GetAsync(logout.Headers.Location!.OriginalString);

        Assert.Contains(jar.SetCookies, c => c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(jar.SetCookies, c => c.Contains("TempData", StringComparison.OrdinalIgnoreCase));
        Assert.All(jar.SetCookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        var auth = jar.SetCookies.Where(c => c.Split('=')[0].EndsWith("Records.Auth", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(auth);
        Assert.All(auth, c =>
        {
            Assert.StartsWith("__Host-Records.Auth=", c);
            Assert.Contains("; path=/;", c + ";", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    /// <summary>Keeps cookies whatever their flags, to read what the server sets over http.</summary>
    private sealed class Jar(HttpClient client)
    {
        private readonly Dictionary<string, string> cookies = [];

        public List<string> SetCookies { get; } = [];

        public async Task<string> GetAsync(string url)
        {
            var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}\n{body}");
            return body;
        }

        public async Task<HttpResponseMessage> PostAsync(string url, string page, Dictionary<string, string> fields, string formSelector = "main form[method=post]")
        {
            var form = new HtmlParser().ParseDocument(page).QuerySelector(formSelector)!;
            fields["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });
        }

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await client.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    SetCookies.Add(value);
                    var pair = value.Split(';')[0].Split('=', 2);
                    if (pair[1].Length == 0) cookies.Remove(pair[0]);
                    else cookies[pair[0]] = pair[1];
                }
            }
            return response;
        }
    }
}
