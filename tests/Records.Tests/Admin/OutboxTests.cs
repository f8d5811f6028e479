using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Records.Core.Mail;
using Records.Tests.Infrastructure;

namespace Records.Tests.Admin;

public class OutboxTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private async Task<MimeMessage> WaitForPickupAsync(string subject)
    {
        for (var i = 0; i < 100; i++)
        {
            if (Directory.Exists(app.PickupFolder))
            {
                foreach (var file in Directory.GetFiles(app.PickupFolder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.Subject == subject) return message;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No message '{subject}' reached {app.PickupFolder}");
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
            var message = OutboxMessage.Create(["board@example.org"], "Quarterly report", "The report is attached.", DateTime.UtcNow);
            message.Attempts = 3;
            message.LastError = "Connection refused (smtp.example.org:25)";
            message.LastAttemptAt = DateTime.UtcNow;
            message.NextAttemptAt = DateTime.UtcNow.AddHours(1);
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
