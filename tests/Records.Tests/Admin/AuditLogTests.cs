using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Records.Core.Audit;
using Records.Core.Budget;
using Records.Core.Nominations;
using Records.Core.People;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.Import.ImportPages;

namespace Records.Tests.Admin;

public class AuditLogTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private Task<AuditEntry> EntryAsync(string type, string id, string action = "Added") =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == type && a.EntityId == id && a.Action == action));

    private static JsonElement After(AuditEntry entry, string field) => JsonDocument.Parse(entry.Changes).RootElement.GetProperty(field)[1];

    [Fact]
    public async Task RecordsAddedTogetherReferToEachOthersRealIds()
    {
        var (personId, nominationId) = await app.WithDbAsync(async db =>
        {
            var round = new Round { Year = 2031, Quarter = 2, CutOff = new DateOnly(2031, 5, 20), ReviewEnds = new DateOnly(2031, 6, 20), Status = RoundStatus.Upcoming };
            db.Add(round);
            await db.SaveChangesAsync();
            var nominee = new Person { Name = "Grace Hopper", Email = "grace@example.org", Links = [new PersonLink { Kind = LinkKind.GitHub, Url = "https://github.com/grace", Position = 0 }] };
            var nomination = new Nomination { RoundId = round.Id, FirstRoundId = round.Id, Nominee = nominee, NominatorName = "Ada", NominatorEmail = "ada@example.org", Statement = "Statement", ReceivedAt = new DateTime(2031, 4, 2, 0, 0, 0, DateTimeKind.Utc) };
            db.Add(nomination);
            await db.SaveChangesAsync();
            return (nominee.Id, nomination.Id);
        });

        var added = await EntryAsync("Nomination", nominationId.ToString());
        Assert.Equal(personId, After(added, "NomineeId").GetInt32());
        Assert.True(After(added, "RoundId").GetInt32() > 0);
        Assert.Equal(personId, After(await EntryAsync("Person", personId.ToString()), "Name").GetString() == "Grace Hopper" ? personId : -1);
        var link = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "PersonLink" && a.Summary!.Contains("Grace Hopper")));
        Assert.Equal(personId, After(link, "PersonId").GetInt32());
        Assert.DoesNotContain(await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Select(a => a.Changes).ToListAsync()), c => c.Contains(":-") || c.Contains(",-"));
    }

    [Fact]
    public async Task EntriesNameTheRecordInWords()
    {
        var nominationId = await app.WithDbAsync(async db =>
        {
            var round = new Round { Year = 2032, Quarter = 1, CutOff = new DateOnly(2032, 2, 20), ReviewEnds = new DateOnly(2032, 3, 20), Status = RoundStatus.Upcoming };
            db.Add(round);
            await db.SaveChangesAsync();
            var nomination = new Nomination { RoundId = round.Id, FirstRoundId = round.Id, Nominee = new Person { Name = "Katherine Johnson" }, NominatorName = "Ada", NominatorEmail = "ada@example.org", Statement = "Statement", ReceivedAt = new DateTime(2032, 1, 2, 0, 0, 0, DateTimeKind.Utc) };
            db.Add(nomination);
            await db.SaveChangesAsync();
            return nomination.Id;
        });

        Assert.Equal("Nomination of Katherine Johnson, Q1 2032", (await EntryAsync("Nomination", nominationId.ToString())).Summary);
        Assert.Equal("Q1 2032 round", (await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Round").OrderBy(a => a.Id).LastAsync())).Summary);
    }

    [Fact]
    public async Task IdentityBookkeepingIsLeftOut()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Admin");
        var response = await client.SubmitAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ida Identity",
            ["Input.Email"] = "ida.identity@example.org",
            ["Input.Password"] = "Ida-identity-heron-2026",
            ["Input.Roles"] = "Board",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Summary!.Contains("Ida Identity")).ToListAsync());
        var user = Assert.Single(entries, e => e.EntityType == "User" && e.Action == "Added");
        Assert.Equal("User Ida Identity", user.Summary);
        Assert.Contains("ida.identity@example.org", user.Changes);
        foreach (var field in new[] { "NormalizedEmail", "NormalizedUserName", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "EmailConfirmed", "TwoFactorEnabled", "LockoutEnabled", "PasswordHash" })
        {
            Assert.All(entries, e => Assert.DoesNotContain($"\"{field}\"", e.Changes));
        }
        Assert.Contains(entries, e => e.EntityType == "UserRole" && e.Summary == "Ida Identity as Board");
    }

    [Fact]
    public async Task ImportedDonationsAndPeopleAreAudited()
    {
        var client = await app.StaffAsync();
        await ImportAsync(app, client, "paypal.csv", "PayPal");

        var donations = await app.WithDbAsync(db => db.Donations.AsNoTracking().Include(d => d.Person).Where(d => d.ImportId != null).ToListAsync());
        Assert.NotEmpty(donations);
        foreach (var donation in donations)
        {
            var entry = await EntryAsync("Donation", donation.Id.ToString());
            Assert.Equal("staff@records.local", entry.UserName);
            Assert.Equal(donation.AmountMinor, After(entry, "AmountMinor").GetInt64());
            Assert.Equal(donation.TransactionId, After(entry, "TransactionId").GetString());
            Assert.StartsWith("Gift of ", entry.Summary);
        }
        // Ada Lovelace's gift is refunded in full further down the file, so Ken Thompson's is the first added.
        var ken = donations.Single(d => d.Person?.Email == "ken.thompson@example.org");
        Assert.Equal("Gift of $5.00 from Ken Thompson on Jan 16, 2025", (await EntryAsync("Donation", ken.Id.ToString())).Summary);
        Assert.Equal("Ken Thompson", (await EntryAsync("Person", ken.PersonId!.Value.ToString())).Summary);
    }

    [Fact]
    public async Task DeletingABudgetLineLeavesAnEntryWithWhatWasDeleted()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var line = new BudgetLine { Kind = BudgetLineKind.ReserveDraw, Label = "Reserve drawn down", AsOf = new DateOnly(2025, 6, 30), AmountMinor = 141_713_00, Currency = "USD" };
            db.BudgetLines.Add(line);
            await db.SaveChangesAsync();
            return line.Id;
        });
        var client = await app.StaffAsync();
        var page = await client.GetPageAsync("/Reports/Budget");
        var response = await client.SubmitFormAsync(page, $"/Reports/Budget?handler=Delete&id={id}", new Dictionary<string, string>(), $"form[action*='id={id}']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.False(await app.WithDbAsync(db => db.BudgetLines.AnyAsync(l => l.Id == id)));
        var deleted = await EntryAsync("BudgetLine", id.ToString(), "Deleted");
        Assert.Equal("staff@records.local", deleted.UserName);
        Assert.Equal(141_713_00, JsonDocument.Parse(deleted.Changes).RootElement.GetProperty("AmountMinor")[0].GetInt64());
    }

    [Fact]
    public async Task ResettingAnEmailTemplateLeavesAnEntry()
    {
        await app.WithDbAsync(async db =>
        {
            db.EmailTemplates.Add(new Records.Core.Mail.EmailTemplate { Key = "nomination-received", Subject = "Thanks for {{ nominee_name }}", Body = "We have it.", UpdatedBy = "admin@records.local" });
            await db.SaveChangesAsync();
        });
        var client = app.Browser();
        await client.LoginAsRoleAsync("Admin");
        var edit = await client.GetPageAsync("/Admin/EmailTemplates/Edit/nomination-received");
        var reset = await client.SubmitFormAsync(edit, "/Admin/EmailTemplates/Edit/nomination-received", new Dictionary<string, string>(), "form[action*='handler=Reset']");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.False(await app.WithDbAsync(db => db.EmailTemplates.AnyAsync(t => t.Key == "nomination-received")));
        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "EmailTemplate" && a.Action == "Deleted"));
        Assert.Equal("Email template nomination-received", entry.Summary);
        Assert.Equal("admin@records.local", entry.UserName);
        Assert.Equal("Thanks for {{ nominee_name }}", JsonDocument.Parse(entry.Changes).RootElement.GetProperty("Subject")[0].GetString());
    }
}
