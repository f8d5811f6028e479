using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Tests.Donations;
using Records.Tests.Infrastructure;
using Records.Tests.Pdf;

namespace Records.Tests.Reports;

public class FinancialPageTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private const string Url = "/Reports/Financial?kind=year&year=1980";

    private async Task<HttpClient> AsAsync(string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        return client;
    }

    [Fact]
    public async Task EveryFigureInThePdfIsTheFigureOnThePage()
    {
        await ReportData.SeedAsync(app);
        var board = await AsAsync(Roles.Board);

        var page = await board.GetPageAsync(Url);
        var pdf = await board.GetAsync(Url.Replace("?", "?handler=Pdf&"));

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("financial-report-1980-01-01-to-1980-12-31.pdf", pdf.Content.Headers.ContentDisposition!.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName);
        var lines = string.Join("\n", PdfLayoutTests.PageTexts(await pdf.Content.ReadAsByteArrayAsync())).Split('\n').Select(l => l.Trim()).ToList();
        var rows = page.QuerySelectorAll("[data-summary] tbody tr, [data-lines] tbody tr");
        Assert.True(rows.Length >= 15, $"{rows.Length} rows");
        foreach (var row in rows)
        {
            var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            Assert.Contains(string.Join(" ", cells), lines);
        }
        Assert.Equal("€10.00 · $5,325.50", page.QuerySelector("[data-figure=Revenue] td.num")!.TextContent);
    }

    [Theory]
    [InlineData("kind=custom&from=2026-03-10&to=2026-03-01", "Input.To", "The period cannot end before it starts.")]
    [InlineData("kind=year&year=twenty", "Input.Year", "Give a year such as 2025, from 1900 to 9998.")]
    [InlineData("kind=year&year=9999", "Input.Year", "Give a year such as 2025, from 1900 to 9998.")]
    [InlineData("kind=quarter&year=9999&quarter=4", "Input.Year", "Give a year such as 2025, from 1900 to 9998.")]
    [InlineData("kind=year&year=0", "Input.Year", "Give a year such as 2025, from 1900 to 9998.")]
    [InlineData("kind=custom&from=0001-01-01&to=0001-01-01", "Input.To", "Choose days from 1900-01-01 to 9998-12-31.")]
    [InlineData("kind=custom&from=2000-01-01&to=9999-12-31", "Input.To", "Choose days from 1900-01-01 to 9998-12-31.")]
    [InlineData("kind=custom&from=1900-01-01&to=9998-12-31", "Input.To", "Choose a period of at most a hundred years.")]
    [InlineData("kind=quarter&year=2025&quarter=5", "Input.Quarter", "Choose a quarter from 1 to 4.")]
    [InlineData("kind=custom&from=2026-02-30&to=2026-03-01", "Input.From", "Give the first day as YYYY-MM-DD.")]
    public async Task ABadPeriodIsNamedBesideItsFieldAndNoPdfIsMade(string query, string field, string message)
    {
        var staff = await AsAsync(Roles.Staff);

        var page = await staff.GetPageAsync("/Reports/Financial?" + query, HttpStatusCode.BadRequest);
        var pdf = await staff.GetAsync("/Reports/Financial?handler=Pdf&" + query);

        Assert.Equal(message, page.FieldError(field));
        Assert.Null(page.QuerySelector("[data-summary]"));
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Equal("text/html", pdf.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AYearWithNoRecordsSaysSo()
    {
        var page = await (await AsAsync(Roles.Board)).GetPageAsync("/Reports/Financial?kind=year&year=1991");

        Assert.Equal("No gifts or sponsorship payments are recorded for 1991.", page.QuerySelector("[data-empty]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-lines]"));
    }

    [Fact]
    public async Task EmailingTheReportQueuesThePdfToTheBoard()
    {
        await ReportData.SeedAsync(app);
        var staff = await AsAsync(Roles.Staff);

        var response = await staff.SubmitAsync(Url, new Dictionary<string, string>(), "form[action*='handler=Email']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = await app.WithDbAsync(db => db.Outbox.Include(m => m.Attachments).AsNoTracking().OrderBy(m => m.Id).LastAsync(m => m.Subject == "Financial report: 1980"));
        Assert.Contains("board@records.local", message.To);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Contains("Revenue €10.00 · $5,325.50", string.Join("\n", PdfLayoutTests.PageTexts(attachment.Content)));
        Assert.Contains("Revenue: €10.00 · $5,325.50", message.BodyText);
    }

    [Fact]
    public async Task AGiftRecordedAfterTheReportWasShownIsOnItTheNextTime()
    {
        await GiftData.PersonAsync(app, "Carol Cached", "carol@example.org");
        var campaign = await GiftData.CampaignAsync(app, "1987 appeal");
        var staff = await AsAsync(Roles.Staff);
        const string year = "/Reports/Financial?kind=year&year=1987";
        Assert.NotNull((await staff.GetPageAsync(year)).QuerySelector("[data-empty]"));

        var saved = await staff.SubmitAsync("/Donations/Edit", GiftData.GiftFields(campaign, ("Input.Person", "carol@example.org"), ("Input.ReceivedOn", "1987-06-01")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await staff.GetPageAsync(year);
        Assert.Equal("$250.00", page.QuerySelector("[data-figure=Revenue] td.num")!.TextContent);
    }

    [Fact]
    public async Task TheWorkGroupCannotReadTheFinances()
    {
        var client = await AsAsync(Roles.WorkGroup);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Reports/Budget")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync(Url)).StatusCode);
    }
}
