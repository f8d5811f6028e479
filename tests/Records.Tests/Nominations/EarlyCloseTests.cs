using Records.Tests.Infrastructure;
using Records.Core.Calendar;
using Records.Core.Nominations;
using Records.Tests.Mail;

namespace Records.Tests.Nominations;

/// <summary>The rules behind closing a round early and the cut-off pages name, read from rounds saved in a real SQLite file.</summary>
public class EarlyCloseTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static Round Row(int year, int quarter, RoundStatus status = RoundStatus.Open, string? cutOff = null, string? reviewEnds = null, DateTime? closedAt = null) => new()
    {
        Year = year, Quarter = quarter, Status = status, ClosedAt = closedAt,
        CutOff = cutOff is null ? new YearQuarter(year, quarter).CutOff : DateOnly.Parse(cutOff),
        ReviewEnds = reviewEnds is null ? new YearQuarter(year, quarter).ReviewEnds : DateOnly.Parse(reviewEnds),
    };

    private async Task<TestDatabase> WithRoundsAsync(params Round[] rounds)
    {
        var database = await databases.CreateDatabaseAsync();
        await using var db = database.Open();
        db.Rounds.AddRange(rounds);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return database;
    }

    private static async Task<EarlyClose?> CheckAsync(TestDatabase database, int year, int quarter, string today)
    {
        await using var db = database.Open();
        var id = db.Rounds.Single(r => r.Year == year && r.Quarter == quarter).Id;
        return await EarlyClose.CheckAsync(db, id, DateOnly.Parse(today), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ClosingBeforeTheCutOffAsksWithTheCutOffAndTheEndOfReview()
    {
        var database = await WithRoundsAsync(Row(2027, 2));

        var early = await CheckAsync(database, 2027, 2, "2027-03-20");

        Assert.NotNull(early);
        Assert.True(early.BeforeCutOff);
        Assert.Equal("Q2 2027 takes nominations until May 20, 2027 and its review runs to Jun 20, 2027. Close it now?", early.Question);
    }

    [Theory]
    [InlineData("2027-05-20", true)]
    [InlineData("2027-05-21", false)]
    [InlineData("2027-06-20", false)]
    public async Task TheCutOffAndTheLastDayOfReviewAreStillEarly(string today, bool beforeCutOff)
    {
        var database = await WithRoundsAsync(Row(2027, 2));

        var early = await CheckAsync(database, 2027, 2, today);

        Assert.NotNull(early);
        Assert.Equal(beforeCutOff, early.BeforeCutOff);
        if (!beforeCutOff) Assert.Equal("Q2 2027's review runs to Jun 20, 2027. Close it now?", early.Question);
    }

    [Fact]
    public async Task AfterTheEndOfReviewClosingIsNotEarly()
    {
        var database = await WithRoundsAsync(Row(2027, 2));

        Assert.Null(await CheckAsync(database, 2027, 2, "2027-06-21"));
    }

    [Fact]
    public async Task DatesTheChairMovedAreTheOnesNamed()
    {
        var database = await WithRoundsAsync(Row(2027, 2, cutOff: "2027-05-10", reviewEnds: "2027-06-05"));

        Assert.Equal("Q2 2027 takes nominations until May 10, 2027 and its review runs to Jun 5, 2027. Close it now?", (await CheckAsync(database, 2027, 2, "2027-05-01"))!.Question);
        Assert.Null(await CheckAsync(database, 2027, 2, "2027-06-06"));
    }

    [Fact]
    public async Task ARoundClosedEarlySendsTheNextCutOffOnToTheFollowingRound()
    {
        var database = await WithRoundsAsync(
            Row(2027, 2, RoundStatus.Closed, closedAt: new DateTime(2027, 3, 20, 12, 0, 0, DateTimeKind.Utc)),
            Row(2027, 3, RoundStatus.Upcoming, cutOff: "2027-08-15"));
        await using var db = database.Open();
        var ct = TestContext.Current.CancellationToken;

        var today = await TakingNominations.OnAsync(db, new DateOnly(2027, 3, 21), ct);
        var afterQ1 = await TakingNominations.AfterAsync(db, 2027, 1, ct);

        Assert.Equal(("Q3 2027", new DateOnly(2027, 8, 15)), (today.Name, today.CutOff));
        Assert.Equal(("Q3 2027", new DateOnly(2027, 8, 15)), (afterQ1.Name, afterQ1.CutOff));
    }

    [Fact]
    public async Task WithoutRowsTheCalendarNamesTheNextCutOff()
    {
        var database = await WithRoundsAsync(Row(2020, 2, RoundStatus.Closed));
        await using var db = database.Open();
        var ct = TestContext.Current.CancellationToken;

        var today = await TakingNominations.OnAsync(db, new DateOnly(2027, 2, 21), ct);
        // A round closed on time (or seeded without a closing date) still took its nominations until its cut-off.
        var afterQ1 = await TakingNominations.AfterAsync(db, 2020, 1, ct);

        Assert.Equal(("Q2 2027", new DateOnly(2027, 5, 20)), (today.Name, today.CutOff));
        Assert.Equal(("Q2 2020", new DateOnly(2020, 5, 20)), (afterQ1.Name, afterQ1.CutOff));
    }
}
