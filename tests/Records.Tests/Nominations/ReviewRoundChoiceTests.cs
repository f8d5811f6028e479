using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Nominations;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

/// <summary>Which round the review list opens on; its own database, since every round another test adds would change the answer.</summary>
public class ReviewRoundChoiceTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private Task<int> AddRoundAsync(int year, int quarter, RoundStatus status) => app.WithDbAsync(async db =>
    {
        var round = new Round { Year = year, Quarter = quarter, CutOff = new YearQuarter(year, quarter).CutOff, ReviewEnds = new YearQuarter(year, quarter).ReviewEnds, Status = status };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    });

    private static string? ShownRound(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("[data-round]")?.GetAttribute("data-round");

    [Fact]
    public async Task ListOpensOnTheOpenRoundElseTheLatestAndSaysSoWhenThereIsNone()
    {
        await app.WithDbAsync(db => db.Rounds.ExecuteDeleteAsync());
        var client = app.Browser();
        await client.LoginAsync("chair@records.local");

        var empty = await client.GetPageAsync("/Nominations");
        Assert.Null(ShownRound(empty));
        Assert.Contains("No nominations have arrived yet", empty.QuerySelector(".empty")!.TextContent);

        await AddRoundAsync(2031, 2, RoundStatus.Closed);
        var upcoming = await AddRoundAsync(2031, 3, RoundStatus.Upcoming);
        Assert.Equal("Q3 2031", ShownRound(await client.GetPageAsync("/Nominations")));

        var open = await AddRoundAsync(2030, 4, RoundStatus.Open);
        var page = await client.GetPageAsync("/Nominations");
        Assert.Equal("Q4 2030", ShownRound(page));
        Assert.Contains("Cut-off Nov 20, 2030 · review ends Dec 20, 2030", page.QuerySelector("[data-round]")!.TextContent);
        Assert.Equal(open.ToString(), page.QuerySelector("#round option[selected]")!.GetAttribute("value"));

        Assert.Equal("Q3 2031", ShownRound(await client.GetPageAsync($"/Nominations?round={upcoming}")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Nominations?round=987654")).StatusCode);
    }
}
