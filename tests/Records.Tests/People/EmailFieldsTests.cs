using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;
using Records.Tests.Nominations;
using Records.Tests.ServiceAwards;
using NominateForm = Records.Tests.Nominations.Nominate;
using ProposeForm = Records.Tests.ServiceAwards.Propose;

namespace Records.Tests.People;

/// <summary>Every form that takes an email address refuses the same things: the rule is one, not one per form.</summary>
public class EmailFieldsTests(NominateApp app) : IClassFixture<NominateApp>
{
    // Each is accepted by a looser check somewhere (MailAddress alone, or FluentValidation's EmailAddress()).
    public static TheoryData<string> NotAddresses => ["grace@localhost", "Grace <grace@example.org>", "grace..hopper@example.org", "\"grace hopper\"@example.org"];

    [Theory]
    [MemberData(nameof(NotAddresses))]
    public async Task TheNominationFormRefusesIt(string email)
    {
        var response = await app.Browser().SendAsync(NominateForm.Form(email, "Rule Nominee"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter an email address like name@example.org.", (await response.ReadPageAsync()).FieldError("Input.NomineeEmail"));
        Assert.False(await app.WithDbAsync(db => db.Nominations.AnyAsync(n => n.Nominee.Name == "Rule Nominee")));
    }

    [Theory]
    [MemberData(nameof(NotAddresses))]
    public async Task TheAwardProposalFormRefusesIt(string email)
    {
        var response = await app.Browser().ProposeAsync(ProposeForm.With(ProposeForm.Form("Rule Recipient"), "Input.ProposerEmail", email));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter an email address like name@example.org.", (await response.ReadPageAsync()).FieldError("Input.ProposerEmail"));
        Assert.False(await app.WithDbAsync(db => db.ServiceAwards.AnyAsync(a => a.RecipientName == "Rule Recipient")));
    }

    [Theory]
    [MemberData(nameof(NotAddresses))]
    public async Task TheSponsorFormRefusesIt(string email)
    {
        var staff = app.Browser();
        await staff.LoginAsRoleAsync("Staff");

        var response = await staff.SubmitAsync("/Sponsors/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "Rule Sponsor", ["Input.Website"] = "https://rule.example.org", ["Input.PrimaryContactName"] = "Ada",
            ["Input.PrimaryContactEmail"] = email, ["Input.AccountingContactName"] = "", ["Input.AccountingContactEmail"] = "", ["Input.Notes"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter an email address such as name@example.com.", (await response.ReadPageAsync()).FieldError("Input.PrimaryContactEmail"));
        Assert.False(await app.WithDbAsync(db => db.Sponsors.AnyAsync(s => s.Name == "Rule Sponsor")));
    }
}
