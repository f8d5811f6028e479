using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Records.Tests.Donations.Import;
using Records.Tests.Infrastructure;
using static Records.Tests.Infrastructure.AppRoutes;

namespace Records.Tests.FormActions;

/// <summary>
/// Every form of every page, as each identity that may open it sees it, posted to each of its actions with every
/// field set to each value of a shared corpus of hostile and careless input: nothing answers 5xx, and a refused post
/// (4xx) changes nothing in the database.
/// </summary>
public class BadInputCorpusTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    public static readonly (string Name, string Value)[] Corpus =
    [
        ("empty", ""),
        ("1 MB", new string('x', 1024 * 1024)),
        ("29 digits", "99999999999999999999999999999"),
        ("past long", "9223372036854775808"),
        ("negative", "-1"),
        ("NUL", "a\0b"),
        ("RTL and zero-width", "\u202Egnp.exe\u200B\u200D\uFEFF"),
        ("HTML", "<script>alert(1)</script><img src=x onerror=alert(1)>"),
        ("formula", "=HYPERLINK(\"http://evil.example\",\"x\")"),
        ("wrong enum or boolean", "banana"),
        ("checkbox on", "on"),
        ("first date", "0001-01-01"),
        ("last date", "9999-12-31"),
        ("impossible date", "2020-02-31"),
        ("Markdown links", string.Concat(Enumerable.Repeat("[a](", 20_000))),
        ("Markdown quotes", new string('>', 300)),
        ("script link", "<javascript:alert(1)>"),
    ];

    /// <summary>Who opens each page for its forms, in this order; each distinct form action is posted once.</summary>
    private static readonly Who[] Order = [Who.Staff, Who.Board, Who.Chair, Who.Member, Who.Admin, Who.Anonymous];

    [Fact]
    public async Task EveryFormTakesEveryCorpusValueWithoutA5xxAndARefusalChangesNothing()
    {
        var routes = await RoutesAsync(app);
        var values = await RouteValuesAsync(app);
        var problems = new List<string>();
        var posted = new HashSet<string>();
        var posts = 0;
        await using var fingerprint = await Fingerprint.OpenAsync(app);
        var current = await fingerprint.CurrentAsync();
        foreach (var identity in Order)
        {
            var email = Identities.Single(i => i.Identity == identity).Email;
            var client = app.Browser();
            if (email is not null) await client.LoginAsync(email);
            foreach (var route in routes.Where(r => r.Method == "GET" && r.Handler is null && r.Page != "/Accounts/Logout"))
            {
                if (RuleFor(route) is not { } rule || !rule.Get.HasFlag(identity)) continue;
                var url = Url(route, values, problems);
                if (url is null) continue;
                await PostFormsAsync(client, identity, url, keepHidden: false);
            }
            if (identity == Who.Staff)
            {
                foreach (var url in await ImportStagesAsync(client))
                {
                    await PostFormsAsync(client, identity, url, keepHidden: false);
                    await PostFormsAsync(client, identity, url, keepHidden: true);
                }
            }
        }
        async Task PostFormsAsync(HttpClient client, Who identity, string url, bool keepHidden)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK) return;
            var page = await response.ReadPageAsync();
            foreach (var form in page.QuerySelectorAll("main form[method=post]").Cast<IHtmlFormElement>())
            {
                foreach (var action in Actions(form, url).Where(a => posted.Add(keepHidden ? a + " keeping hidden fields" : a)))
                {
                    foreach (var (name, value) in Corpus)
                    {
                        using var answer = await client.PostAsync(action, Fill(form, value, keepHidden));
                        posts++;
                        var status = (int)answer.StatusCode;
                        var after = await fingerprint.CurrentAsync();
                        var what = keepHidden ? $"{name}, hidden fields kept" : name;
                        if (status >= 500) problems.Add($"{identity} POST {action} with {what}: {status}");
                        else if (status >= 400 && after != current) problems.Add($"{identity} POST {action} with {what}: refused ({status}) but the database changed");
                        current = after;
                    }
                }
            }
        }

        Assert.True(posted.Count > 40, $"Only {posted.Count} form actions found.");
        Assert.True(problems.Count == 0, $"{problems.Count} of {posts} posts ({posted.Count} form actions × {Corpus.Length} values) failed:\n{string.Join("\n", problems)}");
    }

    /// <summary>The form's own action and each of its buttons' formactions: every button a person could press.</summary>
    private static IEnumerable<string> Actions(IHtmlFormElement form, string url)
    {
        var own = form.GetAttribute("action") is { Length: > 0 } action ? action : url;
        var buttons = form.QuerySelectorAll("button[formaction], input[type=submit][formaction]").Select(b => b.GetAttribute("formaction")!);
        return buttons.Prepend(own).Where(a => !a.Contains("/Account/Logout")).Distinct();
    }

    /// <summary>
    /// Every field of the form (text, select, checkbox, textarea, hidden but the token) set to the value; or, to reach
    /// the checks behind a form that names its record in a hidden field, the hidden fields kept and the named buttons
    /// (a choice sent as the button pressed) set to the value instead.
    /// </summary>
    private static FormUrlEncodedContent Fill(IHtmlFormElement form, string value, bool keepHidden = false)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (name == "__RequestVerificationToken" || keepHidden && element is IHtmlInputElement { Type: "hidden" }) fields.Add(new(name, element.GetAttribute("value") ?? ""));
            else if (element is IHtmlInputElement { Type: "file" or "submit" or "button" }) continue;
            else fields.Add(new(name, value));
        }
        if (keepHidden)
        {
            foreach (var name in form.QuerySelectorAll("button[name]").Select(b => b.GetAttribute("name")!).Distinct()) fields.Add(new(name, value));
        }
        return new FormUrlEncodedContent(fields);
    }

    /// <summary>
    /// The import's later steps, which only an upload reaches: a generic file with report details above its header at
    /// its mapping step (the header and map forms), and a PayPal file whose dates read either way at its dry run (the
    /// dates and commit forms).
    /// </summary>
    private async Task<List<string>> ImportStagesAsync(HttpClient client)
    {
        var urls = new List<string>();
        foreach (var (file, layout) in new[] { ("page-generic-preamble.csv", "Generic"), ("page-paypal-ambiguous.csv", "PayPal") })
        {
            var upload = await ImportPages.UploadAsync(client, ImportPages.File(file), layout);
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
            var url = upload.Headers.Location!.OriginalString;
            await ImportPages.WaitAsync(app, client, url);
            urls.Add(url);
        }
        return urls;
    }
}
