using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;

namespace Records.Tests.Accounts;

/// <summary>Every place a password is set asks for 12 characters and a password that is hard to guess, and says why one is not.</summary>
public class PasswordStrengthTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    public static TheoryData<string, string> Weak => new()
    {
        // Character classes and length are all there, yet each is a word and a year.
        { "Treasurer-2026", "" },
        { "Password2026!", "" },
        { "Qwertyuiop123", "" },
        { "Short-pw-1", "Use at least 12 characters." },
    };

    [Theory]
    [MemberData(nameof(Weak))]
    public async Task AdminCannotGiveANewUserAGuessablePassword(string password, string message)
    {
        var admin = app.Browser();
        await admin.LoginAsRoleAsync("Admin");
        var email = $"weak-{Guid.NewGuid():N}@example.org";

        var response = await admin.SubmitAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Weak Password", ["Input.Email"] = email, ["Input.Password"] = password, ["Input.Roles"] = "Staff",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.ReadPageAsync()).FieldError("Input.Password");
        Assert.NotNull(error);
        if (message.Length > 0) Assert.Equal(message, error);
        else Assert.StartsWith("This password is easy to guess", error);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task TheMessageSaysWhatMakesThePasswordGuessable()
    {
        var admin = app.Browser();
        await admin.LoginAsRoleAsync("Admin");

        var response = await admin.SubmitAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Common Choice", ["Input.Email"] = "common@example.org", ["Input.Password"] = "Password2026!", ["Input.Roles"] = "Staff",
        });

        var error = (await response.ReadPageAsync()).FieldError("Input.Password")!;
        Assert.Contains("common password", error);
    }

    [Fact]
    public async Task ALongPassphraseWithoutDigitsOrCapitalsIsAccepted()
    {
        var admin = app.Browser();
        await admin.LoginAsRoleAsync("Admin");

        var response = await admin.SubmitAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Pass Phrase", ["Input.Email"] = "phrase@example.org", ["Input.Password"] = "velvet otter climbs the lighthouse", ["Input.Roles"] = "Staff",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.Browser().LoginAsync("phrase@example.org", "velvet otter climbs the lighthouse");
    }

    [Fact]
    public async Task ChangingToAGuessablePasswordIsRefusedBesideTheField()
    {
        await app.CreateUserAsync("changing@example.org", "Quiet-harbour-lantern-58", "Board");
        var client = app.Browser();
        await client.LoginAsync("changing@example.org", "Quiet-harbour-lantern-58");

        var response = await client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Quiet-harbour-lantern-58", ["Input.NewPassword"] = "Password2026!", ["Input.ConfirmPassword"] = "Password2026!",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("This password is easy to guess", (await response.ReadPageAsync()).FieldError("Input.NewPassword"));
        await app.Browser().LoginAsync("changing@example.org", "Quiet-harbour-lantern-58");
    }

    [Fact]
    public async Task ThePasswordMayNotBeMadeOfTheEmailAddress()
    {
        var admin = app.Browser();
        await admin.LoginAsRoleAsync("Admin");

        var response = await admin.SubmitAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Marguerite Fontaine", ["Input.Email"] = "marguerite.fontaine@example.org", ["Input.Password"] = "MargueriteFontaine", ["Input.Roles"] = "Staff",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("your name or email address", (await response.ReadPageAsync()).FieldError("Input.Password"));
    }
}
