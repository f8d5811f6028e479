using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;

namespace Records.Tests.Sponsors;

public class SponsorAccessTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private async Task<(string[] Reads, string[] Writes)> RoutesAsync()
    {
        var (package, sponsor) = await app.WithDbAsync(async db => (await db.SponsorPackages.Select(k => k.Id).FirstAsync(), await db.Sponsors.Select(s => s.Id).FirstAsync()));
        return (["/Sponsors", "/Sponsors/Programs", $"/Sponsors/Details/{sponsor}"],
            ["/Sponsors/Programs/Package", $"/Sponsors/Programs/Package/{package}", "/Sponsors/Edit", $"/Sponsors/Edit/{sponsor}"]);
    }

    private async Task<string[]> AllRoutesAsync()
    {
        var (reads, writes) = await RoutesAsync();
        return [.. reads, .. writes];
    }

    [Theory]
    [InlineData("WorkGroup")]
    [InlineData("Admin")]
    public async Task TheWorkGroupAndAnAdminAloneAreForbiddenEverywhere(string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        foreach (var url in await AllRoutesAsync())
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode);
        }
    }

    [Fact]
    public async Task TheBoardReadsButCannotWrite()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Board");
        var (reads, writes) = await RoutesAsync();
        foreach (var url in reads)
        {
            var page = await client.GetPageAsync(url);
            Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
            Assert.Empty(page.QuerySelectorAll("a[href^='/Sponsors/Edit'], a[href^='/Sponsors/Programs/Package']"));
        }
        foreach (var url in writes) Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);

        var token = (await client.GetPageAsync("/Sponsors")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await app.WithDbAsync(db => db.SponsorPackages.CountAsync());
        var copy = await client.PostAsync("/Sponsors/Programs?handler=Copy&programId=1",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["year"] = "2025" }));
        Assert.Equal(HttpStatusCode.Forbidden, copy.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.SponsorPackages.CountAsync()));
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToLogIn()
    {
        var client = app.Browser();
        foreach (var url in await AllRoutesAsync())
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task StaffReachEveryPage()
    {
        foreach (var role in new[] { "Staff" })
        {
            var client = app.Browser();
            await client.LoginAsRoleAsync(role);
            foreach (var url in await AllRoutesAsync()) await client.GetPageAsync(url);
        }
    }
}
