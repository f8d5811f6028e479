using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Mail;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Data;

public class AuditTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task AddingAndChangingARecordWritesWhoWhenWhichAndWhat()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var sponsor = new Sponsor { Name = "Audited Inc", CreatedAt = DateTime.UtcNow };
            db.Sponsors.Add(sponsor);
            await db.SaveChangesAsync();
            sponsor.Name = "Audited Incorporated";
            await db.SaveChangesAsync();
            return sponsor.Id.ToString();
        });

        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Sponsor) && a.EntityId == id).OrderBy(a => a.Id).ToListAsync());

        Assert.Collection(entries,
            added =>
            {
                Assert.Equal("Added", added.Action);
                Assert.Equal("system", added.UserName);
                Assert.Equal("Audited Inc", JsonDocument.Parse(added.Changes).RootElement.GetProperty("Name")[1].GetString());
            },
            modified =>
            {
                Assert.Equal("Modified", modified.Action);
                var name = JsonDocument.Parse(modified.Changes).RootElement.GetProperty("Name");
                Assert.Equal("Audited Inc", name[0].GetString());
                Assert.Equal("Audited Incorporated", name[1].GetString());
                Assert.False(JsonDocument.Parse(modified.Changes).RootElement.TryGetProperty("Version", out _));
                Assert.Equal(app.Now, modified.At);
            });
    }

    [Fact]
    public async Task FailedSaveLeavesNoAuditEntryAndNoRecord()
    {
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        await app.WithDbAsync(async db =>
        {
            db.Payments.Add(new Payment { SponsorshipId = 999_999, AmountMinor = 100, Currency = "USD", ReceivedOn = new DateOnly(2026, 1, 1) });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Payments.CountAsync()));
    }

    [Fact]
    public async Task ChangesMadeThroughThePagesAreAuditedUnderTheUsersName()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Admin");
        var response = await client.SubmitAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Audit Trail",
            ["Input.Email"] = "audit.trail@example.org",
            ["Input.Password"] = "Audit-trail-heron-2026",
            ["Input.Roles"] = "Staff",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);

        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "User" && a.Action == "Added" && a.Changes.Contains("audit.trail@example.org")).SingleAsync());
        Assert.Equal("admin@records.local", entry.UserName);
        Assert.DoesNotContain("PasswordHash", entry.Changes);
    }

    [Fact]
    public async Task AMessagesAttachedFileIsNotCopiedIntoTheLog()
    {
        var pdf = new byte[200_000];
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        await app.WithDbAsync(async db =>
        {
            var message = OutboxMessage.Create(["board@example.org"], "Financial report", "Attached.", app.Now);
            message.Attachments.Add(new OutboxAttachment { FileName = "financial-report-2025.pdf", ContentType = "application/pdf", Content = pdf });
            db.Outbox.Add(message);
            await db.SaveChangesAsync();
        });

        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxAttachments.CountAsync()));
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }
}
