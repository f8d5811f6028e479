using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Nominations;
using Records.Tests.Infrastructure;
using Records.Tests.Nominations;

namespace Records.Tests.Home;

public class WorkGroupHomeTests(NominateApp app) : IClassFixture<NominateApp>
{
    private static string Text(AngleSharp.Dom.IElement element) => Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    [Fact]
    public async Task MembersAreAskedForVotesOnlyOnceTheRoundIsOpenForVotes()
    {
        app.Clock.Now = DateTimeOffset.Parse("2027-05-20T15:00:00-04:00");
        var round = await app.WithDbAsync(async db =>
        {
            var r = new Round { Year = 2027, Quarter = 2, CutOff = new YearQuarter(2027, 2).CutOff, ReviewEnds = new YearQuarter(2027, 2).ReviewEnds, Status = RoundStatus.Upcoming };
            db.Rounds.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        await ReviewData.NominationAsync(app, round, "Waiting For Votes");
        var member = await ReviewData.SignInAsync(app, "workgroup@records.local");

        var before = (await member.GetPageAsync("/")).QuerySelector("[data-panel=workgroup]")!;
        await app.WithDbAsync(async db => { (await db.Rounds.SingleAsync(r => r.Id == round)).Status = RoundStatus.Open; await db.SaveChangesAsync(); });
        var after = (await member.GetPageAsync("/")).QuerySelector("[data-panel=workgroup]")!;

        Assert.Null(before.QuerySelector("[data-need-my-vote]"));
        Assert.Contains("Voting starts when the Chair opens a round for votes.", Text(before));
        Assert.Equal("1 need your vote", Text(after.QuerySelector("[data-need-my-vote]")!));
    }

    [Fact]
    public async Task TheQuarterPacketWithoutAQuarterOpensOnTheFoundationsCurrentQuarter()
    {
        // Still March 31 in New York, though April 1 in UTC.
        app.Clock.Now = DateTimeOffset.Parse("2027-04-01T02:00:00Z");
        var board = await ReviewData.SignInAsync(app, "board@records.local");

        var page = await board.GetPageAsync("/Reports/Quarter");

        Assert.Equal("2027", page.QuerySelector("input[name=year]")!.GetAttribute("value"));
        Assert.Equal("1", page.QuerySelector("select[name=quarter] option[selected]")!.GetAttribute("value"));
        Assert.Contains("Q1 2027", page.QuerySelector("h1")!.TextContent);
    }
}
