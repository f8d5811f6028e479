using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.Nominations;

/// <summary>The app with a quorum of two, so two members' votes can decide a nomination.</summary>
public class QuorumOfTwoServer(SharedChromium chromium, PreparedDatabase database) : RecordsServer(chromium, database)
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Records:Nominations:Quorum"] = "2" };
}

public partial class QuarterTests(QuorumOfTwoServer server) : IClassFixture<QuorumOfTwoServer>
{
    private const string Nominee = "Grace Quartermain";

    [Fact]
    public async Task ANominationFromThePublicFormIsVotedInClosedByTheChairAndJoinsTheRoster()
    {
        Chromium.Require();
        Directory.CreateDirectory(Repository.Screenshots);

        var visitor = await (await server.NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync("/Nominate");
        await visitor.GetByLabel("Name", new() { Exact = true }).FillAsync(Nominee);
        await visitor.GetByLabel("Email", new() { Exact = true }).FillAsync("grace.quartermain@example.org");
        await visitor.GetByLabel("GitHub").FillAsync("https://github.com/gracequartermain");
        await visitor.GetByLabel("Why should they be a Fellow?").FillAsync(
            "Grace has run the **regional PyCon** for six years, mentors first-time speakers, and maintains the packaging guide's translations into three languages.");
        await visitor.GetByLabel("Your name").FillAsync("Nina Nominator");
        await visitor.GetByLabel("Your email").FillAsync("nina@example.net");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send nomination" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for your nomination");
        var round = RoundName().Match(await visitor.Locator("main").InnerTextAsync()).Value;
        Assert.NotEmpty(round);

        var chair = await SignedInAsync("chair@records.local");
        await chair.GotoAsync("/Nominations/Rounds");
        var row = chair.Locator("tr[data-round]").Filter(new() { HasText = round });
        await row.GetByRole(AriaRole.Button, new() { Name = "Open for votes" }).ClickAsync();
        await Expect(chair.Locator(".flash")).ToContainTextAsync($"{round} is open");

        var member = await SignedInAsync("workgroup@records.local");
        await VoteYesAsync(member);
        await VoteYesAsync(chair);
        await member.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "nomination-after-votes.png"), FullPage = true });

        await chair.GotoAsync("/Nominations/Rounds");
        await chair.Locator("tr[data-round]").Filter(new() { HasText = round }).GetByRole(AriaRole.Link, new() { Name = "Close…" }).ClickAsync();
        await Expect(chair.Locator("tr[data-nomination]").Filter(new() { HasText = Nominee })).ToHaveAttributeAsync("data-outcome", "Accepted");
        await chair.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "close-round.png"), FullPage = true });
        // The round is still taking nominations (the app runs on today's date), so the Chair is asked first.
        await Expect(chair.Locator("[data-early-close]")).ToContainTextAsync($"{round} takes nominations until");
        await chair.GetByRole(AriaRole.Button, new() { Name = $"Close {round} and send the outcomes" }).ClickAsync();
        await Expect(chair.Locator("[data-valmsg-for='Input.ConfirmEarly']")).ToHaveTextAsync($"Tick the box to close {round} before its dates. Nothing was closed.");
        Assert.Equal("Open", await server.ScalarAsync("SELECT Status FROM Rounds WHERE Year = $y AND Quarter = $q", ("$y", int.Parse(round[3..])), ("$q", int.Parse(round[1..2]))));
        await chair.GetByLabel($"Yes, close {round} now, before its dates").CheckAsync();
        await chair.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "close-round-early.png"), FullPage = true });
        await chair.GetByRole(AriaRole.Button, new() { Name = $"Close {round} and send the outcomes" }).ClickAsync();
        await Expect(chair.Locator(".flash")).ToContainTextAsync($"{round} is closed: 1 accepted");
        Assert.Equal("Closed", await server.ScalarAsync("SELECT Status FROM Rounds WHERE Year = $y AND Quarter = $q", ("$y", int.Parse(round[3..])), ("$q", int.Parse(round[1..2]))));

        await visitor.GotoAsync("/Fellows");
        var (quarter, year) = (round[1..2], round[3..]);
        await Expect(visitor.Locator($"[data-quarter='{year}-{quarter}']")).ToContainTextAsync(Nominee);
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "roster-new-fellow.png"), FullPage = true });
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await (await server.NewContextAsync()).NewPageAsync();
        await page.LogInAsync(email);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nominations" })).ToBeVisibleAsync();
        return page;
    }

    private static async Task VoteYesAsync(IPage page)
    {
        await page.GotoAsync("/Nominations");
        await page.GetByRole(AriaRole.Link, new() { Name = Nominee }).ClickAsync();
        await page.GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("You voted Yes.");
    }

    [GeneratedRegex(@"Q[1-4] \d{4}")]
    private static partial Regex RoundName();
}
