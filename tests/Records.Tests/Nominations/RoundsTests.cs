using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Nominations;
using Records.Tests.Infrastructure;
using Records.Web.Infrastructure;
using Records.Web.Nominations;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task ReminderGoesOnlyToMembersWhoOweVotes()
    {
        var client = await ChairAsync();
        await app.CreateUserAsync("owes@example.org", "Member-pass-2026", "WorkGroup");
        await app.CreateUserAsync("recused@example.org", "Member-pass-2026", "WorkGroup");
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var first = await ReviewData.NominationAsync(app, round, "First Nominee");
        var second = await ReviewData.NominationAsync(app, round, "Second Nominee");
        foreach (var n in new[] { first, second })
        {
            await ReviewData.VoteAsync(app, n, "chair@records.local", VoteChoice.Yes);
            await ReviewData.RecuseAsync(app, n, "recused@example.org");
        }
        await ReviewData.VoteAsync(app, first, "owes@example.org", VoteChoice.No);
        await ReviewData.VoteAsync(app, first, "workgroup@records.local", VoteChoice.No);

        var response = await client.SubmitAsync("/Nominations/Rounds", new Dictionary<string, string>(), formSelector: $"tr[data-round='{round}'] form[action*='handler=Remind']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var flash = (await client.GetPageAsync("/Nominations/Rounds")).QuerySelector(".flash")!.TextContent;
        var link = $"/Nominations?round={round}&show=mine";
        var reminders = await app.WithDbAsync(db => db.Outbox.Where(m => m.Subject.StartsWith("Reminder:") && m.BodyText.Contains(link)).Select(m => new { m.To, m.Subject }).ToListAsync());
        var known = reminders.Where(r => r.To is "owes@example.org" or "workgroup@records.local" or "chair@records.local" or "recused@example.org").ToList();
        Assert.Equal(["owes@example.org", "workgroup@records.local"], known.Select(r => r.To).Order().ToArray());
        Assert.All(known, r => Assert.StartsWith("Reminder: 1 nominations", r.Subject));
        Assert.Contains($"Reminded {reminders.Count} members.", flash);
        Assert.NotNull((await RoundAsync(round)).ReminderSentAt);
    }

    [Fact]
    public async Task AutomaticReminderGoesOutOnceWhenItsDayComes()
    {
        await app.CreateUserAsync("auto@example.org", "Member-pass-2026", "WorkGroup");
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        await ReviewData.NominationAsync(app, round, "Awaiting Votes");
        var reviewEnds = (await RoundAsync(round)).ReviewEnds;
        var settings = app.Services.GetRequiredService<IOptions<RecordsOptions>>().Value;
        DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), settings.Zone.GetUtcOffset(day.ToDateTime(new TimeOnly(hour, 0))));
        var day = reviewEnds.AddDays(-settings.Nominations.ReminderDaysBeforeReviewEnds);
        Task<int> Pass(DateTimeOffset now) => app.WithDbAsync(db => ReminderWorker.RunOnceAsync(db, settings, now));
        Task<int> Sent() => app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == "auto@example.org"));

        Assert.Equal(0, await Pass(At(day.AddDays(-1), 23)));
        Assert.Equal(0, await Sent());
        Assert.True(await Pass(At(day, 0).AddMinutes(5)) >= 1);
        Assert.Equal(1, await Sent());
        await Pass(At(day, 9));
        await Pass(At(day.AddDays(2), 9));
        Assert.Equal(1, await Sent());
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
