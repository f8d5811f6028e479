using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.GiftData;

namespace Records.Tests.Donations;

/// <summary>Entering and correcting a gift by hand over HTTP: each kind of donor, the one-time form key, the version check.</summary>
public class DonationEditTests(DonationEditTests.App app) : IClassFixture<DonationEditTests.App>
{
    public sealed class App : RecordsApp
    {
        public int Person, Sponsor, Campaign;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Person = await PersonAsync(this, "Edith Existing", "edith@example.org");
            Sponsor = await SponsorAsync(this, "Edit Corp");
            Campaign = await CampaignAsync(this, "Edit Appeal");
        }
    }

    private Dictionary<string, string> Fields(params (string Key, string Value)[] changes) => GiftFields(app.Campaign, changes);

    private Task<int> CountAsync() => app.WithDbAsync(db => db.Donations.CountAsync());

    [Fact]
    public async Task AGiftFromAPersonPickedByEmailIsSavedWithEveryFieldAndTheLedgerSaysSo()
    {
        var client = await AsAsync(app, "Staff");

        var response = await client.SubmitAsync("/Donations/Edit", Fields(("Input.TransactionId", "ch_new_1"), ("Input.IsRecurring", "true"),
            ("Input.QuidProQuo", "40"), ("Input.Notes", "Met at the sprint")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Donations", response.Headers.Location!.OriginalString);
        var saved = await app.WithDbAsync(db => db.Donations.AsNoTracking().SingleAsync(d => d.TransactionId == "ch_new_1"));
        Assert.Equal((app.Person, 250_00L, 7_55L, 40_00L, "USD", new DateOnly(2025, 6, 1), DonationChannel.Card, (int?)app.Campaign, true, "Met at the sprint", false),
            (saved.PersonId!.Value, saved.AmountMinor, saved.FeeMinor, saved.QuidProQuoMinor, saved.Currency, saved.ReceivedOn, saved.Channel, saved.CampaignId,
                saved.IsRecurring, saved.Notes, saved.IsAnonymous));
        var ledger = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Saved the gift of $250.00", ledger.QuerySelector(".flash")!.TextContent);
    }

    [Fact]
    public async Task AFeeIsReadInTheGiftsCurrencyAndDecimalsItCannotHoldAreRefusedBesideTheField()
    {
        var client = await AsAsync(app, "Staff");
        var before = await CountAsync();

        var yen = await client.SubmitAsync("/Donations/Edit", Fields(("Input.Amount", "5000"), ("Input.Currency", "JPY"), ("Input.Fee", "3.20"), ("Input.TransactionId", "fx_jpy_bad")));
        Assert.Equal(HttpStatusCode.BadRequest, yen.StatusCode);
        Assert.Equal("JPY has no minor unit: write 3 or 4, not 3.20.", (await yen.ReadPageAsync()).FieldError("Input.Fee"));
        var benefit = await client.SubmitAsync("/Donations/Edit", Fields(("Input.Amount", "5000"), ("Input.Currency", "JPY"), ("Input.Fee", "3"), ("Input.QuidProQuo", "50.5")));
        Assert.Equal("JPY has no minor unit: write 50 or 51, not 50.5.", (await benefit.ReadPageAsync()).FieldError("Input.QuidProQuo"));
        var huge = await client.SubmitAsync("/Donations/Edit", Fields(("Input.Amount", "12345678901234567890123456789"), ("Input.Fee", "1")));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal("“12345678901234567890123456789” has more digits than any amount Records keeps: check it.", (await huge.ReadPageAsync()).FieldError("Input.Amount"));
        Assert.Equal(before, await CountAsync());

        await client.SubmitAsync("/Donations/Edit", Fields(("Input.Amount", "5000"), ("Input.Currency", "JPY"), ("Input.Fee", "3"), ("Input.TransactionId", "fx_jpy")));
        await client.SubmitAsync("/Donations/Edit", Fields(("Input.Amount", "250"), ("Input.Currency", "USD"), ("Input.Fee", "3.20"), ("Input.TransactionId", "fx_usd")));
        await client.SubmitAsync("/Donations/Edit", Fields(("Input.Amount", "100.500"), ("Input.Currency", "KWD"), ("Input.Fee", "0.125"), ("Input.QuidProQuo", "10.250"), ("Input.TransactionId", "fx_kwd")));

        var saved = await app.WithDbAsync(db => db.Donations.AsNoTracking().Where(d => d.TransactionId!.StartsWith("fx_")).OrderBy(d => d.TransactionId)
            .Select(d => new { d.TransactionId, d.Currency, d.AmountMinor, d.FeeMinor, d.QuidProQuoMinor }).ToListAsync());
        Assert.Equal([("fx_jpy", "JPY", 5000L, 3L, 0L), ("fx_kwd", "KWD", 100_500L, 125L, 10_250L), ("fx_usd", "USD", 250_00L, 320L, 0L)],
            saved.Select(d => (d.TransactionId!, d.Currency, d.AmountMinor, d.FeeMinor, d.QuidProQuoMinor)));
        var edit = await client.GetPageAsync($"/Donations/Edit/{await app.WithDbAsync(db => db.Donations.Where(d => d.TransactionId == "fx_kwd").Select(d => d.Id).SingleAsync())}");
        Assert.Equal(("100.500", "0.125"), (((AngleSharp.Html.Dom.IHtmlInputElement)edit.QuerySelector("[name='Input.Amount']")!).Value,
            ((AngleSharp.Html.Dom.IHtmlInputElement)edit.QuerySelector("[name='Input.Fee']")!).Value));
    }

    [Fact]
    public async Task ANewPersonAnOrganisationAndAnAnonymousGiftAreEachRecorded()
    {
        var client = await AsAsync(app, "Staff");

        await client.SubmitAsync("/Donations/Edit", Fields(("Input.DonorKind", "new-person"), ("Input.NewName", "Nora Newcomer"), ("Input.NewEmail", "nora@example.org"), ("Input.TransactionId", "kind_1")));
        await client.SubmitAsync("/Donations/Edit", Fields(("Input.DonorKind", "organisation"), ("Input.SponsorId", app.Sponsor.ToString()), ("Input.TransactionId", "kind_2")));
        await client.SubmitAsync("/Donations/Edit", Fields(("Input.DonorKind", "anonymous"), ("Input.TransactionId", "kind_3")));

        var gifts = await app.WithDbAsync(db => db.Donations.AsNoTracking().Where(d => d.TransactionId!.StartsWith("kind_")).OrderBy(d => d.TransactionId)
            .Select(d => new { Person = d.Person != null ? d.Person.Name + " " + d.Person.Email : null, d.OrganisationId, d.IsAnonymous }).ToListAsync());
        Assert.Equal(3, gifts.Count);
        Assert.Equal(("Nora Newcomer nora@example.org", (int?)null, false), (gifts[0].Person, gifts[0].OrganisationId, gifts[0].IsAnonymous));
        Assert.Equal((null, (int?)app.Sponsor, false), (gifts[1].Person, gifts[1].OrganisationId, gifts[1].IsAnonymous));
        Assert.Equal((null, (int?)null, true), (gifts[2].Person, gifts[2].OrganisationId, gifts[2].IsAnonymous));
    }

    [Fact]
    public async Task APersonPickedFromTheSuggestionsIsFoundByTheirId()
    {
        var client = await AsAsync(app, "Staff");
        var suggestions = await client.GetStringAsync("/Donations/Edit?handler=People&q=edith");
        Assert.Contains($"Edith Existing \\u003Cedith@example.org\\u003E #{app.Person}", suggestions);

        var response = await client.SubmitAsync("/Donations/Edit", Fields(("Input.Person", $"Edith Existing <edith@example.org> #{app.Person}"), ("Input.TransactionId", "picked_1")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(app.Person, await app.WithDbAsync(db => db.Donations.Where(d => d.TransactionId == "picked_1").Select(d => d.PersonId!.Value).SingleAsync()));
    }

    [Fact]
    public async Task AFormPostedTwiceSavesOneGift()
    {
        var client = await AsAsync(app, "Staff");
        var form = await client.GetPageAsync("/Donations/Edit");
        var fields = Fields(("Input.Notes", "double-post"));

        var first = await client.SubmitFormAsync(form, "/Donations/Edit", fields);
        var second = await client.SubmitFormAsync(form, "/Donations/Edit", fields);
        var both = await Task.WhenAll(client.SubmitFormAsync(form, "/Donations/Edit", fields), client.SubmitFormAsync(form, "/Donations/Edit", fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Donations.CountAsync(d => d.Notes == "double-post")));
        var fresh = await client.SubmitAsync("/Donations/Edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Donations.CountAsync(d => d.Notes == "double-post")));
    }

    [Fact]
    public async Task AFormPostedAgainAfterItSavedFindsItsGiftByTheKeyInTheDatabase()
    {
        var client = await AsAsync(app, "Staff");
        var form = await client.GetPageAsync("/Donations/Edit");
        var key = Guid.Parse(form.QuerySelector("[name='Input.SubmissionKey']")!.GetAttribute("value")!);
        var fields = Fields(("Input.Notes", "posted-after-restart"));

        var first = await client.SubmitFormAsync(form, "/Donations/Edit", fields);
        var again = await client.SubmitFormAsync(form, "/Donations/Edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Donations.CountAsync(d => d.Notes == "posted-after-restart")));
        Assert.Equal(key, await app.WithDbAsync(db => db.Donations.Where(d => d.Notes == "posted-after-restart").Select(d => d.SubmissionKey).SingleAsync()));
        var ledger = await client.GetPageAsync(again.Headers.Location!.OriginalString);
        Assert.Contains("was already saved", ledger.QuerySelector(".flash")!.TextContent);
    }

    [Fact]
    public async Task AnEditKeepsTheFormsValuesAndAStaleEditGetsA409()
    {
        var id = await GiftAsync(app, 12_345_67, new DateOnly(2024, 2, 29), app.Person, more: d => { d.FeeMinor = 1_00; d.TransactionId = "edit_me"; });
        var client = await AsAsync(app, "Staff");
        var page = await client.GetPageAsync($"/Donations/Edit/{id}");
        Assert.Equal("12,345.67", page.QuerySelector("[name='Input.Amount']")!.GetAttribute("value"));
        Assert.Equal("2024-02-29", page.QuerySelector("[name='Input.ReceivedOn']")!.GetAttribute("value"));

        var saved = await client.SubmitFormAsync(page, $"/Donations/Edit/{id}", Fields(("Input.Amount", "12,000"), ("Input.TransactionId", "edit_me"), ("Input.Person", page.QuerySelector("[name='Input.Person']")!.GetAttribute("value")!)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(12_000_00, await app.WithDbAsync(db => db.Donations.Where(d => d.Id == id).Select(d => d.AmountMinor).SingleAsync()));

        var stale = await client.SubmitFormAsync(page, $"/Donations/Edit/{id}", Fields(("Input.Amount", "300"), ("Input.TransactionId", "edit_me")));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this gift", (await stale.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(12_000_00, await app.WithDbAsync(db => db.Donations.Where(d => d.Id == id).Select(d => d.AmountMinor).SingleAsync()));
    }

    [Fact]
    public async Task AnAnonymousGiftKeepsItsRecordedDonorWhenCorrected()
    {
        var id = await GiftAsync(app, 50_00, new DateOnly(2024, 5, 1), app.Person, more: d => d.IsAnonymous = true);
        var client = await AsAsync(app, "Staff");
        var page = await client.GetPageAsync($"/Donations/Edit/{id}");
        Assert.DoesNotContain("Edith", page.QuerySelector("[name='Input.Person']")!.GetAttribute("value") ?? "");

        var response = await client.SubmitFormAsync(page, $"/Donations/Edit/{id}", Fields(("Input.DonorKind", "anonymous"), ("Input.Amount", "55")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var gift = await app.WithDbAsync(db => db.Donations.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal((true, (int?)app.Person, 55_00L), (gift.IsAnonymous, gift.PersonId, gift.AmountMinor));
    }
}
