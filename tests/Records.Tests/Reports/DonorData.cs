using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Core.People;
using Records.Tests.Infrastructure;
using Records.Tests.Pdf;

namespace Records.Tests.Reports;

/// <summary>Gifts written straight to a test database, once per app: Łukasz gave three times in 1974 (one with a ticket, one in euros) and once in 1973; Quentin once, in 1972.</summary>
public static class DonorData
{
    public sealed record Gifts(int PersonId, int WithTicket, int Plain, int Anonymous, int Organisation, int QuietPersonId);

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RecordsApp, Gifts> Seeded = new();

    public static async Task<Gifts> SeedAsync(RecordsApp app)
    {
        await Once.WaitAsync();
        try
        {
            if (Seeded.TryGetValue(app, out var done)) return done;
            var seeded = await app.WithDbAsync(async db =>
            {
                var langa = new Person { Name = "Łukasz Langa", Email = "lukasz@example.org" };
                var quiet = new Person { Name = "Quiet Quentin" };
                var drive = new Campaign { Name = "1974 spring drive", Currency = "USD" };
                var ticket = new Donation { Person = langa, AmountMinor = 300_00, QuidProQuoMinor = 75_00, Currency = "USD", ReceivedOn = new(1974, 3, 3), Channel = DonationChannel.ConvertedRegistration, Campaign = drive };
                var plain = new Donation { Person = langa, AmountMinor = 50_25, Currency = "USD", ReceivedOn = new(1974, 6, 1), Channel = DonationChannel.PayPal };
                var anonymous = new Donation { IsAnonymous = true, AmountMinor = 1_000_00, Currency = "USD", ReceivedOn = new(1974, 6, 2), Channel = DonationChannel.Cheque };
                var organisation = new Donation { Organisation = new Records.Core.Sponsors.Sponsor { Name = "Ącme Łódź sp. z o.o.", PrimaryContactEmail = "office@acme.example" }, AmountMinor = 500_00, Currency = "EUR", ReceivedOn = new(1974, 7, 7), Channel = DonationChannel.BankTransfer };
                db.Donations.AddRange(ticket, plain, anonymous, organisation,
                    new Donation { Person = langa, AmountMinor = 20_00, QuidProQuoMinor = 5_00, Currency = "EUR", ReceivedOn = new(1974, 11, 11), Channel = DonationChannel.BankTransfer },
                    new Donation { Person = langa, AmountMinor = 10_00, Currency = "USD", ReceivedOn = new(1973, 12, 31), Channel = DonationChannel.Card },
                    new Donation { Person = langa, IsAnonymous = true, AmountMinor = 7_00, Currency = "USD", ReceivedOn = new(1974, 8, 8), Channel = DonationChannel.Card },
                    new Donation { Person = quiet, AmountMinor = 5_00, Currency = "USD", ReceivedOn = new(1972, 1, 1), Channel = DonationChannel.Card });
                await db.SaveChangesAsync();
                return new Gifts(langa.Id, ticket.Id, plain.Id, anonymous.Id, organisation.Id, quiet.Id);
            });
            Seeded.Add(app, seeded);
            return seeded;
        }
        finally
        {
            Once.Release();
        }
    }

    public static async Task<HttpClient> AsAsync(RecordsApp app, string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        return client;
    }

    public static string Text(byte[] pdf) => string.Join("\n", PdfLayoutTests.PageTexts(pdf));

    public static async Task<string> PdfTextAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 1500)]}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return Text(body);
    }
}
