using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;

namespace Records.Tests.ServiceAwards;

/// <summary>A proposal form posted twice (a double click, a resend, ten posts at once) saves one proposal and tells the Board once.</summary>
public class ProposeTwiceTests(AwardsApp app) : IClassFixture<AwardsApp>
{
    private Task<int> CountAsync(string recipient) => app.WithDbAsync(db => db.ServiceAwards.CountAsync(a => a.RecipientName == recipient));

    private Task<int> NoticesAsync(string recipient) => app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Subject.Contains(recipient)));

    [Fact]
    public async Task TheSameFormPostedTwiceSavesOneProposal()
    {
        var client = app.Browser();
        var form = await client.GetPageAsync("/ServiceAwards/Propose");

        var first = await client.SubmitFormAsync(form, "/ServiceAwards/Propose", Propose.Form("Twice Grace"));
        var second = await client.SubmitFormAsync(form, "/ServiceAwards/Propose", Propose.Form("Twice Grace"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/ServiceAwards/Proposed", second.Headers.Location!.OriginalString);
        Assert.Equal(1, await CountAsync("Twice Grace"));
        Assert.Equal(2, await NoticesAsync("Twice Grace"));
    }

    [Fact]
    public async Task TenPostsOfOneFormAtOnceSaveOneProposal()
    {
        var client = app.Browser();
        var form = await client.GetPageAsync("/ServiceAwards/Propose");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.SubmitFormAsync(form, "/ServiceAwards/Propose", Propose.Form("Ten Times Grace"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await CountAsync("Ten Times Grace"));
        Assert.Equal(2, await NoticesAsync("Ten Times Grace"));
    }

    [Fact]
    public async Task TwoFormsOpenedSeparatelySaveTwoProposals()
    {
        await Propose.ProposeAsync(app.Browser(), Propose.Form("Again Grace"));
        await Propose.ProposeAsync(app.Browser(), Propose.Form("Again Grace"));

        Assert.Equal(2, await CountAsync("Again Grace"));
    }

    [Fact]
    public async Task AFormWithoutItsKeyIsShownAgainAndNothingIsSaved()
    {
        var client = app.Browser();
        var form = await client.GetPageAsync("/ServiceAwards/Propose");

        var response = await client.SubmitFormAsync(form, "/ServiceAwards/Propose", Propose.Form("Keyless Grace").With("Input.SubmissionKey", "not-a-key"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("lost its place", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.True(Guid.TryParse(page.QuerySelector("input[name='Input.SubmissionKey']")!.GetAttribute("value"), out _));
        Assert.Equal(0, await CountAsync("Keyless Grace"));
    }
}
