using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;

namespace Records.Tests.Sponsors;

public class SponsorAccessTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private async Task<string[]> RoutesAsync()
    {
        var (package, sponsor) = await app.WithDbAsync(async db => (await db.SponsorPackages.Select(k => k.Id).FirstAsync(), await db.Sponsors.Select(s => s.Id).FirstAsync()));
        return ["/Sponsors", "/Sponsors/Programs", "/Sponsors/Programs/Package", $"/Sponsors/Programs/Package/{package}", "/Sponsors/Edit", $"/Sponsors/Edit/{sponsor}", $"/Sponsors/Details/{sponsor}"];
    }

    [Theory]
    [InlineData("WorkGroup")]
    [InlineData("Board")]
    public async Task PeopleWithoutTheStaffRoleAreForbiddenEverywhere(string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        foreach (var url in await RoutesAsync())
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/Sponsors/Programs?handler=Copy&programId=1", new FormUrlEncodedContent([]))).StatusCode);
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToLogIn()
    {
        var client = app.Browser();
        foreach (var url in await RoutesAsync())
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task StaffAndAdminsReachEveryPage()
    {
        foreach (var role in new[] { "Staff", "Admin" })
        {
            var client = app.Browser();
            await client.LoginAsRoleAsync(role);
            foreach (var url in await RoutesAsync()) await client.GetPageAsync(url);
        }
    }
}
