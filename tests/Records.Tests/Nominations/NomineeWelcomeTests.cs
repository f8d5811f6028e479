using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Mail;
using Records.Core.Nominations;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

/// <summary>
/// The nomination app after Q2 2027's review, with a quorum of two and an outbox worker that stays asleep after its
/// first pass, so the test delivers the outbox itself through the real SMTP server.
/// </summary>
public class NomineeWelcomeApp : NominateApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Records:Nominations:Quorum"] = "2",
        ["Records:Mail:PollSeconds"] = "86400",
    };
}

public class NomineeWelcomeTests(NomineeWelcomeApp app, SmtpServerFixture smtp) : IClassFixture<NomineeWelcomeApp>, IClassFixture<SmtpServerFixture>
{
    [Fact]
    public async Task AnAcceptedNomineeIsWelcomedByEmailInTheWordingTheAdminSaved()
    {
        await smtp.StartAsync();
        app.Clock.Now = DateTimeOffset.Parse("2027-06-25T10:00:00-04:00");
        var admin = app.Browser();
        await admin.LoginAsRoleAsync("Admin");
        const string url = "/Admin/EmailTemplates/Edit/" + EmailTemplates.NomineeAccepted;
        var wording = new Dictionary<string, string>
        {
            ["Input.Subject"] = "Congratulations, {{ nominee_name }}: Fellow of {{ round }}",
            ["Input.Body"] = "Dear {{ nominee_name }},\n{{ nominator_name }} nominated you and the Work Group agreed. See {{ roster_url }}.",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(url, wording)).StatusCode);

        var round = await app.WithDbAsync(async db =>
        {
            var r = new Round { Year = 2027, Quarter = 2, CutOff = new YearQuarter(2027, 2).CutOff, ReviewEnds = new YearQuarter(2027, 2).ReviewEnds, Status = RoundStatus.Open };
            db.Rounds.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var accepted = await ReviewData.NominationAsync(app, round, "Wanda Welcome");
        var notAccepted = await ReviewData.NominationAsync(app, round, "Nadia Notyet");
        var (acceptedEmail, otherEmail) = await app.WithDbAsync(async db => (
            await db.Nominations.Where(n => n.Id == accepted).Select(n => n.Nominee.Email!).SingleAsync(),
            await db.Nominations.Where(n => n.Id == notAccepted).Select(n => n.Nominee.Email!).SingleAsync()));
        await ReviewData.VoteAsync(app, accepted, "chair@records.local", VoteChoice.Yes);
        await ReviewData.VoteAsync(app, accepted, "workgroup@records.local", VoteChoice.Yes);
        await ReviewData.VoteAsync(app, notAccepted, "chair@records.local", VoteChoice.No);
        await ReviewData.VoteAsync(app, notAccepted, "workgroup@records.local", VoteChoice.No);
        var chair = await ReviewData.SignInAsync(app, "chair@records.local");

        var closed = await chair.SubmitAsync($"/Nominations/Rounds/Close/{round}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var now = app.Clock.Now.UtcDateTime.AddMinutes(1);
        var options = new MailOptions { Host = smtp.Host, Port = smtp.Port, From = "Records <records@example.org>" };
        await app.WithDbAsync(db => new OutboxDelivery(options).DeliverDueAsync(db, new SmtpMailSender(options), now, TestContext.Current.CancellationToken));
        var welcome = Assert.Single(smtp.Delivered(), d => d.Message.To.Mailboxes.Any(m => m.Address == acceptedEmail)).Message;
        Assert.Equal("Congratulations, Wanda Welcome: Fellow of Q2 2027", welcome.Subject);
        Assert.Equal($"Dear Wanda Welcome,\nNora Nominator nominated you and the Work Group agreed. See {NominateApp.BaseUrl}/Fellows.", welcome.TextBody?.Trim().Replace("\r\n", "\n"));
        Assert.DoesNotContain(smtp.Delivered(), d => d.Message.To.Mailboxes.Any(m => m.Address == otherEmail));
        Assert.Contains(smtp.Delivered(), d => d.Message.Subject == "Your nomination of Nadia Notyet carries into Q3 2027");
    }
}
