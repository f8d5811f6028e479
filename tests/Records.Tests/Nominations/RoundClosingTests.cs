using Records.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Fellows;
using Records.Core.Nominations;
using Records.Tests.Mail;

namespace Records.Tests.Nominations;

/// <summary>Planning and applying a round's closing, called directly on a real database.</summary>
public class RoundClosingTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime Now = new(2027, 6, 21, 15, 0, 0, DateTimeKind.Utc);

    private async Task<(NominationsDatabase Data, string[] Members)> DataAsync()
    {
        var data = await NominationsDatabase.CreateAsync(fixture);
        var members = new string[5];
        for (var i = 0; i < members.Length; i++) members[i] = await data.UserAsync($"m{i}@example.org", [Roles.WorkGroup]);
        return (data, members);
    }

    private static async Task<string?> CloseAsync(NominationsDatabase data, int round)
    {
        await using var db = data.Open();
        var plan = (await RoundClosing.PlanAsync(db, round, NominationsDatabase.Settings.Quorum))!;
        return await RoundClosing.ApplyAsync(db, plan, NominationsDatabase.Settings, Now);
    }

    [Fact]
    public async Task ThePlanAcceptsCarriesOverAndExpiresByTheRule()
    {
        var (data, members) = await DataAsync();
        var first = await data.RoundAsync(2026, 3, RoundStatus.Closed);
        var round = await data.RoundAsync(2027, 2, RoundStatus.Open);
        var accepted = await data.NominationAsync(round, "Accepted Person");
        var noQuorum = await data.NominationAsync(round, "Too Few Votes");
        var old = await data.NominationAsync(round, "Fourth Quarter", firstRoundId: first);
        await data.VotesAsync(accepted, members, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.No, VoteChoice.Abstain);
        await data.VotesAsync(noQuorum, members, VoteChoice.Yes, VoteChoice.Yes);
        await data.VotesAsync(old, members, VoteChoice.No, VoteChoice.No, VoteChoice.Yes, VoteChoice.No, VoteChoice.No);

        var plan = (await data.WithDbAsync(db => RoundClosing.PlanAsync(db, round, NominationsDatabase.Settings.Quorum)))!;

        Assert.Equal([("Accepted Person", Outcome.Accepted), ("Fourth Quarter", Outcome.Expired), ("Too Few Votes", Outcome.CarriedOver)],
            plan.Decisions.Select(d => (d.Nominee, d.Outcome)).ToArray());
        Assert.Equal(new Tally(3, 1, 1), plan.Decisions[0].Tally);
        Assert.Equal("Q3 2027", plan.NextRound);
        Assert.Equal("Q2 2027", plan.Decisions.Single(d => d.Nominee == "Fourth Quarter").LastRound);
        Assert.Null(await data.WithDbAsync(db => RoundClosing.PlanAsync(db, round + 100, 5)));
    }

    [Fact]
    public async Task ApplyingTheRuleClosesTheRoundAddsTheFellowCarriesIntoANewRoundAndTellsEachNominator()
    {
        var (data, members) = await DataAsync();
        var first = await data.RoundAsync(2026, 3, RoundStatus.Closed);
        var round = await data.RoundAsync(2027, 2, RoundStatus.Open);
        var accepted = await data.NominationAsync(round, "Accepted Person", nomineeEmail: "accepted@example.org");
        var noQuorum = await data.NominationAsync(round, "Too Few Votes");
        var old = await data.NominationAsync(round, "Fourth Quarter", firstRoundId: first);
        await data.VotesAsync(accepted, members, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.No, VoteChoice.Abstain);

        Assert.Null(await CloseAsync(data, round));

        await data.WithDbAsync(async db =>
        {
            var closed = await db.Rounds.SingleAsync(r => r.Id == round);
            Assert.Equal((RoundStatus.Closed, Now), (closed.Status, closed.ClosedAt));
            var a = await db.Nominations.SingleAsync(n => n.Id == accepted);
            Assert.Equal((NominationStatus.Accepted, Now), (a.Status, a.DecidedAt));
            var fellow = await db.Fellows.SingleAsync(f => f.NominationId == accepted);
            Assert.Equal((2027, 2, a.NomineeId, FellowStatus.Active, 0), (fellow.Year, fellow.Quarter, fellow.PersonId, fellow.Status, fellow.Position));
            var carried = await db.Nominations.Include(n => n.Round).SingleAsync(n => n.Id == noQuorum);
            Assert.Equal((NominationStatus.UnderReview, 2027, 3, RoundStatus.Upcoming, new DateOnly(2027, 8, 20)),
                (carried.Status, carried.Round.Year, carried.Round.Quarter, carried.Round.Status, carried.Round.CutOff));
            Assert.Equal(NominationStatus.Expired, (await db.Nominations.SingleAsync(n => n.Id == old)).Status);
            var mail = await db.Outbox.Where(m => m.To == "nora@example.org").Select(m => m.Subject).ToListAsync();
            Assert.Contains("Accepted Person is a Python Software Foundation Fellow", mail);
            Assert.Contains("Your nomination of Too Few Votes carries into Q3 2027", mail);
            Assert.Contains("Your nomination of Fourth Quarter has expired", mail);
            var welcome = await db.Outbox.SingleAsync(m => m.To == "accepted@example.org");
            Assert.Equal("Welcome, Accepted Person: you are a Python Software Foundation Fellow", welcome.Subject);
            Assert.Contains("https://records.example.org/Fellows", welcome.BodyText);
        });
    }

    [Fact]
    public async Task AnAcceptedNomineeJoinsTheRosterOnceAfterTheQuartersFellows()
    {
        var (data, members) = await DataAsync();
        var round = await data.RoundAsync(2027, 2, RoundStatus.Open);
        var fellowAlready = await data.NominationAsync(round, "Fellow Already");
        var twice = await data.NominationAsync(round, "Nominated Twice");
        var nomineeId = await data.WithDbAsync(db => db.Nominations.Where(n => n.Id == twice).Select(n => n.NomineeId).SingleAsync());
        var again = await data.NominationAsync(round, "Nominated Twice", nomineeId: nomineeId);
        var earlier = await data.NominationAsync(round, "Earlier This Quarter");
        await data.WithDbAsync(async db =>
        {
            var people = await db.Nominations.Where(n => n.Id == fellowAlready || n.Id == earlier).ToDictionaryAsync(n => n.Id);
            people[earlier].Status = NominationStatus.Accepted;
            db.Fellows.Add(new Fellow { PersonId = people[fellowAlready].NomineeId, Year = 2026, Quarter = 2, Position = 0, Status = FellowStatus.Active });
            db.Fellows.Add(new Fellow { PersonId = people[earlier].NomineeId, Year = 2027, Quarter = 2, Position = 4, Status = FellowStatus.Active, NominationId = earlier });
            await db.SaveChangesAsync();
        });
        foreach (var n in new[] { fellowAlready, twice, again }) await data.VotesAsync(n, members, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.No);

        var plan = (await data.WithDbAsync(db => RoundClosing.PlanAsync(db, round, 5)))!;
        Assert.Equal(3, plan.Count(Outcome.Accepted));
        Assert.Equal(2, plan.Decisions.Count(d => d.AlreadyFellow));
        Assert.Null(await CloseAsync(data, round));

        await data.WithDbAsync(async db =>
        {
            var fellows = await db.Fellows.Where(f => f.Year == 2027 && f.Quarter == 2).OrderBy(f => f.Position).Select(f => new { f.Person.Name, f.Position }).ToListAsync();
            Assert.Equal([("Earlier This Quarter", 4), ("Nominated Twice", 5)], fellows.Select(f => (f.Name, f.Position)).ToArray());
            Assert.Equal(2026, await db.Fellows.Where(f => f.Person.Name == "Fellow Already").Select(f => f.Year).SingleAsync());
            Assert.All(await db.Nominations.Where(n => n.Id == fellowAlready || n.Id == twice || n.Id == again).ToListAsync(), n => Assert.Equal(NominationStatus.Accepted, n.Status));
        });
    }

    [Fact]
    public async Task ACarriedOverNominationJoinsTheNextRoundWhenItExistsAlready()
    {
        var (data, _) = await DataAsync();
        var round = await data.RoundAsync(2027, 2, RoundStatus.Open);
        var next = await data.RoundAsync(2027, 3, RoundStatus.Upcoming);
        var nomination = await data.NominationAsync(round, "Carried Along");

        Assert.Null(await CloseAsync(data, round));

        Assert.Equal(next, await data.WithDbAsync(db => db.Nominations.Where(n => n.Id == nomination).Select(n => n.RoundId).SingleAsync()));
        Assert.Equal(1, await data.WithDbAsync(db => db.Rounds.CountAsync(r => r.Year == 2027 && r.Quarter == 3)));
    }

    [Theory]
    [InlineData(RoundStatus.Upcoming)]
    [InlineData(RoundStatus.Closed)]
    public async Task ARoundThatIsNotOpenCannotBeClosed(RoundStatus status)
    {
        var (data, _) = await DataAsync();
        var round = await data.RoundAsync(2027, 2, status);
        var nomination = await data.NominationAsync(round, "Stays Put");

        Assert.Equal($"Q2 2027 is {status}; only an open round can be closed.", await CloseAsync(data, round));

        Assert.Equal(NominationStatus.UnderReview, await data.WithDbAsync(db => db.Nominations.Where(n => n.Id == nomination).Select(n => n.Status).SingleAsync()));
        Assert.Equal(status, await data.WithDbAsync(db => db.Rounds.Where(r => r.Id == round).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task NothingCarriesIntoANextRoundThatIsClosedAlready()
    {
        var (data, _) = await DataAsync();
        var round = await data.RoundAsync(2027, 2, RoundStatus.Open);
        await data.RoundAsync(2027, 3, RoundStatus.Closed);
        var nomination = await data.NominationAsync(round, "No Votes Yet");

        Assert.Equal("Q3 2027 is already closed, so nothing can carry into it. Nothing was applied.", await CloseAsync(data, round));

        Assert.Equal(RoundStatus.Open, await data.WithDbAsync(db => db.Rounds.Where(r => r.Id == round).Select(r => r.Status).SingleAsync()));
        Assert.Equal(round, await data.WithDbAsync(db => db.Nominations.Where(n => n.Id == nomination).Select(n => n.RoundId).SingleAsync()));
        Assert.Equal(0, await data.WithDbAsync(db => db.Outbox.CountAsync()));
    }
}
