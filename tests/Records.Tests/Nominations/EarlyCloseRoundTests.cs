using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Nominations;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

/// <summary>The Chair closes Q2 2027 on its cut-off day (the clock of <see cref="NominateApp"/>), before its dates.</summary>
public class EarlyCloseRoundTests(NominateApp app) : IClassFixture<NominateApp>
{
    private static string Text(AngleSharp.Dom.IElement element) => Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    [Fact]
    public async Task ClosingBeforeTheDatesAsksWithTheDatesAndLaterPagesNameTheNextRoundsCutOff()
    {
        var round = await app.WithDbAsync(async db =>
        {
            var r = new Round { Year = 2027, Quarter = 2, CutOff = new YearQuarter(2027, 2).CutOff, ReviewEnds = new YearQuarter(2027, 2).ReviewEnds, Status = RoundStatus.Open };
            db.Rounds.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var visitor = app.Browser();
        Assert.Contains("(Q2 2027) close on May 20, 2027", Text((await visitor.GetPageAsync("/")).QuerySelector("[data-next-cut-off]")!));
        var chair = await ReviewData.SignInAsync(app, "chair@records.local");
        var url = $"/Nominations/Rounds/Close/{round}";

        var confirm = await chair.GetPageAsync(url);
        Assert.Contains("Q2 2027 takes nominations until May 20, 2027 and its review runs to Jun 20, 2027. Close it now?", Text(confirm.QuerySelector("[data-early-close]")!));

        var refused = await chair.SubmitFormAsync(confirm, url, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await refused.ReadPageAsync();
        Assert.Equal("Tick the box to close Q2 2027 before its dates. Nothing was closed.", again.FieldError("Input.ConfirmEarly"));
        Assert.Equal(url, again.QuerySelector("form[data-close-form]")!.GetAttribute("action"));
        Assert.Equal(RoundStatus.Open, await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round).Select(r => r.Status).SingleAsync()));

        var closed = await chair.SubmitFormAsync(again, url, new Dictionary<string, string> { ["Input.ConfirmEarly"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(RoundStatus.Closed, await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round).Select(r => r.Status).SingleAsync()));

        Assert.Contains("(Q3 2027) close on Aug 20, 2027", Text((await visitor.GetPageAsync("/")).QuerySelector("[data-next-cut-off]")!));
        Assert.Contains("joins the Q3 2027 round, which takes nominations until Aug 20, 2027", Text((await visitor.GetPageAsync("/Nominate")).QuerySelector("[data-next-cut-off]")!));
        Assert.Contains("Q3 2027 takes nominations until Aug 20, 2027", Text((await chair.GetPageAsync("/")).QuerySelector("[data-panel=workgroup] [data-next-cut-off]")!));
        var receipt = await visitor.SendAndReadReceiptAsync(Nominate.Form("after.early.close@example.org", "After Early Close"));
        Assert.Equal("Aug 20, 2027", receipt.QuerySelector("[data-cut-off]")!.TextContent.Trim());
    }
}
