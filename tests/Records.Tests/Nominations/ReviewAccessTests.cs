using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Nominations;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

/// <summary>Nobody outside the Work Group sees a nomination, a vote, a comment or a tally: by page or by guessing an id.</summary>
public class ReviewAccessTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private const string Secret = "Zebulon Quux";

    private async Task<(int Round, int Id)> NominationAsync()
    {
        var round = await ReviewData.RoundAsync(app, RoundStatus.Open);
        var id = await ReviewData.NominationAsync(app, round, Secret, $"{Secret} wrote the confidential statement that only the Work Group may read, with enough words to pass.");
        await ReviewData.VoteAsync(app, id, "chair@records.local", VoteChoice.Yes, "Secret ballot comment");
        await ReviewData.RecuseAsync(app, id, "workgroup@records.local");
        return (round, id);
    }

    private static IEnumerable<(HttpMethod Method, string Url)> Routes(int round, int id) =>
    [
        (HttpMethod.Get, "/Nominations"),
        (HttpMethod.Get, $"/Nominations?round={round}&show=mine"),
        (HttpMethod.Get, $"/Nominations?round={round}&show=recused&sort=yes&p=1"),
        (HttpMethod.Get, $"/Nominations/Details/{id}"),
        (HttpMethod.Post, $"/Nominations/Details/{id}?handler=Vote"),
        (HttpMethod.Post, $"/Nominations/Details/{id}?handler=Recuse"),
        (HttpMethod.Post, $"/Nominations/Details/{id}?handler=Unrecuse"),
        (HttpMethod.Post, $"/Nominations/Details/{id}?handler=Comment"),
    ];

    [Theory]
    [InlineData("Staff")]
    [InlineData("Board")]
    [InlineData("Admin")]
    [InlineData(null)]
    public async Task EveryReviewRouteIsClosedToOthers(string? role)
    {
        var (round, id) = await NominationAsync();
        var client = app.Browser();
        if (role is not null) await client.LoginAsRoleAsync(role);
        var tokenPage = await client.GetPageAsync(role is null ? "/Account/Login" : "/Account/ChangePassword");
        var token = tokenPage.QuerySelector("[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await app.WithDbAsync(db => Task.FromResult((db.Votes.Count(), db.Recusals.Count(), db.NominationComments.Count())));

        foreach (var (method, url) in Routes(round, id))
        {
            using var request = new HttpRequestMessage(method, url);
            if (method == HttpMethod.Post)
            {
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["VoteInput.Choice"] = "No", ["CommentInput.Body"] = "sneaky", ["RecuseInput.Reason"] = "x",
                });
            }
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            if (role is null)
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} {method} {url}: {(int)response.StatusCode}");
            }
            Assert.DoesNotContain(Secret, body);
            Assert.DoesNotContain("Secret ballot comment", body);
        }

        var after = await app.WithDbAsync(db => Task.FromResult((db.Votes.Count(), db.Recusals.Count(), db.NominationComments.Count())));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task TheChairIsInTheWorkGroup()
    {
        var (_, id) = await NominationAsync();
        var chair = app.Browser();
        await chair.LoginAsRoleAsync("Chair");
        Assert.Contains(Secret, (await chair.GetPageAsync($"/Nominations/Details/{id}")).Body!.TextContent);
    }
}
