using System.Text.RegularExpressions;
using Records.Core.Donations;
using Records.Tests.Infrastructure;

namespace Records.Tests.Home;

/// <summary>One date format on every page ("May 20, 2027"), and counts that agree with their nouns.</summary>
public partial class WordsTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [GeneratedRegex(@"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}\b")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}\b")]
    private static partial Regex MonthFirst();

    private static string Text(AngleSharp.Dom.IElement element) => Regex.Replace(element.TextContent, @"\s+", " ");

    [Fact]
    public async Task OneGiftThisYearIsOneDonationAndOneGift()
    {
        var today = app.Today;
        await app.WithDbAsync(async db =>
        {
            db.Donations.Add(new Donation { IsAnonymous = true, AmountMinor = 42_00, Currency = "EUR", ReceivedOn = today.AddDays(-1) < new DateOnly(today.Year, 1, 1) ? today : today.AddDays(-1), Channel = DonationChannel.Card });
            await db.SaveChangesAsync();
        });

        var staff = app.Browser();
        await staff.LoginAsRoleAsync("Staff");
        var staffHome = await staff.GetPageAsync("/");
        Assert.Contains($"1 donation in {today.Year}: €42.00", Text(staffHome.QuerySelector("[data-panel=staff-gifts]")!));
        Assert.DoesNotContain("1 sponsors", Text(staffHome.QuerySelector("[data-panel=staff]")!));

        var board = app.Browser();
        await board.LoginAsRoleAsync("Board");
        Assert.Contains("€42.00 from 1 gift", Text((await board.GetPageAsync("/")).QuerySelector("[data-panel=board-finance]")!));
    }

    [Theory]
    [InlineData("Admin", "/Admin/Users", true)]
    [InlineData("Admin", "/Admin/Outbox", false)]
    [InlineData("Admin", "/", true)]
    [InlineData("Staff", "/", false)]
    [InlineData("Chair", "/Nominations/Rounds", true)]
    public async Task DatesAreWrittenMonthFirst(string role, string url, bool showsADate)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        var text = Text((await client.GetPageAsync(url)).Body!);

        Assert.DoesNotMatch(DayFirst(), text);
        if (showsADate) Assert.Matches(MonthFirst(), text);
    }
}
