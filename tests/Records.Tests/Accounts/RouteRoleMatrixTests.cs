using System.Net;
using Records.Tests.Infrastructure;

namespace Records.Tests.Accounts;

/// <summary>
/// Every page and handler the app maps (read from its own endpoint data, so a new page is covered without anyone
/// adding it) against the six identities, for GET and for POST with a valid antiforgery token: each is let in or
/// refused exactly as <see cref="AppRoutes.Rules"/> declares, nothing answers 5xx, and a refused POST changes nothing.
/// </summary>
public class RouteRoleMatrixTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task EveryRouteLetsInExactlyWhoTheTableSaysAndARefusedPostChangesNothing()
    {
        var routes = await AppRoutes.RoutesAsync(app);
        var values = await AppRoutes.RouteValuesAsync(app);
        Assert.True(routes.Count > 80, $"Only {routes.Count} routes found.");
        var problems = new List<string>();
        var checks = 0;
        await using var fingerprint = await AppRoutes.Fingerprint.OpenAsync(app);
        foreach (var (identity, email) in AppRoutes.Identities)
        {
            var client = app.Browser();
            if (email is not null) await client.LoginAsync(email);
            var token = await AppRoutes.TokenAsync(client, email is null ? "/Account/Login" : "/");
            // Logging out last, so the identity holds for every other route.
            foreach (var route in routes.OrderBy(r => r.Page == "/Accounts/Logout" && r.Method == "POST"))
            {
                var rule = AppRoutes.RuleFor(route);
                if (rule is null)
                {
                    problems.Add($"{route.Method} {route.Page} handler {route.Handler ?? "(none)"}: no rule says who may use it; add one to Rules.");
                    continue;
                }
                var url = AppRoutes.Url(route, values, problems);
                if (url is null) continue;
                var expected = (route.Method == "GET" ? rule.Value.Get : rule.Value.Post).HasFlag(identity);
                var before = route.Method == "POST" && !expected ? await fingerprint.CurrentAsync() : null;
                using var response = route.Method == "GET"
                    ? await client.GetAsync(url)
                    : await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
                checks++;
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                var refused = status is 401 or 403 || (status is 302 or 303 && (location.Contains("/Account/Login") || location.Contains("/Status/403")));
                if (status >= 500) problems.Add($"{identity} {route.Method} {url}: {status}");
                else if (refused == expected) problems.Add($"{identity} {route.Method} {url}: {(refused ? "refused" : "let in")} ({status} {location}), the table says {(expected ? "let in" : "refused")}");
                if (before is not null && await fingerprint.CurrentAsync() != before) problems.Add($"{identity} POST {url}: refused ({status}) but the database changed");
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} of {checks} checks failed:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public async Task EveryPageOfTheAppIsInTheMatrix()
    {
        var pages = (await AppRoutes.RoutesAsync(app)).Select(r => r.Page).ToHashSet();
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Records.sln"))) root = root.Parent!;
        var folder = Path.Combine(root.FullName, "src", "Records.Web", "Pages");
        var files = Directory.GetFiles(folder, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Select(f => "/" + Path.GetRelativePath(folder, f)[..^".cshtml".Length].Replace('\\', '/'))
            .ToList();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Contains(f, pages));
    }

}
