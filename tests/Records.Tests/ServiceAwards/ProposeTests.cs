using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.People;
using Records.Core.ServiceAwards;
using Records.Tests.Infrastructure;

namespace Records.Tests.ServiceAwards;

public class ProposeTests(AwardsApp app) : IClassFixture<AwardsApp>
{
    private Task<int> CountAsync(string recipient) => app.WithDbAsync(db => db.ServiceAwards.CountAsync(a => a.RecipientName == recipient));

    [Fact]
    public async Task FormIsPublicSaysProposalsAreConfidentialAndDefaultsToTodaysQuarter()
    {
        app.Clock.Now = DateTimeOffset.Parse("2027-05-20T15:00:00-04:00");
        var page = await app.Browser().GetPageAsync("/ServiceAwards/Propose");

        Assert.Contains("confidential", page.QuerySelector("[data-confidential]")!.TextContent);
        Assert.Equal("2027", page.QuerySelector("select[name='Input.Year'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("2", page.QuerySelector("select[name='Input.Quarter'] option[selected]")!.GetAttribute("value"));
        Assert.Equal(["2026", "2027", "2028"], page.QuerySelectorAll("select[name='Input.Year'] option").Select(o => o.GetAttribute("value")!).ToList());
        Assert.NotNull(page.QuerySelector("input[name='Input.Website2'][autocomplete=off]"));
    }

    [Fact]
    public async Task QuarterIsReadInTheFoundationsZone()
    {
        // Already April 1st in UTC, still March 31st in New York.
        app.Clock.Now = DateTimeOffset.Parse("2028-04-01T03:00:00Z");
        var page = await app.Browser().GetPageAsync("/ServiceAwards/Propose");
        Assert.Equal("1", page.QuerySelector("select[name='Input.Quarter'] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task PublicProposalIsSavedWithItsEventAndTheBoardIsToldWithALinkToIt()
    {
        app.Clock.Now = DateTimeOffset.Parse("2027-05-20T15:00:00-04:00");
        var response = await app.Browser().ProposeAsync(Propose.Form("Public Grace").With("Input.RecipientIsGroup", "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ServiceAwards/Proposed", response.Headers.Location!.OriginalString);
        await app.WithDbAsync(async db =>
        {
            var award = await db.ServiceAwards.Include(a => a.History).SingleAsync(a => a.RecipientName == "Public Grace");
            Assert.Equal((ServiceAwardStatus.Proposed, 2027, 2, true, null), (award.Status, award.Year, award.Quarter, award.RecipientIsGroup, award.RecipientPersonId));
            Assert.Equal(("Pat Proposer", "pat@example.net", Propose.Reasons), (award.ProposerName, award.ProposerEmail, award.Reasons));
            Assert.Equal(app.Clock.Now.UtcDateTime, award.ProposedAt);
            Assert.Null(award.EnteredBy);
            var proposed = Assert.Single(award.History);
            Assert.Equal((ServiceAwardAction.Proposed, 2027, 2, "public form"), (proposed.Action, proposed.Year, proposed.Quarter, proposed.By));

            var notices = await db.Outbox.Where(m => m.Subject.Contains("Public Grace")).ToListAsync();
            Assert.Equal(["board-list@lists.example.org", "board@records.local"], notices.Select(m => m.To).Order().ToList());
            Assert.All(notices, m =>
            {
                Assert.Equal("Community Service Award proposal: Public Grace (2027 Q2)", m.Subject);
                Assert.Contains("Pat Proposer proposes Public Grace for the 2027 Q2 Community Service Award.", m.BodyText);
                Assert.Contains($"{AwardsApp.BaseUrl}/ServiceAwards/Details/{award.Id}", m.BodyText);
            });
        });
    }

    [Fact]
    public async Task ThankYouPageShowsNothingOfTheProposal()
    {
        var client = app.Browser();
        var response = await client.ProposeAsync(Propose.Form("Secret Sam"));
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("Thank you", page.QuerySelector("h1")!.TextContent);
        var text = page.Body!.TextContent;
        Assert.DoesNotContain("Secret Sam", text);
        Assert.DoesNotContain("Pat Proposer", text);
        Assert.DoesNotContain("regional Python conference", text);
        Assert.Equal(1, await CountAsync("Secret Sam"));
    }

    [Theory]
    [InlineData("Input.RecipientName", "", "Enter the name of the person or group you propose.")]
    [InlineData("Input.RecipientName", "201", "Keep the name to 200 characters.")]
    [InlineData("Input.RecipientEmail", "not-an-email", "Enter an email address like name@example.org, or leave it empty.")]
    [InlineData("Input.ProposerName", "", "Enter your name.")]
    [InlineData("Input.ProposerEmail", "", "Enter your email address, so the Board can reach you.")]
    [InlineData("Input.ProposerEmail", "pat@", "Enter an email address like name@example.org.")]
    [InlineData("Input.Reasons", "", "Tell the Board why they deserve the award.")]
    [InlineData("Input.Reasons", "Great person, truly great.", "Write at least 40 characters about what they have done (so far 26).")]
    [InlineData("Input.Reasons", "20001", "Keep the reasons to 20,000 characters (they have 20,001).")]
    [InlineData("Input.Year", "2025", "Choose 2026, 2027 or 2028.")]
    [InlineData("Input.Quarter", "5", "Choose a quarter, Q1 to Q4.")]
    public async Task BadFieldIsRefusedBesideItAndNothingIsSaved(string field, string value, string message)
    {
        app.Clock.Now = DateTimeOffset.Parse("2027-05-20T15:00:00-04:00");
        var recipient = $"Refused {field} {value.Length}";
        if (int.TryParse(value, out var length) && field is "Input.RecipientName" or "Input.Reasons") value = new string('x', length);
        var form = Propose.Form(recipient).With(field, value);
        var outbox = await app.WithDbAsync(db => db.Outbox.CountAsync());

        var response = await app.Browser().ProposeAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.ReadPageAsync()).FieldError(field));
        Assert.Equal(0, await app.WithDbAsync(db => db.ServiceAwards.CountAsync(a => a.RecipientName.StartsWith("Refused") || a.RecipientName == "")));
        Assert.Equal(outbox, await app.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task HoneypotAnswersLikeSuccessAndSavesNothing()
    {
        var outbox = await app.WithDbAsync(db => db.Outbox.CountAsync());
        var response = await app.Browser().ProposeAsync(Propose.Form("Robot Target").With("Input.Website2", "http://spam.example"));

        Assert.Equal("/ServiceAwards/Proposed", response.Headers.Location!.OriginalString);
        Assert.Equal(0, await CountAsync("Robot Target"));
        Assert.Equal(outbox, await app.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task StaffEnteringAProposalIsRecordedAndGoesBackToTheProposals()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        var form = await client.GetPageAsync("/ServiceAwards/Propose");
        Assert.Equal(("Sam Staff", "staff@records.local"),
            (form.QuerySelector("input[name='Input.ProposerName']")!.GetAttribute("value"), form.QuerySelector("input[name='Input.ProposerEmail']")!.GetAttribute("value")));

        var response = await client.ProposeAsync(Propose.Form("Entered Ellen").With("Input.ProposerName", "Letter Writer").With("Input.ProposerEmail", "letter@example.net"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ServiceAwards", response.Headers.Location!.OriginalString);
        var award = await app.WithDbAsync(db => db.ServiceAwards.Include(a => a.History).SingleAsync(a => a.RecipientName == "Entered Ellen"));
        Assert.Equal(("Sam Staff", "Letter Writer", "letter@example.net"), (award.EnteredBy, award.ProposerName, award.ProposerEmail));
        Assert.Equal("Sam Staff", Assert.Single(award.History).By);
    }

    [Fact]
    public async Task RecipientEmailOfAPersonInRecordsLinksThemButNeverAGroup()
    {
        var personId = await app.WithDbAsync(async db =>
        {
            var person = db.People.Add(new Person { Name = "Linked Lin", Email = "Lin@Example.org", CreatedAt = DateTime.UtcNow }).Entity;
            await db.SaveChangesAsync();
            return person.Id;
        });
        var client = app.Browser();

        await client.ProposeAsync(Propose.Form("Linked Lin").With("Input.RecipientEmail", "lin@example.ORG"));
        await client.ProposeAsync(Propose.Form("Lin's Group").With("Input.RecipientEmail", "lin@example.org").With("Input.RecipientIsGroup", "true"));
        await client.ProposeAsync(Propose.Form("Unknown Uma").With("Input.RecipientEmail", "uma@example.org"));

        var links = await app.WithDbAsync(db => db.ServiceAwards.Where(a => a.RecipientName == "Linked Lin" || a.RecipientName == "Lin's Group" || a.RecipientName == "Unknown Uma")
            .OrderBy(a => a.RecipientName).Select(a => a.RecipientPersonId).ToListAsync());
        Assert.Equal([null, personId, null], links);
    }
}
