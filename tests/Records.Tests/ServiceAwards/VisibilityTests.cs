using System.Net;
using Records.Tests.Infrastructure;

namespace Records.Tests.ServiceAwards;

/// <summary>Until the Board approves a proposal only the Board and Staff see it: not the Work Group, not an Admin, not the public.</summary>
public class VisibilityTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Theory]
    [InlineData("WorkGroup")]
    [InlineData("Chair")]
    [InlineData("Admin")]
    [InlineData(null)]
    public async Task ProposalsAreClosedToEveryoneButTheBoardAndStaff(string? role)
    {
        var id = await AwardData.ProposalAsync(app, "Confidential Candidate");
        var client = app.Browser();
        if (role is not null) await client.LoginAsRoleAsync(role);
        var token = (await client.GetPageAsync(role is null ? "/Account/Login" : "/Account/ChangePassword")).QuerySelector("[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var (method, url) in new[] { ("GET", "/ServiceAwards"), ("GET", "/ServiceAwards?show=decided"), ("GET", $"/ServiceAwards/Details/{id}"),
                     ("POST", $"/ServiceAwards/Details/{id}?handler=Approve"), ("POST", $"/ServiceAwards/Details/{id}?handler=Decline"), ("POST", $"/ServiceAwards/Details/{id}?handler=Payment") })
        {
            var response = method == "GET" ? await client.GetAsync(url)
                : await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Approve.Resolution"] = "RESOLVED", ["Approve.DecidedOn"] = "2026-01-01" }));
            Assert.True(response.StatusCode == (role is null ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden), $"{role} {method} {url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Confidential Candidate", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(Records.Core.ServiceAwards.ServiceAwardStatus.Proposed, await app.WithDbAsync(db => Task.FromResult(db.ServiceAwards.Single(a => a.Id == id).Status)));
    }

    [Theory]
    [InlineData("Board")]
    [InlineData("Staff")]
    public async Task BoardAndStaffSeeTheProposal(string role)
    {
        var id = await AwardData.ProposalAsync(app, "Seen Candidate");
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        Assert.Contains("Seen Candidate", (await client.GetPageAsync($"/ServiceAwards/Details/{id}")).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ServiceAwards/Details/999999")).StatusCode);
    }
}
