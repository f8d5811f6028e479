using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Fellows;
using Records.Core.Nominations;
using Records.Core.People;
using Records.Core.Reports;
using Records.Core.ServiceAwards;
using Records.Tests.Infrastructure;
using Records.Tests.Nominations;
using Records.Tests.Pdf;

namespace Records.Tests.Reports;

public class QuarterPacketTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (int Year, int Quarter)? seeded;

    /// <summary>One closed round (in the 1200s, from ReviewData) with two nominations and their votes, two Fellows and four award proposals.</summary>
    private async Task<(int Year, int Quarter)> SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (seeded is { } done && await app.WithDbAsync(db => db.Rounds.AnyAsync(r => r.Year == done.Year && r.Quarter == done.Quarter))) return done;
            var roundId = await ReviewData.RoundAsync(app, RoundStatus.Closed);
            var (year, quarter) = await app.WithDbAsync(async db => (await db.Rounds.Where(r => r.Id == roundId).SingleAsync()) is var r ? (r.Year, r.Quarter) : default);
            await app.CreateUserAsync("third.member@example.org", "Third-member-kestrel-2026!", Roles.WorkGroup);
            var langa = await ReviewData.NominationAsync(app, roundId, "Łukasz Langa", status: NominationStatus.Accepted);
            var ada = await ReviewData.NominationAsync(app, roundId, "Ada Short");
            await ReviewData.VoteAsync(app, langa, "chair@records.local", VoteChoice.Yes);
            await ReviewData.VoteAsync(app, langa, "workgroup@records.local", VoteChoice.Yes);
            await ReviewData.VoteAsync(app, langa, "third.member@example.org", VoteChoice.No);
            await ReviewData.VoteAsync(app, ada, "workgroup@records.local", VoteChoice.Abstain);
            var langaId = await ReviewData.NomineeIdAsync(app, langa);
            await app.WithDbAsync(async db =>
            {
                db.Fellows.Add(new Fellow { PersonId = langaId, Year = year, Quarter = quarter, Position = 2, Status = FellowStatus.Active, NominationId = langa });
                db.Fellows.Add(new Fellow { Person = new Person { Name = "Zoë Çelik" }, Year = year, Quarter = quarter, Position = 1, Status = FellowStatus.Active });
                db.ServiceAwards.AddRange(
                    Award("Grace Approved", year, quarter, ServiceAwardStatus.Approved, "RESOLVED, award to Grace.", new(year, 3, 1)),
                    Award("Hal Declined", year, quarter, ServiceAwardStatus.Declined, null, new(year, 3, 2)),
                    Award("Ivy Held", year, quarter, ServiceAwardStatus.HeldOver, null, new(year, 3, 3)),
                    Award("Pending Pat", year, quarter, ServiceAwardStatus.Proposed, null, null));
                await db.SaveChangesAsync();
            });
            seeded = (year, quarter);
            return (year, quarter);
        }
        finally
        {
            Once.Release();
        }
    }

    private static ServiceAward Award(string name, int year, int quarter, ServiceAwardStatus status, string? resolution, DateOnly? decided) => new()
    {
        RecipientName = name, Reasons = "Years of service to the community.", Year = year, Quarter = quarter, Status = status,
        Resolution = resolution, DecidedOn = decided, ProposedAt = new DateTime(year, 1, 5, 0, 0, 0, DateTimeKind.Utc),
    };

    private async Task<HttpClient> AsAsync(string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        return client;
    }

    private static List<string> Rows(IHtmlDocument page, string section) =>
        page.QuerySelectorAll($"[data-section={section}] tbody tr")
            .Select(tr => string.Join(" ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();

    [Fact]
    public async Task ThePacketPdfStatesEveryFigureOfThePage()
    {
        var (year, quarter) = await SeedAsync();
        var client = await AsAsync("Board");
        var url = $"/Reports/Quarter?year={year}&quarter={quarter}";

        var page = await client.GetPageAsync(url);
        var response = await client.GetAsync(page.QuerySelector("a[data-pdf]")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"quarter-packet-{year}-q{quarter}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var pdf = await response.Content.ReadAsByteArrayAsync();
        if (Environment.GetEnvironmentVariable("RECORDS_PDF_OUT") is { Length: > 0 } folder) File.WriteAllBytes(Path.Combine(folder, "quarter-packet.pdf"), pdf);
        var lines = string.Join("\n", PdfLayoutTests.PageTexts(pdf)).Split('\n').Select(l => l.Trim()).ToList();

        var nominations = Rows(page, "nominations");
        Assert.Equal([$"Ada Short Nora Nominator Q{quarter} {year} Under review 0 0 1", $"Łukasz Langa Nora Nominator Q{quarter} {year} Accepted 2 1 0"], nominations);
        Assert.Equal(["1 Zoë Çelik Active", "2 Łukasz Langa Active"], Rows(page, "fellows"));
        var awards = Rows(page, "awards");
        Assert.Equal(3, awards.Count);
        Assert.Equal($"Grace Approved Approved Mar 1, {year} RESOLVED, award to Grace.", awards[0]);
        Assert.DoesNotContain(awards, a => a.Contains("Pending Pat"));
        foreach (var row in nominations.Concat(Rows(page, "fellows")).Concat(awards))
        {
            Assert.True(lines.Contains(row), $"The PDF has no line \"{row}\":\n{string.Join("\n", lines)}");
        }
        Assert.Contains($"Quarter packet: Q{quarter} {year}", lines);
    }

    [Fact]
    public async Task ARecusedMemberSeesNoTallyOfThatNominationInThePacketOrItsPdf()
    {
        var (year, quarter) = await SeedAsync();
        await app.CreateUserAsync("recused.member@example.org", "Amber-falcon-meadow-38", Roles.WorkGroup);
        var ada = await app.WithDbAsync(db => db.Nominations.Where(n => n.Nominee.Name == "Ada Short" && n.Round.Year == year && n.Round.Quarter == quarter).Select(n => n.Id).SingleAsync());
        await ReviewData.RecuseAsync(app, ada, "recused.member@example.org");
        var client = app.Browser();
        await client.LoginAsync("recused.member@example.org", "Amber-falcon-meadow-38");
        var url = $"/Reports/Quarter?year={year}&quarter={quarter}";

        var nominations = Rows(await client.GetPageAsync(url), "nominations");
        var pdf = await client.GetByteArrayAsync($"/Reports/Quarter?handler=Pdf&year={year}&quarter={quarter}");
        var lines = string.Join("\n", PdfLayoutTests.PageTexts(pdf)).Split('\n').Select(l => l.Trim()).ToList();

        var hidden = $"Ada Short Nora Nominator Q{quarter} {year} Under review — — —";
        Assert.Equal([hidden, $"Łukasz Langa Nora Nominator Q{quarter} {year} Accepted 2 1 0"], nominations);
        Assert.Contains(hidden, lines);
        Assert.Contains(QuarterPacket.HiddenNote, lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Ada Short") && l.EndsWith("0 0 1"));
    }

    [Theory]
    [InlineData("Board")]
    [InlineData("WorkGroup")]
    [InlineData("Chair")]
    public async Task TheWorkGroupAndTheBoardGetThePacket(string role)
    {
        var (year, quarter) = await SeedAsync();
        var client = await AsAsync(role);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Reports/Quarter?year={year}&quarter={quarter}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Reports/Quarter?handler=Pdf&year={year}&quarter={quarter}")).StatusCode);
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("Admin")]
    public async Task StaffAndAdminsAreRefusedThePacket(string role)
    {
        var client = await AsAsync(role);

        var page = await client.GetAsync("/Reports/Quarter?year=2020&quarter=1");
        var pdf = await client.GetAsync("/Reports/Quarter?handler=Pdf&year=2020&quarter=1");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, pdf.StatusCode);
        Assert.NotEqual("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ThePublicIsSentToSignIn()
    {
        var response = await app.Browser().GetAsync("/Reports/Quarter?year=2020&quarter=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task AQuarterWithNothingSaysSoInEachSection()
    {
        var client = await AsAsync("Board");

        var page = await client.GetPageAsync("/Reports/Quarter?year=1901&quarter=3");
        var pdf = await client.GetByteArrayAsync("/Reports/Quarter?handler=Pdf&year=1901&quarter=3");

        var text = string.Join("\n", PdfLayoutTests.PageTexts(pdf));
        Assert.Equal(3, page.QuerySelectorAll("[data-empty]").Length);
        Assert.Empty(page.QuerySelectorAll("[data-section] table"));
        foreach (var none in new[] { QuarterPacket.NoNominations, QuarterPacket.NoFellows, QuarterPacket.NoAwards })
        {
            Assert.Contains(none, page.Body!.TextContent);
            Assert.Contains(none, text);
        }
        Assert.DoesNotContain("Nominator", text);
    }

    [Fact]
    public async Task TheSeedsFellowsOfQ1Of2020AreInTheirPacketInOrder()
    {
        var client = await AsAsync("WorkGroup");

        var page = await client.GetPageAsync("/Reports/Quarter?year=2020&quarter=1");

        var fellows = Rows(page, "fellows");
        Assert.Equal(8, fellows.Count);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => i.ToString()), fellows.Select(f => f.Split(' ')[0]));
    }

    [Theory]
    [InlineData("year=2020&quarter=5", "Input.Quarter", "Choose a quarter from 1 to 4.")]
    [InlineData("year=0&quarter=1", "Input.Year", "Enter a year like 2020.")]
    [InlineData("year=twenty&quarter=1", "Input.Year", "Enter a year like 2020.")]
    [InlineData("quarter=1", "Input.Year", "Enter a year.")]
    [InlineData("year=2020", "Input.Quarter", "Choose a quarter.")]
    [InlineData("handler=Pdf&year=2020&quarter=0", "Input.Quarter", "Choose a quarter from 1 to 4.")]
    public async Task ABadQuarterOrYearGetsAMessageBesideTheFieldAndA400(string query, string field, string message)
    {
        var client = await AsAsync("Board");

        var page = await client.GetPageAsync($"/Reports/Quarter?{query}", HttpStatusCode.BadRequest);

        Assert.Equal(message, page.FieldError(field));
        Assert.Null(page.QuerySelector("a[data-pdf]"));
    }

    [Fact]
    public async Task ThePacketReadsAFixedNumberOfQueriesWhateverItHolds()
    {
        var (year, quarter) = await SeedAsync();
        var client = await AsAsync("Board");

        var (full, fullCommands) = await app.Sql.GetAsync(client, $"/Reports/Quarter?year={year}&quarter={quarter}");
        var (empty, emptyCommands) = await app.Sql.GetAsync(client, "/Reports/Quarter?year=1902&quarter=2");

        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(emptyCommands.Count, fullCommands.Count);
        Assert.True(fullCommands.Count <= 6, string.Join("\n---\n", fullCommands));
    }
}
