using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Fellows;
using Records.Core.Nominations;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

public class CloseRoundTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private static readonly string[] Members = ["m1@example.org", "m2@example.org", "m3@example.org", "m4@example.org", "m5@example.org"];
    private static int made;

    private async Task<HttpClient> ChairAsync()
    {
        if (Interlocked.Exchange(ref made, 1) == 0)
        {
            foreach (var m in Members) await app.CreateUserAsync(m, "Member-pass-2026", "WorkGroup");
        }
        var client = app.Browser();
        await client.LoginAsRoleAsync("Chair");
        return client;
    }

    private async Task VotesAsync(int nomination, params VoteChoice[] choices)
    {
        for (var i = 0; i < choices.Length; i++) await ReviewData.VoteAsync(app, nomination, Members[i], choices[i]);
    }

    [Fact]
    public async Task ClosingAcceptsCarriesOverAndExpiresByTheRuleAndTellsEachNominator()
    {
        var client = await ChairAsync();
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var accepted = await ReviewData.NominationAsync(app, round, "Accepted Person");
        var noQuorum = await ReviewData.NominationAsync(app, round, "Too Few Votes");
        var old = await ReviewData.NominationAsync(app, round, "Fourth Quarter");
        await VotesAsync(accepted, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.No, VoteChoice.Abstain);
        await VotesAsync(noQuorum, VoteChoice.Yes, VoteChoice.Yes);
        await VotesAsync(old, VoteChoice.No, VoteChoice.No, VoteChoice.Yes, VoteChoice.No, VoteChoice.No);
        var (year, quarter) = await app.WithDbAsync(async db =>
        {
            var r = await db.Rounds.SingleAsync(x => x.Id == round);
            var (fy, fq) = new YearQuarter(r.Year, r.Quarter).Previous;
            (fy, fq) = new YearQuarter(fy, fq).Previous;
            (fy, fq) = new YearQuarter(fy, fq).Previous;
            var first = new Round { Year = fy, Quarter = fq, CutOff = new YearQuarter(fy, fq).CutOff, ReviewEnds = new YearQuarter(fy, fq).ReviewEnds, Status = RoundStatus.Closed };
            db.Rounds.Add(first);
            await db.SaveChangesAsync();
            (await db.Nominations.SingleAsync(n => n.Id == old)).FirstRoundId = first.Id;
            await db.SaveChangesAsync();
            return (r.Year, r.Quarter);
        });

        var confirm = await client.GetPageAsync($"/Nominations/Rounds/Close/{round}");
        Assert.Equal("Accepted", confirm.QuerySelector($"tr[data-nomination='{accepted}']")!.GetAttribute("data-outcome"));
        Assert.Equal("CarriedOver", confirm.QuerySelector($"tr[data-nomination='{noQuorum}']")!.GetAttribute("data-outcome"));
        Assert.Equal("Expired", confirm.QuerySelector($"tr[data-nomination='{old}']")!.GetAttribute("data-outcome"));

        var closed = await client.SubmitFormAsync(confirm, $"/Nominations/Rounds/Close/{round}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var next = new YearQuarter(year, quarter).Next;
        var nextName = $"Q{next.Quarter} {next.Year}";
        Assert.Contains($"1 accepted, 1 carried over to {nextName}, 1 expired", (await client.GetPageAsync("/Nominations/Rounds")).QuerySelector(".flash")!.TextContent);

        await app.WithDbAsync(async db =>
        {
            Assert.Equal(RoundStatus.Closed, (await db.Rounds.SingleAsync(r => r.Id == round)).Status);
            var a = await db.Nominations.Include(n => n.Nominee).SingleAsync(n => n.Id == accepted);
            Assert.Equal(NominationStatus.Accepted, a.Status);
            var fellow = await db.Fellows.SingleAsync(f => f.NominationId == accepted);
            Assert.Equal((year, quarter, a.NomineeId, FellowStatus.Active), (fellow.Year, fellow.Quarter, fellow.PersonId, fellow.Status));
            var carried = await db.Nominations.Include(n => n.Round).SingleAsync(n => n.Id == noQuorum);
            Assert.Equal((NominationStatus.UnderReview, next.Year, next.Quarter, RoundStatus.Upcoming), (carried.Status, carried.Round.Year, carried.Round.Quarter, carried.Round.Status));
            Assert.Equal(NominationStatus.Expired, (await db.Nominations.SingleAsync(n => n.Id == old)).Status);
            var mail = await db.Outbox.Where(m => m.To == "nora@example.org").Select(m => m.Subject).ToListAsync();
            Assert.Contains("Accepted Person is a Python Software Foundation Fellow", mail);
            Assert.Contains($"Your nomination of Too Few Votes carries into {nextName}", mail);
            Assert.Contains("Your nomination of Fourth Quarter has expired", mail);
            var welcome = await db.Outbox.Where(m => m.To == a.Nominee.Email).Select(m => m.Subject).ToListAsync();
            Assert.Equal(["Welcome, Accepted Person: you are a Python Software Foundation Fellow"], welcome);
        });
    }

    [Fact]
    public async Task AnAcceptedNomineeJoinsTheRosterOnceAfterTheQuartersFellows()
    {
        var client = await ChairAsync();
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var (year, quarter) = await app.WithDbAsync(async db => (await db.Rounds.SingleAsync(r => r.Id == round)) is var r ? (r.Year, r.Quarter) : default);
        var fellowAlready = await ReviewData.NominationAsync(app, round, "Fellow Already");
        var twice = await ReviewData.NominationAsync(app, round, "Nominated Twice");
        var nomineeId = await app.WithDbAsync(db => db.Nominations.Where(n => n.Id == twice).Select(n => n.NomineeId).SingleAsync());
        var again = await ReviewData.NominationAsync(app, round, "Nominated Twice", linkedTo: twice, nomineeId: nomineeId);
        var earlier = await ReviewData.NominationAsync(app, round, "Earlier This Quarter");
        await app.WithDbAsync(async db =>
        {
            var people = await db.Nominations.Where(n => n.Id == fellowAlready || n.Id == earlier).ToDictionaryAsync(n => n.Id);
            people[earlier].Status = NominationStatus.Accepted;
            db.Fellows.Add(new Fellow { PersonId = people[fellowAlready].NomineeId, Year = year - 1, Quarter = quarter, Position = 0, Status = FellowStatus.Active });
            db.Fellows.Add(new Fellow { PersonId = people[earlier].NomineeId, Year = year, Quarter = quarter, Position = 4, Status = FellowStatus.Active, NominationId = earlier });
            await db.SaveChangesAsync();
        });
        foreach (var n in new[] { fellowAlready, twice, again }) await VotesAsync(n, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.No);

        var confirm = await client.GetPageAsync($"/Nominations/Rounds/Close/{round}");
        Assert.Contains("already a Fellow", confirm.QuerySelector($"tr[data-nomination='{fellowAlready}']")!.TextContent);
        var closed = await client.SubmitFormAsync(confirm, $"/Nominations/Rounds/Close/{round}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var flash = (await client.GetPageAsync("/Nominations/Rounds")).QuerySelector(".flash")!.TextContent;
        Assert.Contains("3 accepted", flash);
        Assert.Contains("2 accepted nominees were already on the roster and not added again", flash);
        await app.WithDbAsync(async db =>
        {
            var fellows = await db.Fellows.Where(f => f.Year == year && f.Quarter == quarter).OrderBy(f => f.Position).Select(f => new { f.Person.Name, f.Position }).ToListAsync();
            Assert.Equal([("Earlier This Quarter", 4), ("Nominated Twice", 5)], fellows.Select(f => (f.Name, f.Position)).ToArray());
            Assert.Equal(year - 1, await db.Fellows.Where(f => f.Person.Name == "Fellow Already").Select(f => f.Year).SingleAsync());
            Assert.All(await db.Nominations.Where(n => n.Id == fellowAlready || n.Id == twice || n.Id == again).ToListAsync(), n => Assert.Equal(NominationStatus.Accepted, n.Status));
        });
    }

    [Fact]
    public async Task AChairWhoRecusedSeesTheOutcomeButNotTheCounts()
    {
        var client = await ChairAsync();
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var recused = await ReviewData.NominationAsync(app, round, "Chair Recused");
        var open = await ReviewData.NominationAsync(app, round, "Chair Sees");
        await ReviewData.RecuseAsync(app, recused, "chair@records.local");

        var page = await client.GetPageAsync($"/Nominations/Rounds/Close/{round}");

        Assert.NotNull(page.QuerySelector($"tr[data-nomination='{recused}'] [data-recused]"));
        Assert.NotNull(page.QuerySelector($"tr[data-nomination='{recused}']")!.GetAttribute("data-outcome"));
        Assert.Null(page.QuerySelector($"tr[data-nomination='{open}'] [data-recused]"));
    }

    [Theory]
    [InlineData(RoundStatus.Upcoming)]
    [InlineData(RoundStatus.Closed)]
    public async Task ARoundThatIsNotOpenCannotBeClosed(RoundStatus status)
    {
        var client = await ChairAsync();
        var open = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var nomination = await ReviewData.NominationAsync(app, open, "Stays Put");
        var confirm = await client.GetPageAsync($"/Nominations/Rounds/Close/{open}");
        await app.WithDbAsync(async db => { (await db.Rounds.SingleAsync(r => r.Id == open)).Status = status; await db.SaveChangesAsync(); });

        var response = await client.SubmitFormAsync(confirm, $"/Nominations/Rounds/Close/{open}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("only an open round can be closed", (await response.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(NominationStatus.UnderReview, await app.WithDbAsync(db => db.Nominations.Where(n => n.Id == nomination).Select(n => n.Status).SingleAsync()));
    }

    [Fact]
    public async Task AMemberWhoIsNotChairCannotClose()
    {
        await ChairAsync();
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var member = app.Browser();
        await member.LoginAsync("workgroup@records.local");
        var token = (await member.GetPageAsync("/Account/ChangePassword")).QuerySelector("[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await member.PostAsync($"/Nominations/Rounds/Close/{round}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(RoundStatus.Open, await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round).Select(r => r.Status).SingleAsync()));
    }
}
