using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Records.Core.Nominations;
using Records.Core.ServiceAwards;
using Records.Tests.Infrastructure;
using Records.Tests.ServiceAwards;
using static Records.Tests.Fellows.RosterHtml;

namespace Records.Tests.History;

/// <summary>Past rounds and past awards through HTTP, on a clock that stands at May 20, 2027.</summary>
public class PastRecordsPageTests(AwardsApp app) : IClassFixture<AwardsApp>
{
    private const string ImportUrl = "/History/Nominations";

    private async Task<HttpClient> AsAsync(string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        return client;
    }

    private static IEnumerable<string> Rows(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr").Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(TextOf)));

    [Fact]
    public async Task TheChairChecksThenAddsPastNominationsAndThePacketAndRosterShowThatQuarter()
    {
        var client = await AsAsync("Chair");
        var csv = "year,quarter,nominee,nominator,outcome,nominee_email\r\n" +
                  "2017,2,Mariatta Past,Nora Nominator,accepted,mariatta.past@example.org\r\n" +
                  "2017,2,Someone Else,Nora Nominator,not accepted,\r\n" +
                  "2017,9,Bad Quarter,Nora Nominator,accepted,\r\n";

        var response = await client.SubmitFileAsync(ImportUrl, UploadFile.Text("Input.File", "past.csv", csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dryRun = await response.ReadPageAsync();
        Assert.Equal("2 nominations would be added (Q2 2017), 1 Fellow joining the roster. 1 row with problems would be left out.", TextOf(dryRun.QuerySelector("[data-summary]")!));
        Assert.Equal(["4 | Bad Quarter | The quarter '9' is not 1, 2, 3 or 4."], Rows(dryRun, "[data-bad-rows]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Rounds.CountAsync(r => r.Year == 2017)));

        var commit = await client.SubmitFormAsync(dryRun, ImportUrl, new Dictionary<string, string>(), "form[data-form=commit]");

        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        var after = await client.GetPageAsync(commit.Headers.Location!.OriginalString);
        Assert.Equal("Added 2 past nominations from past.csv (Q2 2017); 1 Fellow joined the roster. 1 row with problems left out.", TextOf(after.QuerySelector(".flash")!));
        var packet = await client.GetPageAsync("/Reports/Quarter?year=2017&quarter=2");
        Assert.Equal(["1 Mariatta Past Active"], packet.QuerySelectorAll("[data-section=fellows] tbody tr").Select(TextOf));
        Assert.Equal(2, packet.QuerySelectorAll("[data-section=nominations] tbody tr").Length);
        var roster = await app.Browser().GetPageAsync("/Fellows");
        Assert.Equal(["Mariatta Past"], roster.QuerySelectorAll("[data-quarter='2017-2'] .name").Select(TextOf));
    }

    [Theory]
    [InlineData("Board")]
    [InlineData("WorkGroup")]
    public async Task OnlyStaffAndTheChairImportPastNominations(string role)
    {
        var client = await AsAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(ImportUrl)).StatusCode);
    }

    private static Dictionary<string, string> Award(string recipient) => new()
    {
        ["Input.Recipient"] = recipient,
        ["Input.Year"] = "2009",
        ["Input.Quarter"] = "3",
        ["Input.DecidedOn"] = "2009-08-12",
        ["Input.Reasons"] = "Ran the regional conference for years.",
        ["Input.Resolution"] = $"RESOLVED, that the Python Software Foundation award the 2009 Q3 Community Service Award to {recipient}.",
    };

    [Fact]
    public async Task StaffRecordAPastAwardAndItIsOnThePublicListAndInThePacket()
    {
        var client = await AsAsync("Staff");

        var response = await client.SubmitAsync("/ServiceAwards/Past", Award("Vera Veteran"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var award = await app.WithDbAsync(db => db.ServiceAwards.AsNoTracking().Include(a => a.History).SingleAsync(a => a.RecipientName == "Vera Veteran"));
        Assert.Equal((ServiceAwardStatus.Approved, 2009, 3, new DateOnly(2009, 8, 12)), (award.Status, award.Year, award.Quarter, award.DecidedOn));
        Assert.Equal(ServiceAwardAction.Approved, Assert.Single(award.History).Action);
        var recipients = await app.Browser().GetPageAsync("/ServiceAwards/Recipients");
        Assert.Contains("Vera Veteran", recipients.Body!.TextContent);
        var packet = await (await AsAsync("Board")).GetPageAsync("/Reports/Quarter?year=2009&quarter=3");
        Assert.Contains(packet.QuerySelectorAll("[data-section=awards] tbody tr").Select(TextOf), r => r.StartsWith("Vera Veteran") && r.Contains("Aug 12, 2009"));
    }

    [Fact]
    public async Task APastAwardOutsideTheBoundsIsRefusedBesideItsFieldsAndNothingIsSaved()
    {
        var client = await AsAsync("Staff");
        var before = await app.WithDbAsync(db => db.ServiceAwards.CountAsync());

        var response = await client.SubmitAsync("/ServiceAwards/Past", new Dictionary<string, string>(Award(""))
        {
            ["Input.Year"] = "1989", ["Input.Quarter"] = "5", ["Input.DecidedOn"] = "2027-05-21", ["Input.Resolution"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("Enter who received the award.", page.FieldError("Input.Recipient"));
        Assert.Equal("Enter the award's year, from 1990 to 2028.", page.FieldError("Input.Year"));
        Assert.Equal("Choose the quarter, 1 to 4.", page.FieldError("Input.Quarter"));
        Assert.Equal("The decision date cannot be in the future.", page.FieldError("Input.DecidedOn"));
        Assert.Equal("Enter the Board's resolution as it was passed.", page.FieldError("Input.Resolution"));
        var unreadable = await (await client.SubmitAsync("/ServiceAwards/Past", new Dictionary<string, string>(Award("Vic")) { ["Input.Year"] = "19x9", ["Input.DecidedOn"] = "soon" })).ReadPageAsync();
        Assert.Equal("Enter the award's year, from 1990 to 2028.", unreadable.FieldError("Input.Year"));
        Assert.Equal("Enter the date of the Board's decision.", unreadable.FieldError("Input.DecidedOn"));
        Assert.Equal(before, await app.WithDbAsync(db => db.ServiceAwards.CountAsync()));
    }

    [Fact]
    public async Task TheBoardReadsAwardsButDoesNotRecordPastOnes()
    {
        var client = await AsAsync("Board");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/ServiceAwards/Past")).StatusCode);
    }
}
