using Records.Tests.Infrastructure;
using Records.Core.Accounts;
using Records.Tests.Mail;
using Records.Tests.Nominations;

namespace Records.Tests.Accounts;

public class RecipientsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task EachEnabledAccountHoldingTheRoleIsWrittenToOnceInAddressOrder()
    {
        var data = await NominationsDatabase.CreateAsync(fixture);
        await data.UserAsync("zed@example.org", [Roles.Board]);
        await data.UserAsync("amy@example.org", [Roles.Board, Roles.Staff]);
        await data.UserAsync("gone@example.org", [Roles.Board], disabled: true);
        await data.UserAsync("chair@example.org", [Roles.Chair, Roles.WorkGroup]);
        await data.UserAsync("member@example.org", [Roles.WorkGroup]);
        await data.UserAsync("staff@example.org", [Roles.Staff]);

        Assert.Equal(["amy@example.org", "zed@example.org"], await data.WithDbAsync(db => Recipients.WithRoleAsync(db, Roles.Board)));
        Assert.Equal(["amy@example.org", "staff@example.org"], await data.WithDbAsync(db => Recipients.WithRoleAsync(db, Roles.Staff)));
        Assert.Equal(["chair@example.org", "member@example.org"], await data.WithDbAsync(db => Recipients.WithRoleAsync(db, Recipients.WorkGroup)));
        Assert.Empty(await data.WithDbAsync(db => Recipients.WithRoleAsync(db, Roles.Admin)));
    }
}
