using Records.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Core.Donations.Import;
using Records.Core.People;
using Records.Core.Posts;
using Records.Tests.Mail;
using Records.Web.Pages.Posts;
using static Records.Tests.Donations.Import.ProcessorExports;

namespace Records.Tests.Donations.Import;

/// <summary>GitHub Sponsors' transactions export: one-time and monthly sponsorships, from public sponsors and from private ones who are never named.</summary>
public class GitHubSponsorsExportTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly PostSettings Settings = new("Example Software Foundation", "https://foundation.example/fellows/",
        "https://foundation.example/roster/", "fellows@foundation.example", "https://foundation.example/work-group");

    [Fact]
    public async Task GitHubSponsorsGiftsAreAddedInDollarsAndPrivateSponsorsAreAnonymousWithNoPersonMade()
    {
        var database = await fixture.CreateDatabaseAsync();
        int barbara;
        await using (var db = database.Open())
        {
            var person = new Person { Name = "Barbara Liskov", Email = "barbara.liskov@example.org" };
            db.People.Add(person);
            await db.SaveChangesAsync();
            barbara = person.Id;
        }

        var report = await CommitAsync(database, "github-sponsors.csv", ImportLayout.GitHubSponsors);

        Assert.Equal("GitHub Sponsors transactions export", report.Variant);
        Assert.Equal((5, 2, 1, 2), (report.Added, report.Private, report.DonorsMatched, report.DonorsCreated));
        var stored = await StoredAsync(database, report);
        Assert.Equal([
            ("GHS-2025-0001", new DateOnly(2025, 4, 1), 5_00L, 0L, "USD"),
            ("GHS-2025-0002", new DateOnly(2025, 4, 2), 50_00L, 0L, "USD"),
            ("GHS-2025-0003", new DateOnly(2025, 4, 3), 50_00L, 0L, "USD"),
            // 02:30 UTC on 6 April is the evening of 5 April in New York.
            ("GHS-2025-0005", new DateOnly(2025, 4, 5), 5_00L, 0L, "USD"),
            ("GHS-2025-0006", new DateOnly(2025, 4, 7), 25_00L, 0L, "USD"),
        ], stored.Select(Stored));
        Assert.All(stored, d => Assert.Equal(DonationChannel.GitHubSponsors, d.Channel));
        Assert.Equal([true, false, false, true, true], stored.Select(d => d.IsRecurring));
        Assert.Equal([false, true, false, true, false], stored.Select(d => d.IsAnonymous));
        Assert.Equal(("Ada Public", "ada.public@example.org"), (stored[0].Person!.Name, stored[0].Person!.Email));
        Assert.Equal(("Linus Public", null), (stored[2].Person!.Name, stored[2].Person!.Email));
        Assert.Equal(barbara, stored[4].PersonId);
        Assert.Null(stored[1].PersonId);
        Assert.Null(stored[3].PersonId);
        Assert.Equal("Private GitHub sponsor @secret-grace, tier $50 one time", stored[1].Notes);
        Assert.Equal("Private GitHub sponsor @secret-hedy, tier $5 a month", stored[3].Notes);
        Assert.Equal("GitHub sponsor @octo-ada, tier $5 a month", stored[0].Notes);
        Assert.Equal(["5: Refunded in full."], Lines(report.Skipped));
        Assert.Empty(report.BadRows);

        await using var check = database.Open();
        Assert.False(await check.People.AnyAsync(p => p.Name.Contains("Grace") || p.Name.Contains("secret") || p.Email == "grace.private@example.org"));
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Summary!.Contains("Grace Private") || a.Changes!.Contains("Grace Private") || a.Changes!.Contains("grace.private")));
    }

    [Fact]
    public async Task AThankYouPostForThePeriodNamesPublicSponsorsAndNeverAPrivateOne()
    {
        var database = await fixture.CreateDatabaseAsync();
        await CommitAsync(database, "github-sponsors.csv", ImportLayout.GitHubSponsors);
        var post = new Post
        {
            Kind = PostKind.Thanks, Title = "Thank you, April 2025", Markdown = "", PeriodFrom = new DateOnly(2025, 4, 1), PeriodTo = new DateOnly(2025, 4, 30),
            NameDonors = true, ShowTotals = true,
        };

        await using var db = database.Open();
        var problem = await PostWriter.WriteAsync(db, post, Settings, At);

        Assert.Null(problem);
        Assert.Contains("Ada Public", post.Markdown);
        Assert.Contains("Linus Public", post.Markdown);
        // Five gifts from five sponsors, two of them private: all counted, none of the private ones named.
        Assert.Contains("From April 1, 2025 to April 30, 2025, 5 individuals donated to the ESF", post.Markdown);
        Assert.Contains("$135.00", post.Markdown);
        foreach (var never in new[] { "Grace", "secret-grace", "grace.private", "secret-hedy", "Private GitHub sponsor" })
        {
            Assert.DoesNotContain(never, post.Markdown, StringComparison.OrdinalIgnoreCase);
        }
    }
}
