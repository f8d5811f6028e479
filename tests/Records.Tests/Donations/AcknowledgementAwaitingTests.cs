using Records.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Tests.Mail;

namespace Records.Tests.Donations;

/// <summary>The gifts awaiting an acknowledgement, asked of a real migrated SQLite file, are the ones the rule says need one.</summary>
public class AcknowledgementAwaitingTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task TheQueryTakesTheGiftsTheRuleSaysNeedAnAcknowledgementAndNotYetThanked()
    {
        var database = await databases.CreateDatabaseAsync();
        await using var db = database.Open();
        Donation Gift(long minor, string currency, DateOnly? acknowledged = null) =>
            new() { AmountMinor = minor, Currency = currency, ReceivedOn = new DateOnly(2026, 3, 1), IsAnonymous = true, AcknowledgedOn = acknowledged, Notes = $"{minor} {currency}" };
        db.Donations.AddRange(Gift(250_00, "USD"), Gift(249_99, "USD"), Gift(900_00, "EUR"), Gift(300_00, "USD", new DateOnly(2026, 3, 2)), Gift(1_000_00, "USD"));
        await db.SaveChangesAsync();

        var awaiting = await Acknowledgement.Awaiting(db.Donations, 250_00, "usd").OrderBy(d => d.AmountMinor).Select(d => d.Notes).ToListAsync();

        Assert.Equal(["25000 USD", "100000 USD"], awaiting);
        var all = await db.Donations.AsNoTracking().ToListAsync();
        Assert.Equal(all.Where(d => d.AcknowledgedOn is null && Acknowledgement.IsNeeded(d.AmountMinor, d.Currency, 250_00, "usd")).Select(d => d.Notes).Order(), awaiting.Order());
    }
}
