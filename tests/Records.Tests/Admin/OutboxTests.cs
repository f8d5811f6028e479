using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Records.Core.Mail;
using Records.Web.Mail;
using Records.Tests.Infrastructure;

namespace Records.Tests.Admin;

public class OutboxTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    /// <summary>
    /// Moves the host's clock on by one poll once the worker is waiting, waits for the pass that wakes, and reads the
    /// message it dropped in the pickup folder: no wait on the wall clock.
    /// </summary>
    private async Task<MimeMessage> WaitForPickupAsync(string subject)
    {
        var worker = app.Services.GetServices<IHostedService>().OfType<OutboxWorker>().Single();
        var waiting = Math.Max(1, worker.Passes);
        await worker.PassedAsync(waiting).WaitAsync(TestContext.Current.CancellationToken);
        ((ManualClock)app.Time).Advance(TimeSpan.FromSeconds(1));
        await worker.PassedAsync(waiting + 1).WaitAsync(TestContext.Current.CancellationToken);

        foreach (var file in Directory.Exists(app.PickupFolder) ? Directory.GetFiles(app.PickupFolder, "*.eml") : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.Subject == subject) return message;
        }
        throw new InvalidOperationException($"No message '{subject}' reached {app.PickupFolder}");
    }

    [Fact]
    public async Task CreatingAUserQueuesAWelcomeThatTheWorkerDelivers()
    {
        var admin = app.Browser();
        await admin.LoginAsRoleAsync("Admin");

        var response = await admin.SubmitAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Welcome Person", ["Input.Email"] = "welcome@example.org", ["Input.Password"] = "Welcome-heron-2026-pass", ["Input.Roles"] = "Board",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var message = await WaitForPickupAsync("Your Records account");
        Assert.Equal("welcome@example.org", message.To.Mailboxes.Single().Address);
        Assert.Contains("Hello Welcome Person", message.TextBody);
        Assert.DoesNotContain("Welcome-heron-2026-pass", message.TextBody);
    }

    [Fact]
    public async Task FailedUserCreationQueuesNoMessage()
    {
        var admin = app.Browser();
        await admin.LoginAsRoleAsync("Admin");
        var before = await app.WithDbAsync(db => db.Outbox.CountAsync());

        var response = await admin.SubmitAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Weak Password", ["Input.Email"] = "weak@example.org", ["Input.Password"] = "alllowercase",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("This password is easy to guess", (await response.ReadPageAsync()).FieldError("Input.Password"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task AdminSeesAFailingMessageWithItsErrorAndRetriesIt()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var message = OutboxMessage.Create(["board@example.org"], "Quarterly report", "The report is attached.", app.Now);
            message.Attempts = 3;
            message.LastError = "Connection refused (smtp.example.org:25)";
            message.LastAttemptAt = app.Now;
            message.NextAttemptAt = app.Now.AddHours(1);
            db.Outbox.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        var admin = app.Browser();
        await admin.LoginAsRoleAsync("Admin");

        var page = await admin.GetPageAsync("/Admin/Outbox?show=failing");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Quarterly report"));
        Assert.Contains("Retrying", row.TextContent);
        Assert.Contains("Connection refused (smtp.example.org:25)", row.TextContent);

        var retry = await admin.SubmitAsync("/Admin/Outbox?show=failing", new Dictionary<string, string>(), formSelector: $"form[action*='id={id}']");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);

        var delivered = await WaitForPickupAsync("Quarterly report");
        Assert.Equal("board@example.org", delivered.To.Mailboxes.Single().Address);
        Assert.Equal(OutboxStatus.Sent, await app.WithDbAsync(db => db.Outbox.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }
}

public class AuditPageTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task AuditLogShowsWhoChangedWhatInReadableLines()
    {
        await app.CreateUserAsync("renamed@example.org", "Renamed-kestrel-2026-pass", "Staff");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "renamed@example.org").Select(u => u.Id).SingleAsync());
        var admin = app.Browser();
        await admin.LoginAsRoleAsync("Admin");
        await admin.SubmitAsync($"/Admin/Users/Edit/{id}", new Dictionary<string, string> { ["Input.DisplayName"] = "Renamed Person", ["Input.Roles"] = "Staff" });

        var page = await admin.GetPageAsync("/Admin/Audit?type=User&who=admin%40records.local");

        var row = page.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("modified · User Renamed Person"));
        Assert.Contains("Ada Admin", row.TextContent);
        Assert.Equal("renamed", row.QuerySelector("del")!.TextContent);
        Assert.Contains("DisplayName: renamed → Renamed Person", System.Text.RegularExpressions.Regex.Replace(row.TextContent, @"\s+", " "));
    }
}
