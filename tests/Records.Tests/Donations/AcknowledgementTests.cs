using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.GiftData;

namespace Records.Tests.Donations;

/// <summary>The acknowledgements list reads its threshold from settings (here €100), and thank-you letters go out only to donors with an address.</summary>
public class AcknowledgementTests(AcknowledgementTests.App app) : IClassFixture<AcknowledgementTests.App>
{
    public sealed class App : RecordsApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Records:Donations:AcknowledgementThresholdMinor"] = "10000", ["Records:Donations:AcknowledgementCurrency"] = "EUR",
            ["Records:FoundationName"] = "Test Software Foundation",
        };

        public int Ada, NoMail, Sponsor, Gala;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Ada = await PersonAsync(this, "Ada Thanked", "ada.thanked@example.org");
            NoMail = await PersonAsync(this, "Noah Nomail");
            Sponsor = await SponsorAsync(this, "Thanked Corp", "Olga Contact", "olga@thanked.example");
            Gala = await CampaignAsync(this, "Gala Appeal", "EUR");
        }
    }

    private DateOnly FoundationToday => app.Today;

    private Task<DateOnly?> AcknowledgedOnAsync(int id) => app.WithDbAsync(db => db.Donations.Where(d => d.Id == id).Select(d => d.AcknowledgedOn).SingleAsync());

    private Task<List<Records.Core.Mail.OutboxMessage>> MailToAsync(string address) =>
        app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.To.Contains(address)).ToListAsync());

    [Fact]
    public async Task TheListHoldsUnacknowledgedGiftsFromTheThresholdInSettingsOldestFirst()
    {
        var older = await GiftAsync(app, 100_00, new DateOnly(2001, 1, 2), app.Ada, currency: "EUR");
        var oldest = await GiftAsync(app, 5_000_00, new DateOnly(2001, 1, 1), app.NoMail, currency: "EUR");
        var below = await GiftAsync(app, 99_99, new DateOnly(2001, 1, 1), app.Ada, currency: "EUR");
        var dollars = await GiftAsync(app, 5_000_00, new DateOnly(2001, 1, 1), app.Ada, currency: "USD");
        var done = await GiftAsync(app, 5_000_00, new DateOnly(2001, 1, 1), app.Ada, currency: "EUR", more: d => d.AcknowledgedOn = new DateOnly(2001, 2, 1));

        var page = await (await AsAsync(app, "Board")).GetPageAsync("/Donations/Acknowledgements");

        var ids = page.QuerySelectorAll("[data-acknowledgements] tr[data-donation]").Select(r => int.Parse(r.GetAttribute("data-donation")!)).ToList();
        Assert.True(ids.IndexOf(oldest) >= 0 && ids.IndexOf(oldest) < ids.IndexOf(older));
        Assert.DoesNotContain(below, ids);
        Assert.DoesNotContain(dollars, ids);
        Assert.DoesNotContain(done, ids);
        Assert.Contains("€100 or more", page.QuerySelector("[data-threshold]")!.TextContent);
    }

    [Fact]
    public async Task SendingAThankYouQueuesTheLetterWithTheBenefitStatedAndMarksTheGiftInTheSameSave()
    {
        var id = await GiftAsync(app, 500_00, new DateOnly(2024, 2, 1), app.Ada, currency: "EUR", more: d => { d.QuidProQuoMinor = 120_00; d.CampaignId = app.Gala; });
        var client = await AsAsync(app, "Staff");

        var response = await client.SubmitAsync("/Donations/Acknowledgements", new Dictionary<string, string>(), action: $"/Donations/Acknowledgements?handler=Send&id={id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FoundationToday, await AcknowledgedOnAsync(id));
        var letter = Assert.Single(await MailToAsync("ada.thanked@example.org"), m => m.BodyText.Contains("€500.00"));
        Assert.Equal("Thank you for your gift to the Test Software Foundation", letter.Subject);
        Assert.Contains("Dear Ada Thanked,", letter.BodyText);
        Assert.Contains("Thank you for your gift of €500.00, received on Feb 1, 2024 towards Gala Appeal.", letter.BodyText);
        Assert.Contains("You received goods or services valued at €120.00 in return; the deductible part of your gift is €380.00.", letter.BodyText);
        Assert.Contains("Queued 1 thank-you letter", (await client.GetPageAsync("/Donations/Acknowledgements")).QuerySelector(".flash")!.TextContent);
    }

    [Fact]
    public async Task AGiftWithNothingInReturnSaysSoInTheLetter()
    {
        var id = await GiftAsync(app, 150_00, new DateOnly(2024, 3, 1), sponsorId: app.Sponsor, currency: "EUR");

        await (await AsAsync(app, "Staff")).SubmitAsync("/Donations/Acknowledgements", new Dictionary<string, string>(), action: $"/Donations/Acknowledgements?handler=Send&id={id}");

        var letter = Assert.Single(await MailToAsync("olga@thanked.example"), m => m.BodyText.Contains("€150.00"));
        Assert.Contains("Dear Olga Contact,", letter.BodyText);
        Assert.Contains("No goods or services were provided in exchange for this gift.", letter.BodyText);
        Assert.DoesNotContain("deductible", letter.BodyText);
    }

    [Fact]
    public async Task NoLetterGoesToADonorWithoutAnEmailOrForAnAnonymousGiftAndTheyStayUnmarked()
    {
        var noMail = await GiftAsync(app, 200_00, new DateOnly(2024, 4, 1), app.NoMail, currency: "EUR");
        var anonymous = await GiftAsync(app, 300_00, new DateOnly(2024, 4, 2), app.Ada, currency: "EUR", more: d => d.IsAnonymous = true);
        var client = await AsAsync(app, "Staff");
        var outbox = await app.WithDbAsync(db => db.Outbox.CountAsync());
        var page = await client.GetPageAsync("/Donations/Acknowledgements");
        Assert.Null(page.QuerySelector($"tr[data-donation='{noMail}'] [data-send]"));
        Assert.Contains("no email", page.QuerySelector($"tr[data-donation='{noMail}'] [data-cannot-send]")!.TextContent);
        Assert.DoesNotContain("ada.thanked", page.QuerySelector($"tr[data-donation='{anonymous}']")!.TextContent);

        foreach (var (id, why) in new[] { (noMail, "No email address recorded"), (anonymous, "Anonymous gift") })
        {
            var response = await client.SubmitAsync("/Donations/Acknowledgements", new Dictionary<string, string>(), action: $"/Donations/Acknowledgements?handler=Send&id={id}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(why, (await response.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent);
            Assert.Null(await AcknowledgedOnAsync(id));
        }
        var both = await client.SubmitAsync("/Donations/Acknowledgements", new Dictionary<string, string> { ["Input.Ids"] = Forms.Many(noMail.ToString(), anonymous.ToString()) },
            action: "/Donations/Acknowledgements?handler=Send");
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("Noah Nomail's gift of €200.00 received Apr 1, 2024; the anonymous gift of €300.00", (await both.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(outbox, await app.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task MarkingAcknowledgedSetsTodayInTheFoundationsZoneAndSendsNothing()
    {
        var id = await GiftAsync(app, 400_00, new DateOnly(2024, 5, 1), app.Ada, currency: "EUR");
        var outbox = await app.WithDbAsync(db => db.Outbox.CountAsync());

        var response = await (await AsAsync(app, "Staff")).SubmitAsync("/Donations/Acknowledgements", new Dictionary<string, string>(), action: $"/Donations/Acknowledgements?handler=Mark&id={id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FoundationToday, await AcknowledgedOnAsync(id));
        Assert.Equal(outbox, await app.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task TickedGiftsAreSentInBulkAndTheOnesWithoutAnAddressAreNamedAndLeftUnmarked()
    {
        var toOrg = await GiftAsync(app, 700_00, new DateOnly(2024, 6, 1), sponsorId: app.Sponsor, currency: "EUR");
        var toNobody = await GiftAsync(app, 800_00, new DateOnly(2024, 6, 2), app.NoMail, currency: "EUR");
        var client = await AsAsync(app, "Staff");

        var response = await client.SubmitAsync("/Donations/Acknowledgements", new Dictionary<string, string> { ["Input.Ids"] = Forms.Many(toOrg.ToString(), toNobody.ToString()) },
            action: "/Donations/Acknowledgements?handler=Send");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FoundationToday, await AcknowledgedOnAsync(toOrg));
        Assert.Null(await AcknowledgedOnAsync(toNobody));
        Assert.Single(await MailToAsync("olga@thanked.example"), m => m.BodyText.Contains("€700.00"));
        var after = await client.GetPageAsync("/Donations/Acknowledgements");
        Assert.Contains("Noah Nomail's gift of €800.00", after.QuerySelector(".flash.error")!.TextContent);
    }

    [Fact]
    public async Task TickedGiftsAreMarkedInBulkAndNothingTickedIsRefused()
    {
        var a = await GiftAsync(app, 101_00, new DateOnly(2024, 7, 1), app.Ada, currency: "EUR");
        var b = await GiftAsync(app, 102_00, new DateOnly(2024, 7, 2), app.NoMail, currency: "EUR");
        var client = await AsAsync(app, "Staff");

        var nothing = await client.SubmitAsync("/Donations/Acknowledgements", new Dictionary<string, string>(), action: "/Donations/Acknowledgements?handler=Mark");
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Contains("Tick the gifts", (await nothing.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent);

        var marked = await client.SubmitAsync("/Donations/Acknowledgements", new Dictionary<string, string> { ["Input.Ids"] = Forms.Many(a.ToString(), b.ToString()) });
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal(FoundationToday, await AcknowledgedOnAsync(a));
        Assert.Equal(FoundationToday, await AcknowledgedOnAsync(b));
    }

    [Fact]
    public async Task TheStaffHomeCountsFromTheSettingAndLinksToTheList()
    {
        await GiftAsync(app, 100_00, new DateOnly(2024, 8, 1), app.Ada, currency: "EUR");
        var pending = await app.WithDbAsync(db => db.Donations.CountAsync(d => d.AcknowledgedOn == null && d.Currency == "EUR" && d.AmountMinor >= 100_00));

        var home = await (await AsAsync(app, "Staff")).GetPageAsync("/");

        var link = home.QuerySelector("a[data-acknowledgements]")!;
        Assert.Equal("/Donations/Acknowledgements", link.GetAttribute("href"));
        Assert.Equal(pending.ToString(), link.QuerySelector(".figure")!.TextContent);
        Assert.Contains("of €100 or more", link.TextContent);
    }

    [Fact]
    public async Task TheListIssuesTheSameQueriesForFewGiftsOrMany()
    {
        var client = await AsAsync(app, "Staff");
        // Dated after every other test's gifts, so these sixty never push theirs off the first page.
        await GiftAsync(app, 100_00, new DateOnly(2100, 1, 1), app.Ada, currency: "EUR");
        var (_, few) = await app.Sql.GetAsync(client, "/Donations/Acknowledgements");
        for (var i = 0; i < 60; i++) await GiftAsync(app, 100_00 + i, new DateOnly(2100, 2, 1).AddDays(i), i % 3 == 2 ? app.Ada : null, i % 3 == 1 ? app.Sponsor : null, "EUR");

        var (response, many) = await app.Sql.GetAsync(client, "/Donations/Acknowledgements");

        Assert.Equal(50, (await response.ReadPageAsync()).QuerySelectorAll("tr[data-donation]").Length);
        Assert.Equal(few.Count, many.Count);
    }
}
