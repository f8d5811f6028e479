using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Records.Core.People;
using Records.Tests.Infrastructure;
using static Records.Tests.Fellows.RosterHtml;

namespace Records.Tests.Fellows;

public class RosterImportPageTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private const string Url = "/Fellows/Import";

    /// <summary>A roster file with two good rows, one already on the roster and four bad ones; <paramref name="tag"/> keeps each test's people apart.</summary>
    private static string Roster(string tag) =>
        "name,year,quarter,links,email,status\r\n" +
        $"\"Rossum, Guido {tag}\",2001,1,\"https://gvanrossum.github.io https://github.com/gvanrossum\",,Emeritus\r\n" + // 2
        "Al Sweigart,2020,1,https://inventwithpython.com,,\r\n" +                                                        // 3: on the roster
        ",2019,2,,,\r\n" +                                                                                                // 4
        $"Ada {tag},2019,2,https://fosstodon.org/@ada | https://x.com/ada,ada.{tag}@example.org,\r\n" +                 // 5
        "Bad Quarter,2019,7,,,\r\n" +                                                                                     // 6
        $"Ada {tag},2019,3,,ada.{tag}@example.org,\r\n" +                                                                // 7: same as 5
        "Ftp Person,2018,4,ftp://files.example/me,,\r\n";                                                               // 8

    private async Task<HttpClient> StaffAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        return client;
    }

    private static UploadFile Csv(string text, string name = "roster.csv") => UploadFile.Text("Input.File", name, text);

    private Task<int> FellowsAsync() => app.WithDbAsync(db => db.Fellows.CountAsync());

    private static IEnumerable<string> Rows(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr").Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(TextOf)));

    private static async Task<IHtmlDocument> DryRunAsync(HttpClient client, string csv)
    {
        var response = await client.SubmitFileAsync(Url, Csv(csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadPageAsync();
    }

    [Fact]
    public async Task DryRunReportsEveryBadRowWithItsLineAndSavesNothing()
    {
        var client = await StaffAsync();
        var before = await FellowsAsync();

        var report = await DryRunAsync(client, Roster("Dry"));

        Assert.Equal("2 Fellows would be added, 1 row skipped as already on the roster. 4 rows with problems would be left out.", TextOf(report.QuerySelector("[data-summary]")!));
        Assert.Equal(
        [
            "4 | — | The name is missing.",
            "6 | Bad Quarter | The quarter '7' is not 1, 2, 3 or 4.",
            "7 | Ada Dry | The same person as line 5.",
            "8 | Ftp Person | The link 'ftp://files.example/me' is not a web address starting with http:// or https://.",
        ], Rows(report, "[data-bad-rows]"));
        Assert.Equal(["2 | Rossum, Guido Dry | 2001 Q1 | Emeritus | Website, GitHub", "5 | Ada Dry | 2019 Q2 | Active | Mastodon, Twitter"], Rows(report, "[data-good-rows]"));
        Assert.Equal(before, await FellowsAsync());
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Name == "Ada Dry")));
    }

    [Fact]
    public async Task CommitAddsTheGoodRowsOnceAndASecondImportOfTheSameFileAddsNothing()
    {
        var client = await StaffAsync();
        var before = await FellowsAsync();

        var report = await DryRunAsync(client, Roster("Commit"));
        var commit = await client.SubmitFormAsync(report, Url, new Dictionary<string, string>(), "form[data-form=commit]");

        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        var roster = await client.GetPageAsync(commit.Headers.Location!.OriginalString);
        Assert.Equal("Added 2 Fellows from roster.csv; 1 row skipped as already on the roster. 4 rows with problems left out.", TextOf(roster.QuerySelector(".flash")!));
        Assert.Equal(before + 2, await FellowsAsync());
        var guido = FellowItem(roster, "Rossum, Guido Commit");
        Assert.Equal(["Website", "GitHub"], guido.QuerySelectorAll(".links a").Select(TextOf));
        Assert.Equal(["https://gvanrossum.github.io", "https://github.com/gvanrossum"], guido.QuerySelectorAll(".links a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Emeritus", TextOf(guido.QuerySelector(".badge")!));
        Assert.Contains("Ada Commit", roster.QuerySelectorAll("[data-quarter='2019-2'] .name").Select(TextOf));

        var again = await DryRunAsync(client, Roster("Commit"));
        // Line 7 repeats Ada, who is now on the roster: skipped like the others rather than reported as a repeat.
        Assert.StartsWith("0 Fellows would be added, 4 rows skipped as already on the roster.", TextOf(again.QuerySelector("[data-summary]")!));
        Assert.Null(again.QuerySelector("form[data-form=commit] button"));
        var second = await client.SubmitFormAsync(again, Url, new Dictionary<string, string>(), "form[data-form=commit]");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(before + 2, await FellowsAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.People.CountAsync(p => p.Email == "ada.Commit@example.org")));
    }

    [Fact]
    public async Task ImportedFellowsFollowThoseAlreadyInTheQuarterAndKnownPeopleAreReused()
    {
        var nominee = await app.WithDbAsync(async db =>
        {
            var person = new Person { Name = "Known Nominee", Email = "known@example.org", CreatedAt = DateTime.UtcNow, Links = [new() { Kind = LinkKind.GitHub, Url = "https://github.com/known", Position = 0 }] };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        var client = await StaffAsync();

        var report = await DryRunAsync(client, "name,year,quarter,links,email\nKnown Nominee,2020,1,https://github.com/known https://known.example,KNOWN@example.org\nLate Addition,2020,1,,\n");
        await client.SubmitFormAsync(report, Url, new Dictionary<string, string>(), "form[data-form=commit]");

        var fellows = await app.WithDbAsync(db => db.Fellows.Where(f => f.Year == 2020 && f.Quarter == 1).OrderBy(f => f.Position).Select(f => new { f.PersonId, f.Person.Name }).ToListAsync());
        Assert.Equal(["Known Nominee", "Late Addition"], fellows.TakeLast(2).Select(f => f.Name));
        Assert.Equal(nominee, fellows[^2].PersonId);
        var links = await app.WithDbAsync(db => db.PersonLinks.Where(l => l.PersonId == nominee).OrderBy(l => l.Position).Select(l => l.Url).ToListAsync());
        Assert.Equal(["https://github.com/known", "https://known.example"], links);
    }

    [Theory]
    [InlineData("roster.png", "name,year,quarter,links\nA,2020,1,\n", "'roster.png' is not a CSV file.")]
    [InlineData("roster.csv", "\u0089PNG\r\n\u001a\n\0\0\0\rIHDR", "This is not a CSV text file.")]
    [InlineData("roster.csv", "Al Sweigart,2020,1,\n", "This file's first line lacks name, year, quarter, links.")]
    [InlineData("roster.csv", "", "The file is empty.")]
    public async Task AFileThatIsNotARosterIsRefusedBesideTheField(string fileName, string content, string message)
    {
        var client = await StaffAsync();
        var before = await FellowsAsync();

        var response = await client.SubmitFileAsync(Url, Csv(content, fileName));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ReadPageAsync()).FieldError("Input.File"));
        Assert.Equal(before, await FellowsAsync());
    }

    [Fact]
    public async Task AFileOverFiveMegabytesIsRefusedWithTheLimit()
    {
        var client = await StaffAsync();
        var big = "name,year,quarter,links\n" + string.Concat(Enumerable.Repeat("Someone Quite Long,2020,1,https://example.org/a/long/path/to/a/page\n", 90_000));

        var response = await client.SubmitFileAsync(Url, Csv(big));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The file is 5.8 MB; the limit is 5 MB. Split the roster into smaller files.", (await response.ReadPageAsync()).FieldError("Input.File"));
    }

    [Fact]
    public async Task NoFileChosenIsRefusedBesideTheField()
    {
        var client = await StaffAsync();

        var response = await client.SubmitAsync(Url, new Dictionary<string, string>(), "form[data-form=upload]");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Choose the roster's CSV file.", (await response.ReadPageAsync()).FieldError("Input.File"));
    }

    [Fact]
    public async Task CommitOfAFileThatWasNeverCheckedIsRefused()
    {
        var client = await StaffAsync();
        var before = await FellowsAsync();

        var response = await client.SubmitAsync(Url, new Dictionary<string, string> { ["Input.Token"] = "../../records", ["Input.FileName"] = "x.csv" }, action: Url + "?handler=Commit");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The checked file is no longer here", (await response.ReadPageAsync()).FieldError("Input.File"));
        Assert.Equal(before, await FellowsAsync());
    }
}
