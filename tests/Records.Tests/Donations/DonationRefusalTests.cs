using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.GiftData;

namespace Records.Tests.Donations;

/// <summary>Every bad gift is refused beside its field with a 400, and nothing is saved; a duplicate transaction id is caught before saving.</summary>
public class DonationRefusalTests(DonationRefusalTests.App app) : IClassFixture<DonationRefusalTests.App>
{
    public sealed class App : RecordsApp
    {
        public int Person, Campaign;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Person = await PersonAsync(this, "Edith Existing", "edith@example.org");
            Campaign = await CampaignAsync(this, "Edit Appeal");
            await GiftAsync(this, 100_00, new DateOnly(2025, 1, 5), Person, more: d => { d.TransactionId = "taken_1"; d.Channel = DonationChannel.PayPal; });
        }
    }

    private string FoundationToday => app.Today
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Dictionary<string, string> Fields(params (string Key, string Value)[] changes) => GiftFields(app.Campaign, changes);

    private Task<int> CountAsync() => app.WithDbAsync(db => db.Donations.CountAsync());

    public static TheoryData<string, string, string, string> BadInputs() => new()
    {
        { "Input.Amount", "", "Input.Amount", "Enter the amount." },
        { "Input.Amount", "-5", "Input.Amount", "more than zero" },
        { "Input.Amount", "0", "Input.Amount", "more than zero" },
        { "Input.Amount", "ten", "Input.Amount", "“ten” is not an amount: write it in USD like 250 or 99.50." },
        { "Input.Amount", "10000000.01", "Input.Amount", "check the amount" },
        { "Input.Amount", "99999999999", "Input.Amount", "is more than any amount Records keeps" },
        { "Input.Currency", "USS", "Input.Currency", "ISO 4217" },
        { "Input.Currency", "", "Input.Currency", "ISO 4217" },
        { "Input.DonorKind", "", "Input.DonorKind", "Choose who gave the gift." },
        { "Input.Channel", "", "Input.Channel", "Choose how the gift came in." },
        { "Input.ReceivedOn", "", "Input.ReceivedOn", "Enter the date the gift was received." },
        { "Input.CampaignId", "abc", "Input.CampaignId", "" },
        { "Input.ReceivedOn", "2025-13-40", "Input.ReceivedOn", "Enter a date like" },
        { "Input.ReceivedOn", "2999-01-01", "Input.ReceivedOn", "cannot be after today" },
        { "Input.Channel", "Bitcoin", "Input.Channel", "Choose how the gift came in." },
        { "Input.Channel", "7", "Input.Channel", "Choose how the gift came in." },
        { "Input.CampaignId", "99999", "Input.CampaignId", "Choose a campaign from the list." },
        { "Input.Fee", "250.01", "Input.Fee", "more than the amount" },
        { "Input.Fee", "-1", "Input.Fee", "negative" },
        { "Input.QuidProQuo", "300", "Input.QuidProQuo", "more than the amount" },
        { "Input.Person", "Nobody At All", "Input.Person", "No one in Records matches" },
        { "Input.DonorKind", "martian", "Input.DonorKind", "Choose who gave the gift." },
        { "Input.Notes", new string('n', 4001), "Input.Notes", "under 4,000" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInputIsRefusedBesideItsFieldWithA400AndNothingIsSaved(string field, string value, string errorField, string message)
    {
        var client = await AsAsync(app, "Staff");
        var before = await CountAsync();

        var response = await client.SubmitAsync("/Donations/Edit", Fields((field, value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ReadPageAsync()).FieldError(errorField));
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("new-person", "Input.NewName", "Enter the new donor's name.")]
    [InlineData("organisation", "Input.SponsorId", "Choose the organisation.")]
    public async Task EachDonorKindNeedsItsOwnField(string kind, string errorField, string message)
    {
        var response = await (await AsAsync(app, "Staff")).SubmitAsync("/Donations/Edit", Fields(("Input.DonorKind", kind)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.ReadPageAsync()).FieldError(errorField));
    }

    [Fact]
    public async Task ANewPersonWithTheEmailOfSomeoneInRecordsIsRefused()
    {
        var before = await app.WithDbAsync(db => db.People.CountAsync());

        var response = await (await AsAsync(app, "Staff")).SubmitAsync("/Donations/Edit",
            Fields(("Input.DonorKind", "new-person"), ("Input.NewName", "Edith Again"), ("Input.NewEmail", "EDITH@example.org")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("already has this email", (await response.ReadPageAsync()).FieldError("Input.NewEmail"));
        Assert.Equal(before, await app.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task TodayInTheFoundationsTimeZoneIsAccepted()
    {
        var response = await (await AsAsync(app, "Staff")).SubmitAsync("/Donations/Edit", Fields(("Input.ReceivedOn", FoundationToday), ("Input.TransactionId", "today_1")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tomorrow = DateOnly.ParseExact(FoundationToday, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var refused = await (await AsAsync(app, "Staff")).SubmitAsync("/Donations/Edit", Fields(("Input.ReceivedOn", tomorrow)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task ADuplicateTransactionIdOnTheSameChannelIsRefusedBesideTheFieldButAnotherChannelMayReuseIt()
    {
        var client = await AsAsync(app, "Staff");
        var before = await CountAsync();

        var duplicate = await client.SubmitAsync("/Donations/Edit", Fields(("Input.Channel", "PayPal"), ("Input.TransactionId", " taken_1 ")));

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("already has this transaction id", (await duplicate.ReadPageAsync()).FieldError("Input.TransactionId"));
        Assert.Equal(before, await CountAsync());
        var otherChannel = await client.SubmitAsync("/Donations/Edit", Fields(("Input.Channel", "Card"), ("Input.TransactionId", "taken_1")));
        Assert.Equal(HttpStatusCode.Redirect, otherChannel.StatusCode);
    }
}
