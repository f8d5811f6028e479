namespace Records.Benchmarks.Pages;

/// <summary>
/// A cookie jar for the load client on plain http over loopback. Outside Development the app marks every cookie
/// Secure (and the login cookie __Host-); a browser still sends them to 127.0.0.1, which it trusts as it would https,
/// but .NET's CookieContainer would not, so the load would run signed out.
/// </summary>
public sealed class LoopbackCookies(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly Dictionary<string, string> cookies = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (cookies)
        {
            if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            lock (cookies)
            {
                foreach (var value in values)
                {
                    var pair = value.Split(';')[0].Split('=', 2);
                    if (pair.Length < 2 || pair[1].Length == 0) cookies.Remove(pair[0]);
                    else cookies[pair[0]] = pair[1];
                }
            }
        }
        return response;
    }
}
