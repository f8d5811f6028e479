using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Nominations;
using Microsoft.Extensions.DependencyInjection;
using Records.Tests.Infrastructure;
using Records.Web.Infrastructure;

namespace Records.Tests.Nominations;

public class RoundsTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private async Task<HttpClient> ChairAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Chair");
        return client;
    }

    private Task<Round> RoundAsync(int id) => app.WithDbAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Id == id));

    [Fact]
    public async Task ChairOpensAnUpcomingRoundForVotes()
    {
        var client = await ChairAsync();
        var round = await ReviewData.RoundAsync(app, RoundStatus.Upcoming);
        var response = await client.SubmitAsync("/Nominations/Rounds", new Dictionary<string, string>(), formSelector: $"tr[data-round='{round}'] form[action*='handler=Open']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RoundStatus.Open, (await RoundAsync(round)).Status);
    }

    [Fact]
    public async Task DatesAreCheckedBesideTheirFieldsAndSavedWhenRight()
    {
        var client = await ChairAsync();
        var id = await ReviewData.RoundAsync(app, RoundStatus.Upcoming);
        var round = await RoundAsync(id);

        var bad = await client.SubmitAsync($"/Nominations/Rounds/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.CutOff"] = round.CutOff.AddYears(1).ToString("yyyy-MM-dd"),
            ["Input.ReviewEnds"] = round.CutOff.AddDays(-40).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var page = await bad.ReadPageAsync();
        Assert.StartsWith("The cut-off must fall within", page.FieldError("Input.CutOff"));
        Assert.Equal("Review must end after the cut-off.", page.FieldError("Input.ReviewEnds"));

        var good = await client.SubmitAsync($"/Nominations/Rounds/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.CutOff"] = round.CutOff.AddDays(3).ToString("yyyy-MM-dd"),
            ["Input.ReviewEnds"] = round.ReviewEnds.AddDays(5).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal((round.CutOff.AddDays(3), round.ReviewEnds.AddDays(5)), ((await RoundAsync(id)).CutOff, (await RoundAsync(id)).ReviewEnds));
    }

    [Fact]
    public async Task AStaleDateEditIsRefusedWithAConflict()
    {
        var client = await ChairAsync();
        var id = await ReviewData.RoundAsync(app, RoundStatus.Upcoming);
        var round = await RoundAsync(id);
        var form = await client.GetPageAsync($"/Nominations/Rounds/Edit/{id}");
        await client.SubmitAsync($"/Nominations/Rounds/Edit/{id}", new Dictionary<string, string> { ["Input.CutOff"] = round.CutOff.AddDays(1).ToString("yyyy-MM-dd"), ["Input.ReviewEnds"] = round.ReviewEnds.ToString("yyyy-MM-dd") });

        var stale = await client.SubmitFormAsync(form, $"/Nominations/Rounds/Edit/{id}", new Dictionary<string, string> { ["Input.CutOff"] = round.CutOff.AddDays(2).ToString("yyyy-MM-dd"), ["Input.ReviewEnds"] = round.ReviewEnds.ToString("yyyy-MM-dd") });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this round", (await stale.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(round.CutOff.AddDays(1), (await RoundAsync(id)).CutOff);
    }

    [Fact]
    public async Task AClosedRoundKeepsItsDates()
    {
        var client = await ChairAsync();
        var id = await ReviewData.RoundAsync(app, RoundStatus.Closed);
        var round = await RoundAsync(id);
        var response = await client.SubmitAsync($"/Nominations/Rounds/Edit/{id}", new Dictionary<string, string> { ["Input.CutOff"] = round.CutOff.AddDays(1).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(round.CutOff, (await RoundAsync(id)).CutOff);
    }

    [Fact]
    public async Task RoundListIssuesTheSameQueriesWhateverTheNumberOfRounds()
    {
        var client = await ChairAsync();
        var (_, few) = await app.Sql.GetAsync(client, "/Nominations/Rounds");
        for (var i = 0; i < 15; i++) await ReviewData.NominationAsync(app, await ReviewData.RoundAsync(app, RoundStatus.Closed), $"Listed {i}");
        var (response, many) = await app.Sql.GetAsync(client, "/Nominations/Rounds");
        Assert.Equal(12, (await response.ReadPageAsync()).QuerySelectorAll("tr[data-round]").Length);
        Assert.Equal(few.Count, many.Count);
    }

    [Fact]
    public async Task VotesOwedAreCountedInTheSameQueriesWhateverTheNumberOfOpenRounds()
    {
        var client = await ChairAsync();
        var first = await ReviewData.RoundAsync(app, RoundStatus.Open);
        await ReviewData.NominationAsync(app, first, "Owed In First");
        var (_, few) = await app.Sql.GetAsync(client, "/Nominations/Rounds?p=1");
        for (var i = 0; i < 8; i++) await ReviewData.NominationAsync(app, await ReviewData.RoundAsync(app, RoundStatus.Open), $"Owed {i}");

        var (response, many) = await app.Sql.GetAsync(client, "/Nominations/Rounds?p=1");

        // Other tests in the class add rounds too, so how many of these nine share page 1 depends on the order tests run in.
        var page = await response.ReadPageAsync();
        Assert.True(page.QuerySelectorAll("[data-owing]").Length >= 2);
        Assert.Equal(few.Count, many.Count);
    }

    [Fact]
    public async Task VotesOwedCountsMembersWhoHaveNotVotedOnTheOpenRound()
    {
        var client = await ChairAsync();
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var nomination = await ReviewData.NominationAsync(app, round, "Counted Owing");
        var members = await app.WithDbAsync(db => ActiveMembersAsync(db));
        await ReviewData.VoteAsync(app, nomination, "chair@records.local", VoteChoice.Yes);

        var page = await client.GetPageAsync("/Nominations/Rounds");

        var owing = page.QuerySelector($"tr[data-round='{round}'] [data-owing]")!.TextContent;
        Assert.StartsWith($"{members - 1} member", owing);
    }

    private static Task<int> ActiveMembersAsync(Records.Core.Data.RecordsDbContext db) =>
        db.Users.CountAsync(u => u.DisabledAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == "WorkGroup" || r.Name == "Chair"))));

    [Fact]
    public async Task ReviewMayEndUpToTheLastDayOfTheMonthAfterTheQuarter()
    {
        var client = await ChairAsync();
        var id = await app.WithDbAsync(async db =>
        {
            var round = new Round { Year = 1890, Quarter = 3, CutOff = new YearQuarter(1890, 3).CutOff, ReviewEnds = new YearQuarter(1890, 3).ReviewEnds, Status = RoundStatus.Upcoming };
            db.Rounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });

        var late = await client.SubmitAsync($"/Nominations/Rounds/Edit/{id}", new Dictionary<string, string> { ["Input.CutOff"] = "1890-08-20", ["Input.ReviewEnds"] = "1890-11-01" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal("Review must end by Oct 31, 1890, a month after the quarter.", (await late.ReadPageAsync()).FieldError("Input.ReviewEnds"));

        var lastDay = await client.SubmitAsync($"/Nominations/Rounds/Edit/{id}", new Dictionary<string, string> { ["Input.CutOff"] = "1890-08-20", ["Input.ReviewEnds"] = "1890-10-31" });
        Assert.Equal(HttpStatusCode.Redirect, lastDay.StatusCode);
        Assert.Equal(new DateOnly(1890, 10, 31), (await RoundAsync(id)).ReviewEnds);
    }

    [Fact]
    public async Task ChairAddsTheRoundTakingNominationsThenTheNextAndNoMore()
    {
        var client = await ChairAsync();
        var current = RoundCalendar.RoundFor(app.Today);
        var next = current.Next;
        Task<Round?> Find(YearQuarter q) => app.WithDbAsync(db => db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Year == q.Year && r.Quarter == q.Quarter));

        foreach (var quarter in new[] { current, next })
        {
            var response = await client.SubmitAsync("/Nominations/Rounds", new Dictionary<string, string>(), formSelector: "form[action*='handler=CreateNext']");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var round = await Find(quarter);
            Assert.NotNull(round);
            Assert.Equal((quarter.CutOff, quarter.ReviewEnds, RoundStatus.Upcoming), (round.CutOff, round.ReviewEnds, round.Status));
        }

        var list = await client.GetPageAsync("/Nominations/Rounds");
        Assert.Null(list.QuerySelector("form[action*='handler=CreateNext']"));
        var token = list.QuerySelector("[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var again = await client.PostAsync("/Nominations/Rounds?handler=CreateNext", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Rounds.CountAsync(r => (r.Year == current.Year && r.Quarter == current.Quarter) || (r.Year == next.Year && r.Quarter == next.Quarter))));
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("Board")]
    [InlineData("Admin")]
    [InlineData("WorkGroup")]
    [InlineData(null)]
    public async Task ChairPagesAreClosedToEveryoneElse(string? role)
    {
        var id = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var client = app.Browser();
        if (role is not null) await client.LoginAsRoleAsync(role);
        var token = (await client.GetPageAsync(role is null ? "/Account/Login" : "/Account/ChangePassword")).QuerySelector("[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.CutOff"] = "2000-01-01" };

        foreach (var (method, url) in new[] { ("GET", "/Nominations/Rounds"), ("GET", $"/Nominations/Rounds/Edit/{id}"), ("GET", $"/Nominations/Rounds/Close/{id}"),
                     ("POST", $"/Nominations/Rounds?handler=Open&id={id}"), ("POST", $"/Nominations/Rounds?handler=Remind&id={id}"), ("POST", "/Nominations/Rounds?handler=CreateNext"),
                     ("POST", $"/Nominations/Rounds/Edit/{id}"), ("POST", $"/Nominations/Rounds/Close/{id}") })
        {
            var response = method == "GET" ? await client.GetAsync(url) : await client.PostAsync(url, new FormUrlEncodedContent(form));
            Assert.True(response.StatusCode == (role is null ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden), $"{role} {method} {url}: {(int)response.StatusCode}");
        }
        var round = await RoundAsync(id);
        Assert.Equal((RoundStatus.Open, (DateTime?)null), (round.Status, round.ReminderSentAt));
    }
}
