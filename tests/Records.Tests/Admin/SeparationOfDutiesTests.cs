using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Mail;
using Records.Tests.Infrastructure;
using Records.Tests.Nominations;

namespace Records.Tests.Admin;

/// <summary>Admin manages accounts and mail; it reads the Work Group's and the Board's records only when it also holds their role.</summary>
public class SeparationOfDutiesTests(NominateApp app) : IClassFixture<NominateApp>
{
    private const string Password = "Separate-duties-2026!";

    private async Task<HttpClient> AsAsync(string email, params string[] roles)
    {
        if (!await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))) await app.CreateUserAsync(email, Password, roles);
        var client = app.Browser();
        await client.LoginAsync(email, Password);
        return client;
    }

    [Theory]
    [InlineData("/Donations")]
    [InlineData("/Sponsors")]
    [InlineData("/Posts")]
    [InlineData("/Reports/Financial")]
    [InlineData("/Reports/Budget")]
    [InlineData("/History/Nominations")]
    [InlineData("/Nominations")]
    [InlineData("/ServiceAwards")]
    [InlineData("/Reports/Quarter")]
    public async Task AnAdminAloneIsNotStaffBoardOrWorkGroup(string url)
    {
        var admin = await AsAsync("only.admin@example.org", Roles.Admin);

        var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnAdminAloneSeesThatNominationMailIsWaitingNotWhomItNames()
    {
        var visitor = app.Browser();
        var sent = await visitor.SendAsync(Nominate.Form("hidden.nominee@example.org", "Hidden Nomineeperson"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var audiences = await app.WithDbAsync(db => db.Outbox.Where(m => m.Subject.Contains("Hidden Nomineeperson")).Select(m => m.Audience).ToListAsync());
        Assert.NotEmpty(audiences);
        Assert.All(audiences, a => Assert.Equal(MailAudience.WorkGroup, a));

        var adminOnly = await (await AsAsync("only.admin@example.org", Roles.Admin)).GetPageAsync("/Admin/Outbox");
        var adminInWorkGroup = await (await AsAsync("admin.member@example.org", Roles.Admin, Roles.WorkGroup)).GetPageAsync("/Admin/Outbox");

        var hidden = adminOnly.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Hidden Nomineeperson", hidden);
        Assert.DoesNotContain("nora@example.net", hidden);
        Assert.Contains("Work Group mail (confidential)", hidden);
        Assert.Contains("Hidden Nomineeperson", adminInWorkGroup.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task AnAdminAloneSeesThatANomineeWasRecordedNotWho()
    {
        var sent = await app.Browser().SendAsync(Nominate.Form("audited.nominee@example.org", "Audited Nomineeperson"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var adminOnly = await (await AsAsync("only.admin@example.org", Roles.Admin)).GetPageAsync("/Admin/Audit?type=Person");
        var adminInWorkGroup = await (await AsAsync("admin.member@example.org", Roles.Admin, Roles.WorkGroup)).GetPageAsync("/Admin/Audit?type=Person");

        Assert.DoesNotContain("Audited Nomineeperson", adminOnly.QuerySelector("main")!.TextContent);
        Assert.Contains("(confidential)", adminOnly.QuerySelector("main")!.TextContent);
        Assert.Contains("Audited Nomineeperson", adminInWorkGroup.QuerySelector("main")!.TextContent);
    }
}
