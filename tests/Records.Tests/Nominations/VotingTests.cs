using Records.Tests.Infrastructure;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Nominations;
using Records.Tests.Mail;

namespace Records.Tests.Nominations;

/// <summary>Votes, recusals and who owes votes, called directly on a real database.</summary>
public class VotingTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime Now = new(2027, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(NominationStatus.UnderReview, RoundStatus.Open, false, null)]
    [InlineData(NominationStatus.UnderReview, RoundStatus.Open, true, VoteRefusal.Recused)]
    [InlineData(NominationStatus.UnderReview, RoundStatus.Upcoming, false, VoteRefusal.RoundNotOpen)]
    [InlineData(NominationStatus.UnderReview, RoundStatus.Closed, false, VoteRefusal.RoundClosed)]
    [InlineData(NominationStatus.Accepted, RoundStatus.Open, false, VoteRefusal.Decided)]
    [InlineData(NominationStatus.Expired, RoundStatus.Closed, true, VoteRefusal.Decided)]
    public void AVoteIsCastOrChangedOnlyUnderReviewInAnOpenRoundByAMemberNotRecused(NominationStatus status, RoundStatus round, bool recused, VoteRefusal? refusal) =>
        Assert.Equal(refusal, Voting.RefuseVote(status, round, recused));

    [Theory]
    [InlineData(NominationStatus.UnderReview, false)]
    [InlineData(NominationStatus.Accepted, true)]
    [InlineData(NominationStatus.Withdrawn, true)]
    public void RecusalsAreMadeAndWithdrawnUntilTheNominationIsDecided(NominationStatus status, bool fixedNow) =>
        Assert.Equal(fixedNow, Voting.RecusalsFixed(status));

    [Fact]
    public async Task AVoteIsCastThenReplacedAndRecusingWithdrawsIt()
    {
        var data = await NominationsDatabase.CreateAsync(fixture);
        var member = await data.UserAsync("member@example.org", [Roles.WorkGroup]);
        var nomination = await data.NominationAsync(await data.RoundAsync(2027, 2, RoundStatus.Open), "Voted On");

        Assert.False(await CastAsync(data, nomination, member, VoteChoice.Yes, "  Strong record.  "));
        Assert.True(await CastAsync(data, nomination, member, VoteChoice.No, "   "));
        var vote = await data.WithDbAsync(db => db.Votes.SingleAsync());
        Assert.Equal((VoteChoice.No, (string?)null, Now), (vote.Choice, vote.Comment, vote.CastAt));

        await data.WithDbAsync(async db => { await Voting.RecuseAsync(db, nomination, member, "  I work with them. ", Now); await db.SaveChangesAsync(); });
        Assert.Equal(0, await data.WithDbAsync(db => db.Votes.CountAsync()));
        Assert.Equal("I work with them.", await data.WithDbAsync(db => db.Recusals.Select(r => r.Reason).SingleAsync()));

        await data.WithDbAsync(async db => { await Voting.RecuseAsync(db, nomination, member, "again", Now.AddHours(1)); await db.SaveChangesAsync(); });
        Assert.Equal(("I work with them.", Now), await data.WithDbAsync(async db => (await db.Recusals.SingleAsync()) is var r ? (r.Reason, r.At) : default));

        Assert.True(await WithdrawAsync(data, nomination, member));
        Assert.False(await WithdrawAsync(data, nomination, member));
        Assert.Equal(0, await data.WithDbAsync(db => db.Recusals.CountAsync()));
    }

    [Fact]
    public async Task OnlyEnabledMembersWhoNeitherVotedNorRecusedOweVotesAndEachGetsOneReminder()
    {
        var data = await NominationsDatabase.CreateAsync(fixture);
        var owesOne = await data.UserAsync("owes-one@example.org", [Roles.WorkGroup], name: "Owes One");
        await data.UserAsync("owes-two@example.org", [Roles.Chair, Roles.WorkGroup], name: "Owes Two");
        var recused = await data.UserAsync("recused@example.org", [Roles.WorkGroup]);
        var votedAll = await data.UserAsync("voted-all@example.org", [Roles.WorkGroup]);
        await data.UserAsync("gone@example.org", [Roles.WorkGroup], disabled: true);
        await data.UserAsync("board@example.org", [Roles.Board]);
        var round = await data.RoundAsync(2027, 2, RoundStatus.Open);
        var first = await data.NominationAsync(round, "First Nominee");
        var second = await data.NominationAsync(round, "Second Nominee");
        await data.WithDbAsync(async db =>
        {
            foreach (var n in new[] { first, second })
            {
                db.Votes.Add(new Vote { NominationId = n, MemberId = votedAll, Choice = VoteChoice.No, CastAt = Now });
                db.Recusals.Add(new Recusal { NominationId = n, MemberId = recused, At = Now });
            }
            db.Votes.Add(new Vote { NominationId = first, MemberId = owesOne, Choice = VoteChoice.Yes, CastAt = Now });
            await db.SaveChangesAsync();
        });

        var owing = await data.WithDbAsync(db => VoteReminders.OwingAsync(db, round));
        Assert.Equal([("Owes One", "owes-one@example.org", 1), ("Owes Two", "owes-two@example.org", 2)], owing.Select(m => (m.Name, m.Email, m.Pending)).ToArray());
        Assert.Equal(new Dictionary<int, int> { [round] = 2, [round + 100] = 0 }, await data.WithDbAsync(db => VoteReminders.CountsAsync(db, [round, round + 100])));

        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal(2, await data.WithDbAsync(async db =>
            {
                var r = await db.Rounds.SingleAsync(x => x.Id == round);
                var reminded = await VoteReminders.QueueAsync(db, r, NominationsDatabase.Settings, Now);
                await db.SaveChangesAsync();
                return reminded;
            }));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var mail = await data.WithDbAsync(db => db.Outbox.OrderBy(m => m.To).ToListAsync());
        Assert.Equal(["owes-one@example.org", "owes-two@example.org"], mail.Select(m => m.To).ToArray());
        Assert.StartsWith("Reminder: 2 nominations await your vote", mail[1].Subject);
        Assert.Contains("Jun 20, 2027", mail[1].BodyText);
        Assert.Contains($"https://records.example.org/Nominations?round={round}&show=mine", mail[1].BodyText);
        Assert.Equal(Now, await data.WithDbAsync(db => db.Rounds.Where(r => r.Id == round).Select(r => r.ReminderSentAt).SingleAsync()));
    }

    private static Task<bool> CastAsync(NominationsDatabase data, int nomination, string member, VoteChoice choice, string? comment) => data.WithDbAsync(async db =>
    {
        var changed = await Voting.CastAsync(db, nomination, member, choice, comment, Now);
        await db.SaveChangesAsync();
        return changed;
    });

    private static Task<bool> WithdrawAsync(NominationsDatabase data, int nomination, string member) => data.WithDbAsync(async db =>
    {
        var removed = await Voting.WithdrawRecusalAsync(db, nomination, member);
        await db.SaveChangesAsync();
        return removed;
    });
}
