using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.People;

namespace Records.BrowserTests.Layout;

/// <summary>
/// Every page each role can open, at a desktop's width and a phone's: the document never scrolls sideways (wide tables
/// scroll inside their own box), no response is a 5xx and the console shows no error. With LAYOUT_SHOTS set, a
/// full-page PNG of each is written to that folder.
/// </summary>
[StartsFirst]
public partial class EveryPageTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private const string Password = "Records-dev-2026!";
    private static readonly int[] Widths = [1280, 390];

    /// <summary>Page files that are not opened as pages, and why.</summary>
    private static readonly Dictionary<string, string> NotPages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Account/Logout"] = "signs out on POST; a GET only redirects",
        ["/Donations/Letter"] = "answers with the PDF",
        ["/Donations/Export"] = "answers with a CSV file",
        ["/Sponsors/Sponsorships/Export"] = "answers with a CSV file",
        ["/Setup"] = "closes (redirects) once an Admin exists, as it does here",
        ["/Error"] = "shown only for an unhandled exception",
    };

    private sealed record Visit(string Path, int Status = 200);

    /// <summary>A page's address: a fixed path, or the first link under a prefix found on a list page (so ids are real).</summary>
    private sealed record Spec(string Path, string? LinkPrefix = null, int Status = 200);

    private static Spec P(string path, int status = 200) => new(path, null, status);
    private static Spec Link(string listPage, string prefix) => new(listPage, prefix);

    private static readonly (string Role, string? Email, Spec[] Pages)[] Roles =
    [
        ("anonymous", null,
        [
            P("/"), P("/Account/Login"), P("/Fellows"), P("/Nominate"), P("/Nominate/Thanks"), P("{received}"),
            P("/ServiceAwards/Recipients"), P("/ServiceAwards/Propose"), P("/ServiceAwards/Proposed"), P("/Status/404", 404),
        ]),
        ("Admin", "admin@records.local",
        [
            P("/"), P("/Admin/Users"), P("/Admin/Users/Create"), Link("/Admin/Users", "/Admin/Users/Edit/"), P("/Admin/Outbox"),
            P("/Admin/EmailTemplates"), Link("/Admin/EmailTemplates", "/Admin/EmailTemplates/Edit/"), P("/Admin/Audit"),
            P("/Account/ChangePassword"), P("/Fellows"), P("/ServiceAwards/Recipients"), P("/Nominate"),
        ]),
        ("WorkGroup/Chair", "chair@records.local",
        [
            P("/"), P("/Nominations"), Link("/Nominations", "/Nominations/Details/"), P("/Nominations/Rounds"),
            Link("/Nominations/Rounds", "/Nominations/Rounds/Edit/"), P("/Nominations/Rounds/Close/{round}"),
            P("/Reports/Quarter?year=2020&quarter=1"), P("/Fellows"), P("/Account/ChangePassword"),
        ]),
        ("Staff", "staff@records.local",
        [
            P("/"), P("/Sponsors"), Link("/Sponsors", "/Sponsors/Details/"), P("/Sponsors/Edit"), P("/Sponsors/Programs"),
            Link("/Sponsors/Programs", "/Sponsors/Programs/Package/"), P("/Sponsors/Sponsorships"),
            Link("/Sponsors/Sponsorships", "/Sponsors/Sponsorships/Details/"), P("/Sponsors/Sponsorships/Edit?sponsorId={sponsor}"),
            P("/Donations"), P("/Donations/Edit"), Link("/Donations", "/Donations/Donor/"), Link("/Donations/Donor/{donor}", "/Donations/Statement/"),
            P("/Donations/Campaigns"), Link("/Donations/Campaigns", "/Donations/Campaigns/Edit/"), P("/Donations/Acknowledgements"),
            P("/Donations/Import"), P("/Reports/Financial"), P("/Reports/Financial?kind=year&year={year}"), P("/Reports/Budget"),
            P("/Posts"), Link("/Posts", "/Posts/New"), Link("/Posts", "/Posts/Details/"), P("/Posts/Templates"),
            Link("/Posts/Templates", "/Posts/Templates/Edit/"), P("/ServiceAwards"), P("/ServiceAwards/Details/{award}"),
            P("/ServiceAwards/Propose"), P("/ServiceAwards/Past"), P("/History/Nominations"), P("/Fellows"), P("/Fellows/Import"), Link("/Fellows", "/Fellows/Edit/"), P("/Account/ChangePassword"),
        ]),
        ("Board", "board@records.local",
        [
            P("/"), P("/Sponsors"), Link("/Sponsors", "/Sponsors/Details/"), P("/Sponsors/Sponsorships"), P("/Donations"),
            Link("/Donations", "/Donations/Donor/"), P("/Donations/Campaigns"), P("/Donations/Acknowledgements"),
            P("/Reports/Financial"), P("/Reports/Financial?kind=year&year={year}"), P("/Reports/Budget"), P("/Reports/Quarter?year=2020&quarter=1"),
            P("/ServiceAwards"), P("/ServiceAwards/Details/{award}"), Link("/Donations/Donor/{donor}", "/Donations/Statement/"), P("/ServiceAwards/Recipients"), P("/Fellows"),
        ]),
    ];

    [Fact]
    public async Task EveryPageOfEveryRoleFitsADesktopAndAPhoneWithoutErrors()
    {
        Chromium.Require();
        var ids = await AddRecordsTheSeedLacksAsync();
        var shots = Environment.GetEnvironmentVariable("LAYOUT_SHOTS");
        if (!string.IsNullOrEmpty(shots)) Directory.CreateDirectory(shots);
        var problems = new List<string>();
        var opened = new List<string>();

        foreach (var (role, email, specs) in Roles)
        {
            await using var context = await server.NewContextAsync();
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") errors.Add($"console: {message.Text}"); };
            page.PageError += (_, error) => errors.Add($"script: {error}");
            page.Response += (_, response) => { if (response.Status >= 500) errors.Add($"{response.Status} from {response.Url}"); };
            if (email is not null) await LogInAsync(page, email);

            foreach (var spec in specs)
            {
                await page.SetViewportSizeAsync(Widths[0], 900);
                var path = await ResolveAsync(page, spec with { Path = ids.Aggregate(spec.Path, (p, id) => p.Replace($"{{{id.Key}}}", id.Value)) });
                if (path is null)
                {
                    problems.Add($"{role}: no link to {spec.LinkPrefix} on {spec.Path}");
                    continue;
                }
                opened.Add(path);
                // One load per page at the desktop's width, then the phone's by resizing: the stylesheet's media queries
                // answer a resize as they answer a load, and the page's scripts run once either way.
                errors.Clear();
                var response = await page.GotoAsync(path);
                var status = response?.Status ?? 0;
                if (status != spec.Status) problems.Add($"{path} as {role}: status {status}, expected {spec.Status}");
                // A page that answers 4xx on purpose logs the failed load; that is not a script error.
                errors.RemoveAll(e => spec.Status >= 400 && e.StartsWith("console: Failed to load resource", StringComparison.Ordinal));
                foreach (var width in Widths)
                {
                    if (width != Widths[0]) await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
                    var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                    var (scrollWidth, innerWidth) = (widths[0], widths[1]);
                    if (scrollWidth > innerWidth)
                    {
                        problems.Add($"{path} as {role} at {width}px: the page scrolls sideways ({scrollWidth}px wide in {innerWidth}px): {await WidestAsync(page)}");
                    }
                    if (!string.IsNullOrEmpty(shots))
                    {
                        var name = $"{Slug(role)}-{width}-{Slug(path)}.png";
                        await page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(shots, name), FullPage = true });
                    }
                }
                problems.AddRange(errors.Select(e => $"{path} as {role}: {e}"));
            }
        }

        problems.AddRange(PageFiles().Where(p => !NotPages.ContainsKey(p) && !opened.Any(o => Covers(p, o)))
            .Select(p => $"{p}: no role opens this page; add it to a role's list or to NotPages with the reason"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        // A cold server's first sign-in hashes the password and builds Identity's model; beside the other test project on
        // two cores that has taken over 30 s. The wait ends as soon as the sign-in does; if it never does, the failure
        // shows what the login page said and what the server printed.
        await server.WaitAsync(page, () => page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { Timeout = 90_000 }));
    }

    private static async Task<string?> ResolveAsync(IPage page, Spec spec)
    {
        if (spec.LinkPrefix is null) return spec.Path;
        await page.GotoAsync(spec.Path);
        var href = await page.EvaluateAsync<string?>(
            "prefix => [...document.querySelectorAll('main a[href]')].map(a => a.getAttribute('href')).find(h => h.toLowerCase().startsWith(prefix.toLowerCase())) ?? null",
            spec.LinkPrefix);
        return href;
    }

    /// <summary>The element that sticks out furthest to the right, to name in the failure.</summary>
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          let worst = null, right = 0;
          for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.right > right + 0.5) { right = r.right; worst = el; }
          }
          if (!worst) return 'nothing';
          const cls = worst.className && typeof worst.className === 'string' ? '.' + worst.className.trim().split(/\s+/).join('.') : '';
          return `${worst.tagName.toLowerCase()}${cls} reaches ${Math.round(right)}px: "${(worst.textContent || '').trim().slice(0, 60)}"`;
        }
        """);

    /// <summary>Each page file's address without its parameters: /Donations/Donor for Donor.cshtml, /Donations for Index.cshtml.</summary>
    private static IEnumerable<string> PageFiles()
    {
        var root = System.IO.Path.Combine(Repository.WebProject, "Pages");
        foreach (var file in Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories))
        {
            var name = System.IO.Path.GetFileName(file);
            if (name.StartsWith('_')) continue;
            // A page whose @page directive gives its address (the account pages keep /Account/… in Pages/Accounts) is known by it.
            if (File.ReadLines(file).FirstOrDefault() is { } first && first.StartsWith("@page \"/", StringComparison.Ordinal) && !first.Contains('{'))
            {
                yield return first["@page \"".Length..].TrimEnd('"');
                continue;
            }
            var relative = "/" + System.IO.Path.GetRelativePath(root, file).Replace('\\', '/')[..^".cshtml".Length];
            yield return relative.EndsWith("/Index", StringComparison.Ordinal) ? relative[..^"/Index".Length] is { Length: > 0 } folder ? folder : "/" : relative == "/Index" ? "/" : relative;
        }
    }

    private static bool Covers(string pageFile, string opened)
    {
        var path = opened.Split('?')[0].TrimEnd('/');
        if (path.Length == 0) path = "/";
        if (string.Equals(path, pageFile, StringComparison.OrdinalIgnoreCase)) return true;
        // A page with a route parameter: its address and one more segment. An index page only by its own address.
        var isIndex = File.Exists(System.IO.Path.Combine(Repository.WebProject, "Pages", pageFile.TrimStart('/'), "Index.cshtml")) || pageFile == "/";
        return !isIndex && path.StartsWith(pageFile + "/", StringComparison.OrdinalIgnoreCase) && path[(pageFile.Length + 1)..].IndexOf('/') < 0;
    }

    private static string Slug(string text) => SlugChars().Replace(text.Trim('/'), "-") is { Length: > 0 } s ? s : "home";

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex SlugChars();

    /// <summary>
    /// The seed has no gifts, nominations or posts: a named gift with a long email (the ledger, donor, statement and
    /// acknowledgements pages), a nomination through the public form, and a post written by Staff from the seeded award.
    /// </summary>
    private async Task<Dictionary<string, string>> AddRecordsTheSeedLacksAsync()
    {
        // The app's own configuration, so the gifts land with their daily sums and audit entries as the app's saves do.
        await using (var db = server.Open())
        {
            if (!await db.Donations.AnyAsync())
            {
                var campaign = await db.Campaigns.FirstOrDefaultAsync();
                var donor = new Person { Name = "Bartholomew Featherstonehaugh-Wolfeschlegelsteinhausen", Email = "bartholomew.featherstonehaugh-wolfeschlegelsteinhausen@example-long-domain.org" };
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                db.Donations.AddRange(
                    new Donation { Person = donor, AmountMinor = 1_250_000_00, Currency = "USD", ReceivedOn = today.AddDays(-3), Channel = DonationChannel.ConvertedRegistration, Campaign = campaign, QuidProQuoMinor = 100_00, TransactionId = "ch_3PqLongTransactionIdentifier0123456789abcdef" },
                    new Donation { Person = donor, AmountMinor = 500_00, Currency = "EUR", ReceivedOn = today.AddDays(-2), Channel = DonationChannel.GitHubSponsors },
                    new Donation { IsAnonymous = true, AmountMinor = 300_00, Currency = "USD", ReceivedOn = today.AddDays(-1), Channel = DonationChannel.Cheque });
                await db.SaveChangesAsync();
            }
        }

        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Nominate");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Layout Nominee");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("layout.nominee@example.org");
        await page.GetByLabel("Website").FillAsync("https://layout-nominee.example.org/a/very/long/path/that/should/wrap/instead/of/running/out/of/its/box");
        await page.GetByLabel("Why should they be a Fellow?").FillAsync(
            "They have maintained the packaging guide for six years, mentored dozens of first-time contributors and organised the regional conference since 2019: https://example.org/talks/an-address-long-enough-to-run-out-of-a-narrow-card-on-a-phone");
        await page.GetByLabel("Your name").FillAsync("Layout Nominator");
        await page.GetByLabel("Your email").FillAsync("layout.nominator@example.net");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send nomination" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/Nominate", StringComparison.OrdinalIgnoreCase));
        var received = new Uri(page.Url).PathAndQuery;

        await LogInAsync(page, "staff@records.local");
        await page.GotoAsync("/Posts/New?kind=ServiceAward");
        await page.Locator("select[name='Input.AwardId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Write the draft" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Posts/Details/", StringComparison.OrdinalIgnoreCase));

        await using var read = server.Open();
        return new Dictionary<string, string>
        {
            ["received"] = received,
            ["year"] = $"{DateTime.UtcNow.Year}",
            ["donor"] = $"{await read.People.Where(p => p.Name.StartsWith("Bartholomew")).Select(p => p.Id).FirstAsync()}",
            ["round"] = $"{await read.Rounds.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()}",
            ["award"] = $"{await read.ServiceAwards.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()}",
            ["sponsor"] = $"{await read.Sponsors.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()}",
        };
    }
}
