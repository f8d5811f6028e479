using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Nominations;
using Records.Tests.Infrastructure;
using Records.Volume;

namespace Records.Tests.Volume;

public class VolumeGeneratorTests(VolumeApp app) : IClassFixture<VolumeApp>
{
    [Fact]
    public void EachTableGetsItsShareOfScaleOne()
    {
        Assert.Equal(500, app.Report.Counts["Person"]);
        Assert.Equal(10_000, app.Report.Counts["Donation"]);
        Assert.Equal(20, app.Report.Counts["Sponsor"]);
        Assert.Equal(60, app.Report.Counts["Sponsorship"]);
        Assert.Equal(180, app.Report.Counts["Nomination"]);
        Assert.Equal(4, app.Report.Counts["Fellow"]);
        Assert.Equal(2, app.Report.Counts["ServiceAward"]);
        Assert.Equal(160, app.Report.Counts["Round"]);
        Assert.InRange(app.Report.Counts["Vote"], 180 * 10, 180 * VolumeUsers.WorkGroupSize);
    }

    [Fact]
    public async Task BulkRowsReadBackThroughEfAsEfWouldStoreThem()
    {
        var (lastYear, total, viaSql) = await app.WithDbAsync(async db =>
        {
            var since = new DateOnly(2025, 11, 1);
            var lastYear = await db.Donations.CountAsync(d => d.ReceivedOn >= since);
            var total = await db.Donations.Where(d => d.Currency == "USD").SumAsync(d => d.AmountMinor);
            var viaSql = await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS Value FROM Donations WHERE ReceivedOn >= '2025-11-01'").SingleAsync();
            return (lastYear, total, viaSql);
        });
        Assert.Equal(viaSql, lastYear);
        Assert.True(lastYear is > 500 and < 3_000, $"{lastYear} gifts in the last year");
        Assert.True(total > 0);

        await app.WithDbAsync(async db =>
        {
            var sponsorship = await db.Sponsorships.Include(s => s.Payments).Include(s => s.Package).FirstAsync(s => s.Payments.Count > 0);
            Assert.NotEqual(Guid.Empty, sponsorship.Version);
            Assert.Equal(DateTimeKind.Utc, sponsorship.StatusChangedAt.Kind);
            Assert.Equal(sponsorship.StartsOn.AddMonths(12).AddDays(-1), sponsorship.EndsOn);
            var open = await db.Rounds.SingleAsync(r => r.Status == RoundStatus.Open);
            Assert.Equal((2026, 4), (open.Year, open.Quarter));
        });
    }

    [Fact]
    public async Task OutcomesFollowTheVotingRule()
    {
        var tallies = await app.WithDbAsync(db => db.Nominations.AsNoTracking()
            .Where(n => n.Status == NominationStatus.Accepted || n.Status == NominationStatus.Expired)
            .Select(n => new
            {
                n.Status,
                Yes = db.Votes.Count(v => v.NominationId == n.Id && v.Choice == VoteChoice.Yes),
                No = db.Votes.Count(v => v.NominationId == n.Id && v.Choice == VoteChoice.No),
                Fellow = db.Fellows.Any(f => f.NominationId == n.Id),
            }).ToListAsync());

        Assert.Contains(tallies, t => t.Status == NominationStatus.Expired);
        Assert.All(tallies, t => Assert.Equal(t.Status == NominationStatus.Accepted, t.Yes > t.No));
        Assert.All(tallies, t => Assert.Equal(t.Status == NominationStatus.Accepted, t.Fellow));
    }

    [Fact]
    public async Task GeneratedStaffAccountSignsInAndSeesTheTotals()
    {
        var client = app.Browser();
        await Forms.LoginAsync(client, VolumeUsers.Staff, VolumeUsers.Password);
        var home = await Forms.GetPageAsync(client, "/");
        Assert.Contains("Sasha Staff", home.Body!.TextContent);
        Assert.Contains("20 sponsors", home.QuerySelector("[data-panel='staff']")!.TextContent);

        var users = await app.WithDbAsync(db => db.Users.CountAsync());
        Assert.Equal(15, users);
    }
}
