using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Records.Core.Accounts;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.LedgerData;

namespace Records.Tests.Donations;

/// <summary>The ledger keeps a filter's totals until a finance record changes, and never keeps a donor filter's.</summary>
public class LedgerTotalsCacheTests(LedgerApp app) : IClassFixture<LedgerApp>
{
    private VersionedCache Cache => app.Services.GetRequiredService<VersionedCache>();

    [Fact]
    public async Task AllTimeTotalsAreKeptUntilAGiftIsAddedAndThenShowIt()
    {
        var staff = app.Browser();
        await staff.LoginAsRoleAsync(Roles.Staff);
        Assert.Equal(TotalsOf(Gifts), TotalsShown(await staff.GetPageAsync("/Donations?from=&to=")));
        var computed = Cache.Computations;

        Assert.Equal(TotalsOf(Gifts), TotalsShown(await staff.GetPageAsync("/Donations?from=&to=")));
        Assert.Equal(computed, Cache.Computations);

        var added = new Gift("ch_new", "Bob Giver", "USD", 7_500, 100, DonationChannel.Card, null, new(2024, 6, 1), null);
        await app.WithDbAsync(async db =>
        {
            var bob = await db.People.SingleAsync(p => p.Name == "Bob Giver");
            db.Donations.Add(new Donation { PersonId = bob.Id, Currency = "USD", AmountMinor = added.Amount, FeeMinor = added.Fee, Channel = added.Channel, ReceivedOn = added.On, TransactionId = added.Tx });
            await db.SaveChangesAsync();
        });

        Assert.Equal(TotalsOf([.. Gifts, added]), TotalsShown(await staff.GetPageAsync("/Donations?from=&to=")));
        Assert.True(Cache.Computations > computed);
    }

    [Fact]
    public async Task ADonorFilterFollowsARenameAtOnce()
    {
        var staff = app.Browser();
        await staff.LoginAsRoleAsync(Roles.Staff);
        var ada = Gifts.Where(g => g.Donor == "Ada Donor").ToList();
        Assert.Equal(TotalsOf(ada), TotalsShown(await staff.GetPageAsync("/Donations?from=&to=&donor=Ada")));

        await app.WithDbAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Name == "Ada Donor")).Name = "Zelda Donor";
            await db.SaveChangesAsync();
        });

        Assert.Empty(TotalsShown(await staff.GetPageAsync("/Donations?from=&to=&donor=Ada")));
        Assert.Equal(TotalsOf(ada), TotalsShown(await staff.GetPageAsync("/Donations?from=&to=&donor=Zelda")));
    }
}
