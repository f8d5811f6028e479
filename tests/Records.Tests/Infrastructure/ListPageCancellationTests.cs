using System.Net;

namespace Records.Tests.Infrastructure;

/// <summary>A list page abandoned by its reader stops its queries: every statement it sends carries the request's token.</summary>
public class ListPageCancellationTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Theory]
    [InlineData("/Sponsors", "Staff")]
    [InlineData("/Sponsors/Sponsorships", "Staff")]
    [InlineData("/Sponsors/Programs", "Staff")]
    [InlineData("/Fellows", "Staff")]
    [InlineData("/Nominations", "WorkGroup")]
    [InlineData("/Nominations/Rounds", "Chair")]
    [InlineData("/Posts", "Staff")]
    [InlineData("/Posts/Templates", "Staff")]
    [InlineData("/ServiceAwards", "Board")]
    [InlineData("/ServiceAwards/Recipients", "Staff")]
    [InlineData("/Admin/Users", "Admin")]
    [InlineData("/Admin/EmailTemplates", "Admin")]
    [InlineData("/Admin/Audit", "Admin")]
    [InlineData("/Admin/Outbox", "Admin")]
    [InlineData("/Donations", "Staff")]
    [InlineData("/Donations?from=&to=&donor=a&min=1", "Staff")]
    [InlineData("/Donations/Campaigns", "Staff")]
    [InlineData("/Donations/Acknowledgements", "Staff")]
    public async Task EveryQueryOfAListPageCanBeCancelledWithItsRequest(string url, string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);

        var (response, uncancellable) = await app.Sql.UncancellableAsync(client, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(uncancellable);
    }

    [Theory]
    [InlineData("/", "Staff")]
    [InlineData("/", "WorkGroup")]
    [InlineData("/", "Chair")]
    [InlineData("/", "Board")]
    [InlineData("/", "Admin")]
    [InlineData("/Donations/Edit", "Staff")]
    [InlineData("/Reports/Budget", "Staff")]
    [InlineData("/Reports/Quarter", "WorkGroup")]
    [InlineData("/Reports/Financial", "Board")]
    [InlineData("/Posts/New?kind=Fellows", "Staff")]
    [InlineData("/Posts/Templates/Edit/Fellows", "Staff")]
    [InlineData("/Admin/EmailTemplates/Edit/nomination-received", "Admin")]
    [InlineData("/Fellows/Edit/1", "Staff")]
    [InlineData("/Sponsors/Edit", "Staff")]
    [InlineData("/Sponsors/Programs/Package", "Staff")]
    [InlineData("/Donations/Campaigns/Edit", "Staff")]
    public async Task EveryQueryOfTheHomeADetailOrAnEditPageCanBeCancelledWithItsRequest(string url, string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);

        var (response, uncancellable) = await app.Sql.UncancellableAsync(client, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(uncancellable);
    }
}
