using System.Net;
using System.Text.RegularExpressions;

namespace Records.Benchmarks.Pages;

/// <summary>Signs in through the real login form, as a browser does; the client's cookie container keeps the login.</summary>
public static partial class SignIn
{
    public static async Task AsAsync(HttpClient client, string email, string password, CancellationToken ct)
    {
        var form = await client.GetStringAsync("/Account/Login", ct);
        var token = AntiforgeryToken().Match(form) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The login page has no antiforgery token.");
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Input.Email", email),
            new("Input.Password", password),
        ]), ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException(
                $"Signing in as {email} answered {(int)response.StatusCode} instead of a redirect: check the account and its password (--accounts, --email, --password).");
        }
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]*)"[^>]*>""")]
    private static partial Regex AntiforgeryToken();
}
