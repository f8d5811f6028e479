using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Records.Core.Nominations;
using Records.Core.People;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;
using Records.Tests.Nominations;

namespace Records.Tests.Admin;

/// <summary>The app with a clock the test moves, so entries land on days the filters can pick.</summary>
public sealed class AuditApp : RecordsApp
{
    public TestClock Clock { get; } = new(DateTimeOffset.Parse("2026-03-10T12:00:00-05:00"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public class AuditLogPageTests(AuditApp app) : IClassFixture<AuditApp>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        if (await app.WithDbAsync(db => Task.FromResult(db.Sponsors.Any(s => s.Name == "March Sponsor")))) return;
        await AddSponsorAsync("March Sponsor", "2026-03-10T12:00:00-05:00");
        await AddSponsorAsync("April Sponsor", "2026-04-02T09:00:00-04:00");
        await app.WithDbAsync(async db =>
        {
            app.Clock.Now = DateTimeOffset.Parse("2026-04-03T09:00:00-04:00");
            var round = new Round { Year = 2026, Quarter = 2, CutOff = new DateOnly(2026, 5, 20), ReviewEnds = new DateOnly(2026, 6, 20), Status = RoundStatus.Upcoming };
            db.Add(round);
            await db.SaveChangesAsync();
            db.Add(new Nomination { RoundId = round.Id, FirstRoundId = round.Id, Nominee = new Person { Name = "Secret Nominee" }, NominatorName = "Ada", NominatorEmail = "ada@example.org", Statement = "A confidential statement about the nominee's work.", ReceivedAt = app.Clock.Now.UtcDateTime });
            await db.SaveChangesAsync();
        });
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task AddSponsorAsync(string name, string at) => app.WithDbAsync(async db =>
    {
        app.Clock.Now = DateTimeOffset.Parse(at);
        db.Sponsors.Add(new Sponsor { Name = name, CreatedAt = app.Clock.Now.UtcDateTime });
        await db.SaveChangesAsync();
    });

    private async Task<HttpClient> AdminAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Admin");
        return client;
    }

    private static List<string> Lines(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table.audit .audit-line").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task FiltersByKindOfRecordAndByDay()
    {
        var client = await AdminAsync();

        var sponsors = Lines(await client.GetPageAsync("/Admin/Audit?type=Sponsor"));
        Assert.Contains("added · Sponsor April Sponsor", sponsors);
        Assert.Contains("added · Sponsor March Sponsor", sponsors);
        Assert.All(sponsors, l => Assert.Contains("Sponsor", l));

        var april = Lines(await client.GetPageAsync("/Admin/Audit?type=Sponsor&from=2026-04-01&to=2026-04-30"));
        Assert.Equal(["added · Sponsor April Sponsor"], april);

        var march = Lines(await client.GetPageAsync("/Admin/Audit?from=2026-03-10&to=2026-03-10"));
        Assert.Contains("added · Sponsor March Sponsor", march);
        Assert.DoesNotContain("added · Sponsor April Sponsor", march);
    }

    [Fact]
    public async Task FiltersByWhoAndShowsTheirName()
    {
        var client = await AdminAsync();
        var created = await client.SubmitAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Bo Board",
            ["Input.Email"] = "bo.board@example.org",
            ["Input.Password"] = "Bo-board-2026-pass",
            ["Input.Roles"] = "Board",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await client.GetPageAsync("/Admin/Audit?who=admin%40records.local");

        Assert.Contains(page.QuerySelectorAll("select[name=who] option"), o => o.GetAttribute("value") == "admin@records.local" && o.TextContent == "Ada Admin");
        var who = page.QuerySelectorAll("table.audit tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).Distinct().ToList();
        Assert.Equal(["Ada Admin"], who);
        Assert.Contains("added · User Bo Board", Lines(page));
        Assert.DoesNotContain("added · Sponsor March Sponsor", Lines(page));
    }

    [Fact]
    public async Task EachChangeIsOneLineWithItsFieldsOnDemand()
    {
        var client = await AdminAsync();
        var page = await client.GetPageAsync("/Admin/Audit?type=Sponsor&from=2026-04-01");
        var row = page.QuerySelector("table.audit tbody tr")!;

        Assert.Equal("added · Sponsor April Sponsor — CreatedAt, Name", row.QuerySelector("details summary")!.TextContent.Replace('\n', ' ').Trim().Replace("  ", " "));
        Assert.Contains(row.QuerySelectorAll("details li"), li => li.TextContent.Trim() == "Name: April Sponsor");
        Assert.Equal("Apr 2, 2026 09:00", row.QuerySelector("time")!.TextContent);
    }

    [Fact]
    public async Task AnAdminOutsideTheWorkGroupSeesThatANominationChangedNotWhatItSays()
    {
        var admin = await (await AdminAsync()).GetAsync("/Admin/Audit?type=Nomination");
        var text = await admin.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("(confidential)", text);
        Assert.DoesNotContain("Secret Nominee", text);
        Assert.DoesNotContain("confidential statement", text);
    }

    [Fact]
    public async Task AMalformedDateIsRefusedBesideTheField()
    {
        var client = await AdminAsync();
        var response = await client.GetAsync("/Admin/Audit?from=2026-13-45");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Give a date such as", await response.Content.ReadAsStringAsync());
    }
}
