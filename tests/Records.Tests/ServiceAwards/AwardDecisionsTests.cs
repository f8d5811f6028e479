using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Mail;
using Records.Core.ServiceAwards;
using Records.Tests.Infrastructure;
using Records.Tests.Mail;
using static Records.Core.ServiceAwards.AwardStep;
using static Records.Core.ServiceAwards.ServiceAwardStatus;
using Outcome = Records.Core.ServiceAwards.AwardDecisions.Outcome;

namespace Records.Tests.ServiceAwards;

public class AwardStepsTests
{
    public static TheoryData<ServiceAwardStatus, AwardStep> AllowedSteps => new()
    {
        { Proposed, Approve }, { Proposed, HoldOver }, { Proposed, Decline },
        { HeldOver, Approve }, { HeldOver, HoldOver }, { HeldOver, Decline },
        { Approved, RecordPayment }, { Declined, Reopen },
    };

    [Theory, MemberData(nameof(AllowedSteps))]
    public void AnOpenProposalIsDecidedADeclinedOneReopenedAndAnApprovedOnePaid(ServiceAwardStatus from, AwardStep step) =>
        Assert.Null(AwardDecisions.Refuse(from, step));

    [Fact]
    public void EveryOtherStepIsRefused()
    {
        var allowed = AllowedSteps.Select(row => row.Data).ToHashSet();
        foreach (var from in Enum.GetValues<ServiceAwardStatus>())
        foreach (var step in Enum.GetValues<AwardStep>())
        {
            if (allowed.Contains((from, step))) continue;
            Assert.NotNull(AwardDecisions.Refuse(from, step));
            Assert.DoesNotContain(step, AwardDecisions.NextSteps(from));
        }
    }

    [Fact]
    public void TheRefusalSaysWhatToDoInstead()
    {
        Assert.Equal("This proposal was declined. Reopen it before you approve it.", AwardDecisions.Refuse(Declined, Approve));
        Assert.Equal("This proposal was declined. Reopen it before you hold over it.", AwardDecisions.Refuse(Declined, HoldOver));
        Assert.Equal("This award is already approved; it cannot be held over.", AwardDecisions.Refuse(Approved, HoldOver));
        Assert.Equal("This award is already approved; it cannot be declined.", AwardDecisions.Refuse(Approved, Decline));
        Assert.Equal("Only a declined proposal can be reopened; this one is held over.", AwardDecisions.Refuse(HeldOver, Reopen));
        Assert.Equal("Only an approved award is paid; the Board has not approved this one.", AwardDecisions.Refuse(Proposed, RecordPayment));
    }
}

