using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Nominations;
using Records.Core.People;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

public class NominateTests(NominateApp app) : IClassFixture<NominateApp>
{
    [Fact]
    public async Task FormIsPublicAndCarriesASubmissionKey()
    {
        var page = await app.Browser().GetPageAsync("/Nominate");
        var key = page.QuerySelector("input[name='Input.SubmissionKey']")!.GetAttribute("value");
        Assert.True(Guid.TryParse(key, out _), $"key '{key}'");
        Assert.NotNull(page.QuerySelector("input[name='Input.Website2'][autocomplete=off]"));
    }

    [Fact]
    public async Task NominationCreatesTheNomineeWithLinksInTheFormsOrderInTodaysRound()
    {
        app.Clock.Now = DateTimeOffset.Parse("2027-05-20T23:30:00-04:00");

        var receipt = await app.Browser().SendAndReadReceiptAsync(Nominate.Form("grace.new@example.org"));

        Assert.Equal("Q2 2027", receipt.QuerySelector("[data-round]")!.TextContent);
        Assert.Equal("May 20, 2027", receipt.QuerySelector("[data-cut-off]")!.TextContent);
        Assert.Contains("Your nomination of Grace Example joined the Q2 2027 round.", receipt.Body!.TextContent);
        await app.WithDbAsync(async db =>
        {
            var nomination = await db.Nominations.Include(n => n.Nominee).ThenInclude(p => p.Links).Include(n => n.Round)
                .SingleAsync(n => n.Nominee.Email == "grace.new@example.org");
            Assert.Equal((2027, 2, RoundStatus.Upcoming), (nomination.Round.Year, nomination.Round.Quarter, nomination.Round.Status));
            Assert.Equal((new DateOnly(2027, 5, 20), new DateOnly(2027, 6, 20)), (nomination.Round.CutOff, nomination.Round.ReviewEnds));
            Assert.Equal(nomination.RoundId, nomination.FirstRoundId);
            Assert.Equal(NominationStatus.UnderReview, nomination.Status);
            Assert.Null(nomination.LinkedToId);
            Assert.Equal(Nominate.Statement, nomination.Statement);
            Assert.Equal(("Nora Nominator", "nora@example.net"), (nomination.NominatorName, nomination.NominatorEmail));
            Assert.Equal(
                [(LinkKind.Website, "https://grace.example.org"), (LinkKind.GitHub, "https://github.com/grace-example"), (LinkKind.Mastodon, "https://fosstodon.org/@grace"), (LinkKind.Other, "https://pyvideo.org/speaker/grace.html")],
                nomination.Nominee.Links.OrderBy(l => l.Position).Select(l => (l.Kind, l.Url!)).ToList());
            Assert.Equal([0, 1, 2, 3], nomination.Nominee.Links.Select(l => l.Position).Order().ToList());
        });
    }

    [Fact]
    public async Task AMastodonHandleIsAcceptedAndKeptAsWritten()
    {
        await app.Browser().SendAndReadReceiptAsync(Nominate.Form("handle@example.org").With("Input.Mastodon", "@grace@fosstodon.org"));

        var links = await app.WithDbAsync(db => db.People.Where(p => p.Email == "handle@example.org")
            .SelectMany(p => p.Links).OrderBy(l => l.Position).Select(l => new { l.Kind, l.Url }).ToListAsync());
        Assert.Contains(links, l => l.Kind == LinkKind.Mastodon && l.Url == "@grace@fosstodon.org");
    }

    [Fact]
    public async Task TheCutOffDayEndsAtMidnightInTheFoundationsZone()
    {
        var client = app.Browser();
        // Already the 21st in UTC, still the 20th in New York.
        app.Clock.Now = DateTimeOffset.Parse("2028-02-21T04:59:00Z");
        var before = await client.SendAndReadReceiptAsync(Nominate.Form("before-midnight@example.org"));
        app.Clock.Now = DateTimeOffset.Parse("2028-02-21T05:00:30Z");
        var after = await client.SendAndReadReceiptAsync(Nominate.Form("after-midnight@example.org"));

        Assert.Equal(("Q1 2028", "Feb 20, 2028"), (before.QuerySelector("[data-round]")!.TextContent, before.QuerySelector("[data-cut-off]")!.TextContent));
        Assert.Equal(("Q2 2028", "May 20, 2028"), (after.QuerySelector("[data-round]")!.TextContent, after.QuerySelector("[data-cut-off]")!.TextContent));
    }

    [Fact]
    public async Task ConfirmationGoesToTheNominatorAndTheNoticeToEachMemberAndTheList()
    {
        await app.CreateUserAsync("wg-one@example.org", "Member-one-2026", "WorkGroup");
        await app.CreateUserAsync("wg-two@example.org", "Member-two-2026", "WorkGroup");
        await app.CreateUserAsync("wg-gone@example.org", "Member-gone-2026", "WorkGroup");
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == "wg-gone@example.org")).DisabledAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
        app.Clock.Now = DateTimeOffset.Parse("2027-08-01T10:00:00-04:00");

        await app.Browser().SendAndReadReceiptAsync(Nominate.Form("ernest@example.org", "Ernest Mailed"));

        var id = await app.WithDbAsync(db => db.Nominations.Where(n => n.Nominee.Email == "ernest@example.org").Select(n => n.Id).SingleAsync());
        var mail = await app.WithDbAsync(db => db.Outbox.Where(m => m.Subject.Contains("Ernest Mailed")).ToListAsync());
        var confirmation = Assert.Single(mail, m => m.To == "nora@example.net");
        Assert.Contains("Thank you for nominating Ernest Mailed", confirmation.BodyText);
        Assert.Contains("joined the Q3 2027 round, which takes nominations until Aug 20, 2027", confirmation.BodyText);
        Assert.Contains("until Sep 20, 2027", confirmation.BodyText);

        var notices = mail.Where(m => m.To != "nora@example.net").ToList();
        Assert.Equal(
            ["chair@records.local", NominateApp.ListAddress, "wg-one@example.org", "wg-two@example.org",
             "workgroup2@records.local", "workgroup3@records.local", "workgroup4@records.local", "workgroup@records.local"],
            notices.Select(m => m.To).Order(StringComparer.Ordinal).ToList());
        Assert.All(notices, m =>
        {
            Assert.Equal("New Fellow nomination: Ernest Mailed (Q3 2027)", m.Subject);
            Assert.Contains("Nora Nominator has nominated Ernest Mailed in the Q3 2027 round.", m.BodyText);
            Assert.Contains($"Review it here: {NominateApp.BaseUrl}/Nominations/Details/{id}", m.BodyText);
            Assert.DoesNotContain("already", m.BodyText);
        });
    }

    [Fact]
    public async Task ReceivedPageForAnUnknownKeyIsNotFound()
    {
        var client = app.Browser();
        await client.GetPageAsync($"/Nominate/Received?key={Guid.NewGuid()}", HttpStatusCode.NotFound);
        await client.GetPageAsync("/Nominate/Received", HttpStatusCode.NotFound);
    }
}
