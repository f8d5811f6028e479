using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Records.Core.Home;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;
using Records.Tests.Sponsors;
using Records.Web.Infrastructure;

namespace Records.Tests.Home;

public class StaffHomeEndingsTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task TheStaffHomeShowsTheTenSoonestEndingsAndLinksToTheSponsorshipsListFilteredTheSameWay()
    {
        var sponsor = await SponsorshipData.SponsorAsync(app, "Many Endings Co");
        var (program, package) = await SponsorshipData.PackageAsync(app, "Many Endings Program", "Gold", 2031);
        var today = app.Today;
        var days = app.Services.GetRequiredService<IOptions<RecordsOptions>>().Value.Sponsorships.EndingReminderDays;
        var mine = new List<int>();
        for (var i = 1; i <= 12; i++)
            mine.Add(await SponsorshipData.SponsorshipAsync(app, sponsor, program, package, today.AddYears(-1), 1_000_000, SponsorshipStatus.Finalized, endsOn: today.AddDays(i)));
        var expected = await app.WithDbAsync(db => SponsorshipEndings.EndingBetween(db.Sponsorships, today, today.AddDays(days)).CountAsync());
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");

        var panel = (await client.GetPageAsync("/")).QuerySelector("[data-panel=staff]")!;

        Assert.Equal(StaffPanel.EndingShown, panel.QuerySelectorAll("[data-ending]").Length);
        var more = panel.QuerySelector("[data-ending-more] a")!;
        Assert.Equal($"/Sponsors/Sponsorships?ending={days}&sort=ends", more.GetAttribute("href"));
        Assert.Contains($"See all {expected} ending in the next {days} days", more.TextContent);

        var list = await client.GetPageAsync(more.GetAttribute("href")!);
        Assert.Contains($"{expected} sponsorships ending in the next {days} days", list.QuerySelector(".lede")!.TextContent);
        var listed = list.QuerySelectorAll("[data-sponsorships] tbody tr[data-sponsorship]").Select(r => int.Parse(r.GetAttribute("data-sponsorship")!)).ToList();
        Assert.Equal(expected, listed.Count);
        Assert.All(mine, id => Assert.Contains(id, listed));

        var wrong = await client.GetPageAsync("/Sponsors/Sponsorships?ending=forever", System.Net.HttpStatusCode.BadRequest);
        Assert.Equal("Enter a number of days from 1 to 3,660.", wrong.FieldError("Input.Ending"));
    }

    [Fact]
    public async Task TheKeptFiguresMoveWithTheNextFinanceSaveAndAnAwardApprovedSinceShowsAtOnce()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        async Task<string> PanelAsync(string panel) => (await client.GetPageAsync("/")).QuerySelector($"[data-panel={panel}]")!.TextContent;
        var sponsors = await app.WithDbAsync(db => db.Sponsors.CountAsync());
        // However many sponsors the class's other test made first, one of them alone reads "1 sponsor".
        Assert.Contains(Counting.Plural(sponsors, "sponsor"), await PanelAsync("staff"));

        await SponsorshipData.SponsorAsync(app, "Kept Figures Co");
        Assert.Contains(Counting.Plural(sponsors + 1, "sponsor"), await PanelAsync("staff"));

        await PanelAsync("staff-awards");
        await app.WithDbAsync(async db =>
        {
            db.ServiceAwards.Add(new Records.Core.ServiceAwards.ServiceAward
            {
                RecipientName = "Approved Since", Reasons = "for the sprints", Year = 2026, Quarter = 2,
                Status = Records.Core.ServiceAwards.ServiceAwardStatus.Approved, DecidedOn = new DateOnly(2026, 5, 12), ProposedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        Assert.Contains("Approved Since", await PanelAsync("staff-awards"));
    }
}
