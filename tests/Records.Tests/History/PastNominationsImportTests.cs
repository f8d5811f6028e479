using System.Text;
using Microsoft.EntityFrameworkCore;
using Records.Core.Fellows;
using Records.Core.Nominations;
using Records.Core.Posts;
using Records.Core.Reports;
using Records.Tests.Infrastructure;
using Records.Tests.Posts;

namespace Records.Tests.History;

/// <summary>The past-nominations workflow in Core, against a real SQLite database with the seed loaded.</summary>
public class PastNominationsImportTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private Task<PastNominationsImport.Report> ReadAsync(string csv) => app.WithDbAsync(async db =>
        await PastNominationsImport.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), await PastNominationsImport.Existing.LoadAsync(db), Today));

    private Task<int> CommitAsync(string csv) => app.WithDbAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var report = await PastNominationsImport.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), await PastNominationsImport.Existing.LoadAsync(db), Today);
        var added = await PastNominationsImport.CommitAsync(db, report, new DateTime(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return added;
    });

    [Fact]
    public async Task APastQuarterGetsItsClosedRoundItsNominationsAndItsNewFellowsSoThePacketAndThePostWork()
    {
        var added = await CommitAsync(
            "year,quarter,nominee,nominee_email,nominator,nominator_email,outcome,statement,received\n" +
            "2015,3,Carol Willing,carol@past.example.org,Nora Nominator,nora@past.example.org,accepted,Teaches and leads.,2015-08-01\n" +
            "2015,3,Dan Doubt,,Nora Nominator,,not accepted,,\n" +
            "2015,3,Eve Early,eve@past.example.org,Pat Proposer,,Accepted,,\n");

        Assert.Equal(3, added);
        var round = await app.WithDbAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Year == 2015 && r.Quarter == 3));
        Assert.Equal((RoundStatus.Closed, new DateOnly(2015, 8, 20), new DateOnly(2015, 9, 20)), (round.Status, round.CutOff, round.ReviewEnds));
        var nominations = await app.WithDbAsync(db => db.Nominations.AsNoTracking().Where(n => n.RoundId == round.Id).OrderBy(n => n.Id)
            .Select(n => new { n.Nominee.Name, n.Status, n.FirstRoundId, n.ReceivedAt, n.DecidedAt, n.Statement }).ToListAsync());
        Assert.Equal([("Carol Willing", NominationStatus.Accepted), ("Dan Doubt", NominationStatus.NotAccepted), ("Eve Early", NominationStatus.Accepted)],
            nominations.Select(n => (n.Name, n.Status)));
        Assert.All(nominations, n => Assert.Equal(round.Id, n.FirstRoundId));
        Assert.Equal(new DateTime(2015, 8, 1, 12, 0, 0), nominations[0].ReceivedAt);
        Assert.Equal(new DateTime(2015, 9, 20, 12, 0, 0), nominations[0].DecidedAt);

        var fellows = await app.WithDbAsync(db => db.Fellows.AsNoTracking().Where(f => f.Year == 2015 && f.Quarter == 3).OrderBy(f => f.Position)
            .Select(f => new { f.Person.Name, f.Person.Email, f.Position, HasNomination = f.NominationId != null }).ToListAsync());
        Assert.Equal([("Carol Willing", "carol@past.example.org", 0, true), ("Eve Early", "eve@past.example.org", 1, true)],
            fellows.Select(f => (f.Name, f.Email, f.Position, f.HasNomination)));

        var packet = await app.WithDbAsync(db => QuarterPacket.LoadAsync(db, 2015, 3, readerId: null));
        Assert.Equal(["Carol Willing", "Dan Doubt", "Eve Early"], packet.Nominations.Select(n => n.Nominee));
        Assert.Equal(["Carol Willing", "Eve Early"], packet.Fellows.Select(f => f.Name));
        var post = await app.WithDbAsync(async db => (await PostTemplates.RenderAsync(PostTemplates.DefaultFellows, (await FellowsPostModel.LoadAsync(db, 2015, 3, null, PostModelTests.Settings))!)).Markdown!);
        Assert.Contains("Fellow Members for Q3 2015!", post);
        Assert.Contains("**Carol Willing**", post);
    }

    [Fact]
    public async Task EveryBadRowIsReportedWithItsLineAndNothingIsAdded()
    {
        var before = await app.WithDbAsync(db => db.Nominations.CountAsync());
        var report = await ReadAsync(
            "year,quarter,nominee,nominator,outcome,nominee_email,received\n" +
            "1989,1,Too Early,Nora,accepted,,\n" +                                   // 2
            "2027,1,Next Year,Nora,accepted,,\n" +                                   // 3: review not ended
            "2026,4,This Quarter,Nora,accepted,,\n" +                                // 4: under way on Dec 1, 2026
            "2016,5,Bad Quarter,Nora,accepted,,\n" +                                 // 5
            "2016,1,,Nora,maybe,,\n" +                                               // 6
            "2016,1,Late One,Nora,accepted,,2016-03-01\n" +                          // 7: after the cut-off
            "2016,1,Al Sweigart,Nora,accepted,,\n" +                                 // 8: on the roster
            "2016,1,Twice,Nora,accepted,twice@example.org,\n" +                      // 9
            "2016,2,Twice Again,Nora,accepted,twice@example.org,\n" +                // 10: same person accepted twice
            "2016,1,Bad Mail,Nora,withdrawn,not-an-email,\n");                       // 11

        Assert.Equal([9], report.Rows.Select(r => r.Line));
        Assert.Equal(
        [
            (2, "The year 1989 is not between 1990 and 2027."),
            (3, "Q1 2027 is still under way (review ends Mar 20, 2027): its outcome is decided in Records, not recorded afterwards."),
            (4, "Q4 2026 is still under way (review ends Dec 20, 2026): its outcome is decided in Records, not recorded afterwards."),
            (5, "The quarter '5' is not 1, 2, 3 or 4."),
            (6, "The nominee is missing. The outcome 'maybe' is not one of accepted, not accepted, withdrawn or expired."),
            (7, "The nomination was received on Mar 1, 2016, after the Q1 2016 cut-off."),
            (8, "Al Sweigart is already on the roster (2020 Q1)."),
            (10, "Twice Again was accepted already on line 9."),
            (11, "The nominee's email 'not-an-email' is not an email address."),
        ], report.BadRows.Select(b => (b.Line, b.Reason)));
        Assert.Equal(before, await app.WithDbAsync(db => db.Nominations.CountAsync()));
    }

    [Fact]
    public async Task ARoundStillOpenInRecordsIsNotWrittenIntoAndAClosedOneIsAddedTo()
    {
        await app.WithDbAsync(async db =>
        {
            db.Rounds.Add(new Round { Year = 2012, Quarter = 1, CutOff = new(2012, 2, 20), ReviewEnds = new(2012, 3, 20), Status = RoundStatus.Open });
            await db.SaveChangesAsync();
        });

        var report = await ReadAsync("year,quarter,nominee,nominator,outcome\n2012,1,Open Round,Nora,accepted\n2020,1,Closed Round,Nora,not accepted\n");

        Assert.Equal("The Q1 2012 round is open in Records: close it before adding past nominations to it.", Assert.Single(report.BadRows).Reason);
        Assert.Equal(1, await CommitAsync("year,quarter,nominee,nominator,outcome\n2020,1,Closed Round,Nora,not accepted\n"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Rounds.CountAsync(r => r.Year == 2020 && r.Quarter == 1)));
        Assert.Equal(["Closed Round"], await app.WithDbAsync(db => db.Nominations.Where(n => n.Round.Year == 2020 && n.Round.Quarter == 1).Select(n => n.Nominee.Name).ToListAsync()));
    }

    [Fact]
    public async Task AFileWithoutTheColumnsIsRefusedAsAWhole()
    {
        var error = await Assert.ThrowsAsync<RosterFileException>(() => ReadAsync("year,quarter,name\n2016,1,X\n"));
        Assert.Equal("The first line must name the columns year,quarter,nominee,nominator,outcome (nominee_email, nominator_email, statement and received may be added). This file's first line lacks nominee, nominator, outcome.", error.Message);
    }
}
