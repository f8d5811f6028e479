using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Fellows;

public class FellowLinksTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private static async Task<IPage> StaffAsync(RecordsServer server)
    {
        var page = await (await server.NewContextAsync()).NewPageAsync();
        await page.LogInAsync("staff@records.local");
        return page;
    }

    [Fact]
    public async Task StaffAddChangeReorderAndRemoveLinksThenSave()
    {
        var page = await StaffAsync(server);
        await page.GotoAsync("/Fellows");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit Darya Chyzhyk" }).ClickAsync();
        var url = new Uri(page.Url);

        // Seeded: Twitter, GitHub, LinkedIn without addresses, and a spare row.
        await Expect(page.Locator("[data-link-row]")).ToHaveCountAsync(4);
        await page.Locator("#link-url-0").FillAsync("https://x.com/darya");                     // change: the Twitter address filled in
        await page.Locator("#link-kind-3").SelectOptionAsync("Mastodon");                        // add in the spare row
        await page.Locator("#link-url-3").FillAsync("@darya@fosstodon.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a link" }).ClickAsync();       // one more row, nothing saved yet
        await Expect(page.Locator("[data-link-row]")).ToHaveCountAsync(5);
        await Expect(page.Locator("#link-url-3")).ToHaveValueAsync("@darya@fosstodon.org");
        await page.Locator("#link-kind-4").SelectOptionAsync("Blog");
        await page.Locator("#link-url-4").FillAsync("https://darya.example.org/blog");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move link 4 up" }).ClickAsync();   // Mastodon above LinkedIn
        await Expect(page.Locator("#link-kind-2")).ToHaveValueAsync("Mastodon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move link 1 down" }).ClickAsync(); // GitHub first
        await Expect(page.Locator("#link-kind-0")).ToHaveValueAsync("GitHub");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove link 4" }).ClickAsync();    // LinkedIn goes
        await Expect(page.Locator("[data-link-row]")).ToHaveCountAsync(4);
        string[] kinds = ["GitHub", "Twitter", "Mastodon", "Blog"];
        for (var i = 0; i < kinds.Length; i++) await Expect(page.Locator($"#link-kind-{i}")).ToHaveValueAsync(kinds[i]);
        await Expect(page.Locator("#link-url-1")).ToHaveValueAsync("https://x.com/darya");
        Assert.Equal(["GitHub | ∅", "LinkedIn | ∅", "Twitter | ∅"], (await LinksAsync()).Order());

        Directory.CreateDirectory(Repository.Screenshots);
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "fellow-links-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "fellow-links-390.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved Darya Chyzhyk: active, 2020 Q1.");
        Assert.Equal(["GitHub | ∅", "Twitter | https://x.com/darya", "Mastodon | @darya@fosstodon.org", "Blog | https://darya.example.org/blog"], await LinksAsync());
        await Expect(page.Locator("li[data-fellow]", new() { HasText = "Darya Chyzhyk" }).Locator(".links a[href='https://fosstodon.org/@darya']")).ToHaveTextAsync("Mastodon");

        // A bad address is shown beside its row, and nothing changes.
        await page.GotoAsync(url.PathAndQuery);
        await page.Locator("#link-url-1").FillAsync("x.com/darya");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.Links[1].Url']")).ToHaveTextAsync("Enter the full address of the Twitter/X link, starting with https:// or http://.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "fellow-links-error-390.png"), FullPage = true });
        Assert.Equal("Twitter | https://x.com/darya", (await LinksAsync())[1]);
    }

    private Task<List<string>> LinksAsync() => server.RowsAsync(
        "SELECT l.Kind, l.Url FROM PersonLinks l JOIN People p ON p.Id = l.PersonId WHERE p.Name = 'Darya Chyzhyk' ORDER BY l.Position");
}
