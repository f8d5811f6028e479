using Microsoft.Playwright;
using Records.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Records.BrowserTests.ServiceAwards;

public class AwardTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private const string Recipient = "Valentina Vargas";

    [Fact]
    public async Task APublicProposalIsApprovedByTheBoardAndAppearsOnThePublicList()
    {
        Chromium.Require();
        Directory.CreateDirectory(Repository.Screenshots);

        var visitor = await (await server.NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync("/ServiceAwards/Propose");
        await visitor.GetByLabel("Name", new() { Exact = true }).FillAsync(Recipient);
        await visitor.GetByLabel("Why should they receive the award?").FillAsync(
            "for building the Python community in Bolivia: she founded Python Bolivia and has organised its conference every year since 2019.");
        await visitor.GetByLabel("Your name").FillAsync("Pablo Proposer");
        await visitor.GetByLabel("Your email").FillAsync("pablo@example.net");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send proposal" }).ClickAsync();
        await Expect(visitor.Locator("main")).Not.ToContainTextAsync(Recipient);
        await visitor.GotoAsync("/ServiceAwards/Recipients");
        await Expect(visitor.Locator("main")).Not.ToContainTextAsync(Recipient);

        var board = await (await server.NewContextAsync()).NewPageAsync();
        await board.LogInAsync("board@records.local");
        await board.GetByRole(AriaRole.Link, new() { Name = "Proposals" }).ClickAsync();
        await board.GetByRole(AriaRole.Link, new() { Name = Recipient }).ClickAsync();
        await Expect(board.Locator("textarea[name='Approve.Resolution']")).ToHaveValueAsync(
            new System.Text.RegularExpressions.Regex($"^RESOLVED, that the Python Software Foundation award the \\d{{4}} Q[1-4] Community Service Award to {Recipient} for building the Python community in Bolivia"));
        await board.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "award-decision.png"), FullPage = true });
        await board.GetByRole(AriaRole.Button, new() { Name = "Approve the award" }).ClickAsync();
        await Expect(board.Locator(".flash")).ToContainTextAsync($"Approved: {Recipient} receives");
        await Expect(board.Locator("[data-history]")).ToContainTextAsync("Approved");

        await visitor.GotoAsync("/ServiceAwards/Recipients");
        await Expect(visitor.Locator("[data-award]").Filter(new() { HasText = Recipient })).ToContainTextAsync("for building the Python community in Bolivia");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "award-recipients.png"), FullPage = true });
    }
}
