using System.Net;
using Records.Core.Donations;
using Records.Core.People;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Donations;

/// <summary>People, sponsors, campaigns and gifts written straight to a test app's database.</summary>
public static class GiftData
{
    public static Task<int> PersonAsync(RecordsApp app, string name, string? email = null) => app.WithDbAsync(async db =>
    {
        var person = db.People.Add(new Person { Name = name, Email = email, CreatedAt = DateTime.UtcNow }).Entity;
        await db.SaveChangesAsync();
        return person.Id;
    });

    public static Task<int> SponsorAsync(RecordsApp app, string name, string? contact = null, string? email = null) => app.WithDbAsync(async db =>
    {
        var sponsor = db.Sponsors.Add(new Sponsor { Name = name, PrimaryContactName = contact, PrimaryContactEmail = email, CreatedAt = DateTime.UtcNow }).Entity;
        await db.SaveChangesAsync();
        return sponsor.Id;
    });

    public static Task<int> CampaignAsync(RecordsApp app, string name, string currency = "USD", long? goalMinor = null, DateOnly? starts = null, DateOnly? ends = null) =>
        app.WithDbAsync(async db =>
        {
            var campaign = db.Campaigns.Add(new Campaign { Name = name, Currency = currency, GoalMinor = goalMinor, StartsOn = starts, EndsOn = ends }).Entity;
            await db.SaveChangesAsync();
            return campaign.Id;
        });

    public static Task<int> GiftAsync(RecordsApp app, long amountMinor, DateOnly on, int? personId = null, int? sponsorId = null, string currency = "USD",
        Action<Donation>? more = null) => app.WithDbAsync(async db =>
    {
        var donation = new Donation
        {
            PersonId = personId, OrganisationId = sponsorId, IsAnonymous = personId is null && sponsorId is null, AmountMinor = amountMinor, Currency = currency,
            ReceivedOn = on, Channel = DonationChannel.Card,
        };
        more?.Invoke(donation);
        db.Donations.Add(donation);
        await db.SaveChangesAsync();
        return donation.Id;
    });

    /// <summary>A valid new gift from Edith (edith@example.org) as the form posts it, with the given fields changed.</summary>
    public static Dictionary<string, string> GiftFields(int campaign, params (string Key, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.DonorKind"] = "person", ["Input.Person"] = "Edith@Example.org", ["Input.Amount"] = "250.00", ["Input.Currency"] = "USD",
            ["Input.ReceivedOn"] = "2025-06-01", ["Input.Channel"] = "Card", ["Input.CampaignId"] = campaign.ToString(), ["Input.Fee"] = "7.55",
            ["Input.TransactionId"] = "", ["Input.QuidProQuo"] = "", ["Input.Notes"] = "",
        };
        foreach (var (key, value) in changes) fields[key] = value;
        return fields;
    }

    public static async Task<HttpClient> AsAsync(RecordsApp app, string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        return client;
    }

    /// <summary>The antiforgery token of the sign-out form, which every signed-in page has: a real token for posts a role may not make.</summary>
    public static async Task<string> TokenAsync(HttpClient client) =>
        (await client.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    public static async Task<HttpStatusCode> PostWithTokenAsync(HttpClient client, string url, IDictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = await TokenAsync(client) };
        return (await client.PostAsync(url, new FormUrlEncodedContent(values))).StatusCode;
    }
}
