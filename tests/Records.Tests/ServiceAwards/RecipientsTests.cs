using System.Net;
using Records.Core.ServiceAwards;
using Records.Tests.Infrastructure;

namespace Records.Tests.ServiceAwards;

public class RecipientsTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private Task AddAsync(string recipient, ServiceAwardStatus status, int year, int quarter, string? resolution = null, bool group = false) =>
        app.WithDbAsync(db =>
        {
            db.ServiceAwards.Add(new ServiceAward
            {
                RecipientName = recipient, RecipientIsGroup = group, ProposerName = "Hidden Proposer", ProposerEmail = "hidden@example.net",
                Reasons = "Secret reasons that only the Board reads.", Year = year, Quarter = quarter, Status = status,
                Resolution = resolution, ProposedAt = DateTime.UtcNow,
            });
            return db.SaveChangesAsync();
        });

    [Fact]
    public async Task PublicPageListsTheSeededAwardUnderItsQuarterWithTheResolutionsReason()
    {
        var page = await app.Browser().GetPageAsync("/ServiceAwards/Recipients");

        var quarter = page.QuerySelector("[data-quarter='2018-4']")!;
        Assert.Equal("2018 Q4", quarter.QuerySelector("h3")!.TextContent.Trim());
        var roa = quarter.QuerySelectorAll("li").Single(li => li.QuerySelector(".name")!.TextContent == "John Roa");
        Assert.Equal("for his work as a founder and Conference Chair of PyCon Colombia", roa.QuerySelector(".reason")!.TextContent);
        Assert.Null(roa.QuerySelector(".badge"));
    }

    [Fact]
    public async Task ARecipientMayReceiveTheAwardAgain()
    {
        await AddAsync("Twice Honoured", ServiceAwardStatus.Approved, 2021, 2, "RESOLVED, that the PSF award the 2021 Q2 Community Service Award to Twice Honoured for founding PyCon Ghana.");
        await AddAsync("Twice Honoured", ServiceAwardStatus.Approved, 2025, 1, "RESOLVED, that the PSF award the 2025 Q1 Community Service Award to Twice Honoured for ten years of PyCon Ghana.");

        var page = await app.Browser().GetPageAsync("/ServiceAwards/Recipients");

        Assert.Contains("for founding PyCon Ghana", page.QuerySelector("[data-quarter='2021-2']")!.TextContent);
        Assert.Contains("for ten years of PyCon Ghana", page.QuerySelector("[data-quarter='2025-1']")!.TextContent);
    }

    [Fact]
    public async Task OnlyApprovedAwardsAppearNewestYearFirstAndNeverTheProposal()
    {
        await AddAsync("Proposed Paula", ServiceAwardStatus.Proposed, 2024, 1);
        await AddAsync("Declined Dan", ServiceAwardStatus.Declined, 2024, 1, "RESOLVED, that the PSF decline.");
        await AddAsync("Held Hana", ServiceAwardStatus.HeldOver, 2024, 1);
        await AddAsync("PyCon Kenya Association", ServiceAwardStatus.Approved, 2024, 2,
            "RESOLVED, that the PSF award the 2024 Q2 Community Service Award to PyCon Kenya Association for organising PyCon Kenya since 2016.", group: true);

        var page = await app.Browser().GetPageAsync("/ServiceAwards/Recipients");
        var text = page.Body!.TextContent;

        foreach (var hidden in new[] { "Proposed Paula", "Declined Dan", "Held Hana", "Hidden Proposer", "hidden@example.net", "Secret reasons" }) Assert.DoesNotContain(hidden, text);
        var group = page.QuerySelector("[data-quarter='2024-2'] li")!;
        Assert.Equal("group", group.QuerySelector(".badge")!.TextContent);
        Assert.Equal("for organising PyCon Kenya since 2016", group.QuerySelector(".reason")!.TextContent);
        Assert.Null(page.QuerySelector("[data-quarter='2024-1']"));
        var years = page.QuerySelectorAll("section[id^=year-]").Select(s => s.Id).ToList();
        Assert.Equal(years.OrderByDescending(y => y).ToList(), years);
    }

    [Fact]
    public async Task PageIssuesTheSameSqlWhateverTheNumberOfAwards()
    {
        var client = app.Browser();
        var (before, few) = await app.Sql.GetAsync(client, "/ServiceAwards/Recipients");
        for (var i = 0; i < 12; i++)
        {
            await AddAsync($"Volume Recipient {i}", ServiceAwardStatus.Approved, 2010 + i % 4, 1 + i % 4,
                $"RESOLVED, that the PSF award the Community Service Award to Volume Recipient {i} for service number {i}.");
        }
        var (after, many) = await app.Sql.GetAsync(client, "/ServiceAwards/Recipients");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (before.StatusCode, after.StatusCode));
        Assert.Contains("Volume Recipient 11", await after.Content.ReadAsStringAsync());
        Assert.Equal(few.Count, many.Count);
    }
}

public class NoRecipientsTests(NoRecipientsTests.EmptyApp app) : IClassFixture<NoRecipientsTests.EmptyApp>
{
    public class EmptyApp : RecordsApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await WithDbAsync(async db =>
            {
                db.ServiceAwards.RemoveRange(db.ServiceAwards);
                await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task WithoutAwardsThePageSaysSo()
    {
        var page = await app.Browser().GetPageAsync("/ServiceAwards/Recipients");
        Assert.Equal("No Community Service Awards have been given yet.", page.QuerySelector(".empty")!.TextContent.Trim());
    }
}