/// <summary>Each decision on a real migrated SQLite file: what it changes, what the history keeps, what the proposer is sent.</summary>
public class AwardDecisionsTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateOnly Today = new(2026, 10, 1);
    private static readonly ManualClock Clock = new(DateTimeOffset.Parse("2026-10-01T14:00:00Z"));
    private static readonly AwardSettings Settings = new("Python Software Foundation", 599_00, "USD");

    private static AwardDecisions Decisions(RecordsDbContext db) => new(db, Clock, Settings);

    private static async Task<int> ProposalAsync(TestDatabase database, ServiceAwardStatus status = Proposed, string? proposerEmail = "pat@example.org")
    {
        await using var db = database.Open();
        var award = new ServiceAward
        {
            RecipientName = "Ada Example", ProposerName = "Pat Proposer", ProposerEmail = proposerEmail,
            Reasons = "for running PyLadies Lagos since 2016", Year = 2026, Quarter = 3, Status = status, ProposedAt = new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc),
        };
        award.History.Add(new ServiceAwardEvent { Action = ServiceAwardAction.Proposed, Year = 2026, Quarter = 3, By = "public form", At = new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc) });
        db.ServiceAwards.Add(award);
        await db.SaveChangesAsync();
        return award.Id;
    }

    private static Task<ServiceAward> ReadAsync(RecordsDbContext db, int id) => db.ServiceAwards.Include(a => a.History).SingleAsync(a => a.Id == id);

    private static async Task<(ServiceAward Award, List<OutboxMessage> Mail)> SavedAsync(TestDatabase database, int id)
    {
        await using var db = database.Open();
        var award = await db.ServiceAwards.AsNoTracking().Include(a => a.History.OrderBy(e => e.Id)).SingleAsync(a => a.Id == id);
        return (award, await db.Outbox.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task ApprovingKeepsTheResolutionGivesTheConfiguredCashAndTellsTheProposer()
    {
        var database = await databases.CreateDatabaseAsync();
        var id = await ProposalAsync(database);
        await using (var db = database.Open())
        {
            var award = await ReadAsync(db, id);
            var (outcome, refusal) = await Decisions(db).ApproveAsync(award, award.Version, "  RESOLVED, that the award be made.  ", new DateOnly(2026, 9, 30), "board@example.org");
            Assert.Equal((Outcome.Saved, (string?)null), (outcome, refusal));
        }

        var (saved, mail) = await SavedAsync(database, id);
        Assert.Equal((Approved, "RESOLVED, that the award be made.", new DateOnly(2026, 9, 30), 599_00L, "USD"),
            (saved.Status, saved.Resolution, saved.DecidedOn!.Value, saved.AmountMinor!.Value, saved.Currency));
        var step = saved.History[^1];
        Assert.Equal((ServiceAwardAction.Approved, 2026, 3, "RESOLVED, that the award be made.", new DateOnly(2026, 9, 30), "board@example.org", Clock.GetUtcNow().UtcDateTime),
            (step.Action, step.Year, step.Quarter, step.Note, step.DecidedOn!.Value, step.By, step.At));
        var letter = Assert.Single(mail);
        Assert.Equal(("pat@example.org", "Your Community Service Award proposal for Ada Example", MailAudience.Awards), (letter.To, letter.Subject, letter.Audience!.Value));
        Assert.Contains("Dear Pat Proposer,", letter.BodyText);
        Assert.Contains("the Python Software Foundation Community Service Award. The Board has approved it.\n\nRESOLVED, that the award be made.\n", letter.BodyText);
    }

    [Fact]
    public async Task AnAwardThatAlreadyHasAnAmountKeepsItWhenApproved()
    {
        var database = await databases.CreateDatabaseAsync();
        var id = await ProposalAsync(database, HeldOver);
        await using (var db = database.Open())
        {
            var award = await ReadAsync(db, id);
            (award.AmountMinor, award.Currency) = (250_00, "EUR");
            Assert.Equal(Outcome.Saved, (await Decisions(db).ApproveAsync(award, award.Version, "RESOLVED, that it be so.", Today, "board")).Outcome);
        }
        var (saved, _) = await SavedAsync(database, id);
        Assert.Equal((250_00L, "EUR"), (saved.AmountMinor!.Value, saved.Currency));
    }

    [Fact]
    public async Task HoldingOverMovesTheProposalToTheLaterQuarterAndSaysWhenItWillBeConsidered()
    {
        var database = await databases.CreateDatabaseAsync();
        var id = await ProposalAsync(database);
        await using (var db = database.Open())
        {
            var award = await ReadAsync(db, id);
            Assert.Equal(Outcome.Saved, (await Decisions(db).HoldOverAsync(award, award.Version, 2027, 1, "  More letters of support wanted. ", Today, "board")).Outcome);
        }

        var (saved, mail) = await SavedAsync(database, id);
        Assert.Equal((HeldOver, 2027, 1, (DateOnly?)null), (saved.Status, saved.Year, saved.Quarter, saved.DecidedOn));
        var step = saved.History[^1];
        Assert.Equal((ServiceAwardAction.HeldOver, 2027, 1, "More letters of support wanted.", Today), (step.Action, step.Year, step.Quarter, step.Note, step.DecidedOn!.Value));
        var letter = Assert.Single(mail).BodyText;
        Assert.Contains("The Board has held it over to 2027 Q1, when it will be considered again.", letter);
        Assert.DoesNotContain("RESOLVED", letter);
    }

    [Fact]
    public async Task DecliningDatesTheDecisionAndReopeningPutsItBeforeTheBoardAgainWithoutWritingToTheProposer()
    {
        var database = await databases.CreateDatabaseAsync();
        var id = await ProposalAsync(database);
        await using (var db = database.Open())
        {
            var award = await ReadAsync(db, id);
            Assert.Equal(Outcome.Saved, (await Decisions(db).DeclineAsync(award, award.Version, "   ", Today, "board")).Outcome);
        }
        var (declined, mail) = await SavedAsync(database, id);
        Assert.Equal((Declined, Today), (declined.Status, declined.DecidedOn!.Value));
        Assert.Equal((ServiceAwardAction.Declined, (string?)null, Today), (declined.History[^1].Action, declined.History[^1].Note, declined.History[^1].DecidedOn!.Value));
        Assert.Contains("The Board has decided not to make the award this time.", Assert.Single(mail).BodyText);

        await using (var db = database.Open())
        {
            var award = await ReadAsync(db, id);
            Assert.Equal(Outcome.Saved, (await Decisions(db).ReopenAsync(award, award.Version, "board")).Outcome);
        }
        var (reopened, after) = await SavedAsync(database, id);
        Assert.Equal((Proposed, (DateOnly?)null), (reopened.Status, reopened.DecidedOn));
        Assert.Equal([ServiceAwardAction.Proposed, ServiceAwardAction.Declined, ServiceAwardAction.Reopened], reopened.History.Select(e => e.Action));
        Assert.Equal((2026, 3, (string?)null, (DateOnly?)null), (reopened.History[^1].Year, reopened.History[^1].Quarter, reopened.History[^1].Note, reopened.History[^1].DecidedOn));
        Assert.Single(after);
    }

    [Fact]
    public async Task ThePaymentIsRecordedWithWhatWentWithItAndNobodyIsWrittenTo()
    {
        var database = await databases.CreateDatabaseAsync();
        var id = await ProposalAsync(database, Approved);
        await using (var db = database.Open())
        {
            var award = await ReadAsync(db, id);
            Assert.Equal(Outcome.Saved, (await Decisions(db).RecordPaymentAsync(award, award.Version, 599_00, "USD", pyConRegistration: true, new DateOnly(2026, 10, 5), "staff")).Outcome);
        }

        var (saved, mail) = await SavedAsync(database, id);
        Assert.Equal((599_00L, "USD", true, new DateOnly(2026, 10, 5)), (saved.AmountMinor!.Value, saved.Currency, saved.PyConRegistration!.Value, saved.PaidOn!.Value));
        var step = saved.History[^1];
        Assert.Equal((ServiceAwardAction.Paid, "$599.00 and a PyCon US registration", new DateOnly(2026, 10, 5), "staff"), (step.Action, step.Note, step.DecidedOn!.Value, step.By));
        Assert.Empty(mail);
    }

    [Fact]
    public async Task AProposalWithoutAnAddressIsDecidedWithoutMail()
    {
        var database = await databases.CreateDatabaseAsync();
        var id = await ProposalAsync(database, proposerEmail: null);
        await using (var db = database.Open())
        {
            var award = await ReadAsync(db, id);
            Assert.Equal(Outcome.Saved, (await Decisions(db).DeclineAsync(award, award.Version, null, Today, "board")).Outcome);
        }
        Assert.Empty((await SavedAsync(database, id)).Mail);
    }

    [Fact]
    public async Task AStepTheStatusDoesNotAllowIsRefusedAndNothingIsSaved()
    {
        var database = await databases.CreateDatabaseAsync();
        var id = await ProposalAsync(database, Declined);
        await using (var db = database.Open())
        {
            var award = await ReadAsync(db, id);
            var (outcome, refusal) = await Decisions(db).ApproveAsync(award, award.Version, "RESOLVED, that it be so.", Today, "board");
            Assert.Equal((Outcome.Refused, "This proposal was declined. Reopen it before you approve it."), (outcome, refusal));
        }
        var (saved, mail) = await SavedAsync(database, id);
        Assert.Equal((Declined, 1), (saved.Status, saved.History.Count));
        Assert.Empty(mail);
    }

    [Fact]
    public async Task AFormReadBeforeSomeoneElsesDecisionIsRefused()
    {
        var database = await databases.CreateDatabaseAsync();
        var id = await ProposalAsync(database);
        await using (var db = database.Open())
        {
            var award = await ReadAsync(db, id);
            Assert.Equal(Outcome.ChangedSinceRead, (await Decisions(db).DeclineAsync(award, Guid.NewGuid(), null, Today, "board")).Outcome);
        }
        var (saved, mail) = await SavedAsync(database, id);
        Assert.Equal((Proposed, 1), (saved.Status, saved.History.Count));
        Assert.Empty(mail);
    }

    [Fact]
    public async Task TwoDecisionsAtTheSameMomentSaveOnlyTheFirst()
    {
        var database = await databases.CreateDatabaseAsync();
        var id = await ProposalAsync(database);
        await using var mine = database.Open();
        await using var theirs = database.Open();
        var myCopy = await ReadAsync(mine, id);
        var theirCopy = await ReadAsync(theirs, id);

        Assert.Equal(Outcome.Saved, (await Decisions(theirs).DeclineAsync(theirCopy, theirCopy.Version, null, Today, "first")).Outcome);
        Assert.Equal(Outcome.ChangedAtSameMoment, (await Decisions(mine).ApproveAsync(myCopy, myCopy.Version, "RESOLVED, that it be so.", Today, "second")).Outcome);

        var (saved, mail) = await SavedAsync(database, id);
        Assert.Equal((Declined, "first"), (saved.Status, saved.History[^1].By));
        Assert.Single(mail);
    }
}
