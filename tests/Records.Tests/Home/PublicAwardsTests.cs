using Records.Core.ServiceAwards;
using Records.Tests.Infrastructure;

namespace Records.Tests.Home;

public class PublicAwardsTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task HomePageQuotesTheResolutionNeverTheProposalsReasons()
    {
        await app.WithDbAsync(async db =>
        {
            db.ServiceAwards.Add(new ServiceAward
            {
                RecipientName = "Quinn Quoted", Reasons = "Confidential: the proposer's private letter about Quinn.", Year = 2026, Quarter = 3,
                Status = ServiceAwardStatus.Approved, ProposedAt = DateTime.UtcNow, DecidedOn = new DateOnly(2026, 9, 1),
                Resolution = "RESOLVED, that the Python Software Foundation award the 2026 Q3 Community Service Award to Quinn Quoted for founding PyData Lagos.",
            });
            await db.SaveChangesAsync();
        });

        var home = await app.Browser().GetPageAsync("/");

        var awards = home.QuerySelector("section[aria-labelledby='csa-h']")!.TextContent;
        Assert.Contains("for founding PyData Lagos.", awards);
        Assert.DoesNotContain("Confidential", home.Body!.TextContent);
    }
}
