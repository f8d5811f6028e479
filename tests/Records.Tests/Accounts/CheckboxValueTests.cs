using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;
using Records.Tests.Nominations;

namespace Records.Tests.Accounts;

/// <summary>A checkbox sent with a value that is not a boolean is refused beside the box with a 400, never a 500.</summary>
public class CheckboxValueTests(NominateApp app) : IClassFixture<NominateApp>
{
    [Theory]
    [InlineData("on")]
    [InlineData("banana")]
    public async Task LoggingInWithAKeepMeLoggedInThatIsNotYesOrNoIsRefusedBesideTheBox(string value)
    {
        var client = app.Browser();

        var response = await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "staff@records.local", ["Input.Password"] = Records.Web.Infrastructure.AppStartup.DevelopmentPassword, ["Input.RememberMe"] = value,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"Tick or untick the box: “{value}” is not a yes or no.", (await response.ReadPageAsync()).FieldError("Input.RememberMe"));
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("Records.Auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ANominationWithAConfirmationThatIsNotYesOrNoIsRefusedAndNotSaved()
    {
        var fellow = await app.WithDbAsync(db => db.Fellows.Select(f => f.Person.Name).FirstAsync());

        var response = await app.Browser().SendAsync(Nominate.Form("banana-box@example.org", fellow).With("Input.ConfirmFellow", "banana"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Tick or untick the box: “banana” is not a yes or no.", (await response.ReadPageAsync()).FieldError("Input.ConfirmFellow"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Nominations.CountAsync(n => n.Nominee.Email == "banana-box@example.org")));
    }

    [Fact]
    public async Task StaffFormsRefuseABoxThatIsNotYesOrNo()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");

        var response = await client.SubmitAsync("/ServiceAwards/Past", new Dictionary<string, string> { ["Input.IsGroup"] = "maybe" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Tick or untick the box: “maybe” is not a yes or no.", (await response.ReadPageAsync()).FieldError("Input.IsGroup"));
    }
}
