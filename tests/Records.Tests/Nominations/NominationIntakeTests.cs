using Records.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Fellows;
using Records.Core.Nominations;
using Records.Core.People;
using Records.Tests.Mail;

namespace Records.Tests.Nominations;

/// <summary>Taking in a nomination, called directly on a real database: its round, its nominee, the link to an earlier one, the emails.</summary>
public class NominationIntakeTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly (LinkKind, string)[] GraceLinks =
        [(LinkKind.Website, "https://grace.example.org"), (LinkKind.GitHub, "https://github.com/grace-example"), (LinkKind.Other, "https://pyvideo.org/speaker/grace.html")];

    private static NominationIntake.Form Form(string email, string name = "Grace Example", (LinkKind, string)[]? links = null, string nominator = "Nora Nominator") =>
        new(name, email, links ?? GraceLinks, "Grace has organised the regional conference for ten years and mentored many first-time speakers.",
            nominator, $"{nominator.Split(' ')[0].ToLowerInvariant()}@example.net", Guid.NewGuid().ToString());

    private static Task TakeAsync(NominationsDatabase data, NominationIntake.Form form, string at, NominationIntake.FellowMatch? fellow = null, NominationSettings? settings = null) =>
        data.WithDbAsync(db => NominationIntake.TakeAsync(db, form, fellow, settings ?? NominationsDatabase.Settings, DateTimeOffset.Parse(at)));

    [Fact]
    public async Task ANewNomineeIsAddedWithTheLinksInTheFormsOrderInTheRoundOfTheDayInTheFoundationsZone()
    {
        var data = await NominationsDatabase.CreateAsync(fixture);

        // Already the 21st in UTC, still the cut-off day in New York.
        await TakeAsync(data, Form("grace.new@example.org"), "2027-05-21T03:30:00Z");
        await TakeAsync(data, Form("after.midnight@example.org"), "2027-05-21T04:00:30Z");

        await data.WithDbAsync(async db =>
        {
            var nomination = await db.Nominations.Include(n => n.Nominee).ThenInclude(p => p.Links).Include(n => n.Round)
                .SingleAsync(n => n.Nominee.Email == "grace.new@example.org");
            Assert.Equal((2027, 2, RoundStatus.Upcoming), (nomination.Round.Year, nomination.Round.Quarter, nomination.Round.Status));
            Assert.Equal((new DateOnly(2027, 5, 20), new DateOnly(2027, 6, 20)), (nomination.Round.CutOff, nomination.Round.ReviewEnds));
            Assert.Equal((nomination.RoundId, NominationStatus.UnderReview, (int?)null), (nomination.FirstRoundId, nomination.Status, nomination.LinkedToId));
            Assert.Equal(("Nora Nominator", "nora@example.net", new DateTime(2027, 5, 21, 3, 30, 0)), (nomination.NominatorName, nomination.NominatorEmail, nomination.ReceivedAt));
            Assert.Equal(GraceLinks, nomination.Nominee.Links.OrderBy(l => l.Position).Select(l => (l.Kind, l.Url!)).ToArray());
            Assert.Equal([0, 1, 2], nomination.Nominee.Links.Select(l => l.Position).Order().ToArray());
            var later = await db.Nominations.Where(n => n.Nominee.Email == "after.midnight@example.org").Select(n => n.Round.Name).SingleAsync();
            Assert.Equal("Q3 2027", later);
        });
    }

    [Fact]
    public async Task ACutOffMovedByTheChairSendsTheNominationToTheNextRound()
    {
        var data = await NominationsDatabase.CreateAsync(fixture);
        await data.WithDbAsync(db =>
        {
            db.Rounds.Add(new Round { Year = 2030, Quarter = 1, CutOff = new DateOnly(2030, 2, 10), ReviewEnds = new DateOnly(2030, 3, 20) });
            return db.SaveChangesAsync();
        });

        await TakeAsync(data, Form("moved@example.org"), "2030-02-15T12:00:00-05:00");

        Assert.Equal(("Q2 2030", 1), await data.WithDbAsync(async db =>
            (await db.Nominations.Select(n => n.Round.Name).SingleAsync(), await db.Rounds.CountAsync(r => r.Year == 2030 && r.Quarter == 2))));
    }

    [Fact]
    public async Task TheNominatorGetsAReceiptAndEachEnabledMemberAndTheListANotice()
    {
        var data = await NominationsDatabase.CreateAsync(fixture);
        await data.UserAsync("wg-one@example.org", [Roles.WorkGroup]);
        await data.UserAsync("chair@example.org", [Roles.Chair, Roles.WorkGroup]);
        await data.UserAsync("wg-gone@example.org", [Roles.WorkGroup], disabled: true);
        await data.UserAsync("board@example.org", [Roles.Board]);
        var settings = NominationsDatabase.Settings with { WorkGroupListAddress = " fellows-wg@example.org " };

        await TakeAsync(data, Form("ernest@example.org", "Ernest Mailed"), "2027-08-01T10:00:00-04:00", settings: settings);

        var id = await data.WithDbAsync(db => db.Nominations.Select(n => n.Id).SingleAsync());
        var mail = await data.WithDbAsync(db => db.Outbox.OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(["nora@example.net", "chair@example.org", "wg-one@example.org", "fellows-wg@example.org"], mail.Select(m => m.To).ToArray());
        Assert.Contains("Thank you for nominating Ernest Mailed", mail[0].BodyText);
        Assert.Contains("joined the Q3 2027 round, which takes nominations until Aug 20, 2027", mail[0].BodyText);
        Assert.Contains("until Sep 20, 2027", mail[0].BodyText);
        Assert.All(mail[1..], m =>
        {
            Assert.Equal("New Fellow nomination: Ernest Mailed (Q3 2027)", m.Subject);
            Assert.Contains("Nora Nominator has nominated Ernest Mailed in the Q3 2027 round.", m.BodyText);
            Assert.Contains($"Review it here: https://records.example.org/Nominations/Details/{id}", m.BodyText);
            Assert.DoesNotContain("already", m.BodyText);
            Assert.DoesNotContain("a Fellow since", m.BodyText);
        });
    }

    [Fact]
    public async Task ASecondNominationOfTheSamePersonIsLinkedToTheFirstAndAddsTheLinksTheyLack()
    {
        var data = await NominationsDatabase.CreateAsync(fixture);
        await data.UserAsync("wg-one@example.org", [Roles.WorkGroup]);
        await TakeAsync(data, Form("linda@example.org", "Linda Twice", [(LinkKind.Website, "https://grace.example.org")]), "2027-09-01T10:00:00-04:00");

        await TakeAsync(data, Form("LINDA@Example.org", "Linda Twice", [(LinkKind.Website, "https://GRACE.example.org"), (LinkKind.GitHub, "https://github.com/linda")], "Second Nominator"),
            "2027-09-02T10:00:00-04:00");

        await data.WithDbAsync(async db =>
        {
            var both = await db.Nominations.OrderBy(n => n.Id).ToListAsync();
            Assert.Equal(2, both.Count);
            Assert.Equal((both[0].NomineeId, (int?)null, (int?)both[0].Id), (both[1].NomineeId, both[0].LinkedToId, both[1].LinkedToId));
            Assert.Equal(1, await db.People.CountAsync());
            var links = await db.PersonLinks.OrderBy(l => l.Position).Select(l => l.Url).ToListAsync();
            Assert.Equal(["https://grace.example.org", "https://github.com/linda"], links);
            var notice = await db.Outbox.SingleAsync(m => m.To == "wg-one@example.org" && m.BodyText.Contains("Second Nominator"));
            Assert.Contains("Linda Twice already has a nomination under review (from Nora Nominator, received Sep 1, 2027, Q4 2027); this one is linked to it.", notice.BodyText);
        });
    }

    [Fact]
    public async Task AFellowWithTheNomineesNameOrEmailIsFoundAndNamedInTheNotice()
    {
        var data = await NominationsDatabase.CreateAsync(fixture);
        await data.UserAsync("wg-one@example.org", [Roles.WorkGroup]);
        await data.WithDbAsync(db =>
        {
            db.Fellows.Add(new Fellow { Person = new Person { Name = "Ada Fellow", Email = "ada@example.org" }, Year = 2019, Quarter = 3, Status = FellowStatus.Active });
            return db.SaveChangesAsync();
        });

        var byEmail = await data.WithDbAsync(db => NominationIntake.FellowNamedAsync(db, "Someone Else", "ADA@example.org"));
        var byName = await data.WithDbAsync(db => NominationIntake.FellowNamedAsync(db, "ada fellow", "other@example.org"));
        Assert.Equal(new NominationIntake.FellowMatch("Ada Fellow", 2019, 3), byEmail);
        Assert.Equal(byEmail, byName);
        Assert.Null(await data.WithDbAsync(db => NominationIntake.FellowNamedAsync(db, "Nobody", "nobody@example.org")));

        await TakeAsync(data, Form("ada.two@example.org", "Ada Fellow"), "2027-09-01T10:00:00-04:00", byName);

        var notice = await data.WithDbAsync(db => db.Outbox.SingleAsync(m => m.To == "wg-one@example.org"));
        Assert.Contains("Note: Ada Fellow, a Fellow since Q3 2019, has this nominee's name or email; the nominator confirmed the nomination.", notice.BodyText);
    }

    [Fact]
    public async Task ASubmissionKeyIsTakenInOnce()
    {
        var data = await NominationsDatabase.CreateAsync(fixture);
        var form = Form("once@example.org");

        await TakeAsync(data, form, "2027-09-01T10:00:00-04:00");
        Assert.True(await data.WithDbAsync(db => NominationIntake.ReceivedAsync(db, form.SubmissionKey)));
        await TakeAsync(data, form, "2027-09-01T10:00:05-04:00");

        Assert.Equal((1, 1), await data.WithDbAsync(async db => (await db.Nominations.CountAsync(), await db.Outbox.CountAsync())));
    }
}
