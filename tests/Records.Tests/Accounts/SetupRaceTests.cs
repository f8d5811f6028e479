using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Tests.Infrastructure;

namespace Records.Tests.Accounts;

public class SetupRaceTests(SetupTests.App app) : IClassFixture<SetupTests.App>
{
    [Fact]
    public async Task TenSetupFormsSentAtOnceMakeExactlyOneAdmin()
    {
        var forms = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < 10; i++)
        {
            var client = app.Browser();
            var page = await client.GetPageAsync("/Setup");
            forms.Add((client, page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
        }

        var responses = await Task.WhenAll(forms.Select((form, i) => form.Client.PostAsync("/Setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Token,
            ["Input.DisplayName"] = $"Racer {i}",
            ["Input.Email"] = $"racer{i}@example.org",
            ["Input.Password"] = "Quiet-harbour-lantern-58",
            ["Input.ConfirmPassword"] = "Quiet-harbour-lantern-58",
        }))));

        var admins = await app.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Admin select ur.UserId).CountAsync());
        Assert.Equal(1, admins);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }
}
