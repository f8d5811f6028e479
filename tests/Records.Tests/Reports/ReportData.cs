using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Core.People;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Reports;

/// <summary>Gifts and sponsorship payments in 1979 and 1980, far from the seed's records: one returning, one new and one lapsed donor.</summary>
public static class ReportData
{
    public static async Task SeedAsync(RecordsApp app)
    {
        await app.WithDbAsync(async db =>
        {
            if (await db.People.AnyAsync(p => p.Name == "Returning Rita")) return;
            var rita = new Person { Name = "Returning Rita" };
            var nina = new Person { Name = "New Nina" };
            var lars = new Person { Name = "Lapsed Lars" };
            var drive = new Campaign { Name = "1980 spring drive", Currency = "USD" };
            db.Donations.AddRange(
                new Donation { Person = rita, AmountMinor = 100_00, Currency = "USD", ReceivedOn = new(1979, 3, 1), Channel = DonationChannel.Card },
                new Donation { Person = lars, AmountMinor = 40_00, Currency = "USD", ReceivedOn = new(1979, 6, 1), Channel = DonationChannel.Cheque },
                new Donation { Person = rita, AmountMinor = 250_00, Currency = "USD", ReceivedOn = new(1980, 2, 10), Channel = DonationChannel.Card, Campaign = drive },
                new Donation { Person = nina, AmountMinor = 75_50, Currency = "USD", ReceivedOn = new(1980, 5, 5), Channel = DonationChannel.PayPal },
                new Donation { IsAnonymous = true, AmountMinor = 10_00, Currency = "EUR", ReceivedOn = new(1980, 5, 6), Channel = DonationChannel.BankTransfer });
            var program = await db.SponsorPrograms.FirstAsync();
            var gold = new SponsorPackage { ProgramId = program.Id, Name = "Gold 1980", Year = 1980, PriceMinor = 5_000_00, Currency = "USD", Rank = 1 };
            var sponsorship = new Sponsorship
            {
                Sponsor = new Sponsor { Name = "Acme Computing" }, ProgramId = program.Id, Package = gold, Currency = "USD", FeeMinor = 5_000_00,
                Status = SponsorshipStatus.Finalized, StartsOn = new(1980, 1, 1), EndsOn = new(1980, 12, 31),
                Payments = [new Payment { ReceivedOn = new(1980, 3, 3), AmountMinor = 3_000_00, Currency = "USD" }, new Payment { ReceivedOn = new(1980, 9, 9), AmountMinor = 2_000_00, Currency = "USD" }],
            };
            db.Sponsorships.Add(sponsorship);
            await db.SaveChangesAsync();
        });
    }

}
