using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Records.Tests.Infrastructure;
using Records.Web.Infrastructure;
using static Records.Tests.Donations.Import.ImportPages;

namespace Records.Tests.Donations.Import;

/// <summary>
/// A file whose dates could be read day first or month first is shown as read, with three rows, and cannot be committed
/// until a person confirms the order or switches it; a file with one date that can only be read one way settles itself.
/// </summary>
public class ImportDatesPageTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private const string Ambiguous = "page-paypal-ambiguous.csv";

    /// <summary>The ambiguous file with its transaction ids renamed, so each test adds gifts of its own to the shared ledger.</summary>
    private static UploadFile AmbiguousAs(string prefix) =>
        new("Input.File", Ambiguous, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ImportFiles.Bytes(Ambiguous)).Replace("PGAMB", prefix, StringComparison.Ordinal)));

    private async Task<(string Location, IHtmlDocument Report)> CheckAsync(HttpClient client, UploadFile file, string layout = "PayPal")
    {
        var upload = await UploadAsync(client, file, layout);
        Assert.True(upload.StatusCode == HttpStatusCode.Redirect, $"Upload: {(int)upload.StatusCode} {TextOf(await upload.ReadPageAsync())}");
        var location = upload.Headers.Location!.OriginalString;
        return (location, await WaitAsync(app, client, location));
    }

    private Task<List<(string Id, DateOnly On)>> StoredAsync(string prefix) => app.WithDbAsync(async db =>
        (await db.Donations.AsNoTracking().Where(d => d.TransactionId!.StartsWith(prefix)).OrderBy(d => d.TransactionId).Select(d => new { d.TransactionId, d.ReceivedOn }).ToListAsync())
        .Select(d => (d.TransactionId!, d.ReceivedOn)).ToList());

    private static Task<HttpResponseMessage> DatesAsync(HttpClient client, IHtmlDocument report, string? order, string? token = null)
    {
        var fields = new Dictionary<string, string>();
        if (order is not null) fields["Input.DateOrder"] = order;
        if (token is not null) fields["Input.Token"] = token;
        return client.SubmitFormAsync(report, Url, fields, "form[data-form=dates]");
    }

    private async Task<IHtmlDocument> CommitAndWaitAsync(HttpClient client, IHtmlDocument report)
    {
        var commit = await CommitAsync(client, report);
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        var done = await WaitAsync(app, client, commit.Headers.Location!.OriginalString);
        Assert.NotNull(done.QuerySelector("[data-state=done]"));
        return done;
    }

    [Fact]
    public async Task DatesThatReadEitherWayAreShownAndTheCommitWaitsUntilTheOrderIsConfirmed()
    {
        var client = await app.StaffAsync();
        var (location, report) = await CheckAsync(client, AmbiguousAs("PCONF"));

        Assert.Equal("PayPal activity download", TextOf(report, "[data-variant]"));
        Assert.Equal("true", report.QuerySelector("[data-dates]")!.GetAttribute("data-needs-confirmation"));
        Assert.Equal("Every date like 05/04/2025 in this file could be read either way; they are read month first (MM/DD/YYYY) until you confirm or switch.",
            TextOf(report, "[data-dates-explained]"));
        Assert.Equal(
        [
            "2 | 05/04/2025 | 4 May 2025 | 5 April 2025 | £50.00 | Rosalind Franklin",
            "3 | 03/02/2025 | 2 March 2025 | 3 February 2025 | £25.00 | Tim Berners-Lee",
            "4 | 10/11/2024 | 11 October 2024 | 10 November 2024 | £1,200.00 | Sophie Wilson",
        ], Rows(report, "[data-date-samples]"));
        Assert.Null(report.QuerySelector("form[data-form=commit] button[type=submit]"));
        Assert.Equal("Confirm how the dates are read, above, to commit.", TextOf(report, "[data-commit-waits]"));
        Assert.Equal(["MonthFirst", "DayFirst"], report.QuerySelectorAll("form[data-form=dates] button[name='Input.DateOrder']").Select(b => b.GetAttribute("value")));

        // The commit posted anyway, as a stale page or a hand-made request would: refused, nothing added.
        var before = await app.WithDbAsync(db => db.Donations.CountAsync());
        var importsBefore = await app.WithDbAsync(db => db.DonationImports.CountAsync());
        var early = await client.SubmitFormAsync(report, Url, new Dictionary<string, string> { ["Input.Token"] = Token(location) }, "form[data-form=dates]", $"{Url}?handler=Commit");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("Nothing was added: every date like 05/04/2025 in this file could be read day first or month first. Look at the rows below as they were read, then confirm the order or switch it.",
            TextOf(await early.ReadPageAsync(), "[data-refusal]"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Donations.CountAsync()));
        Assert.Equal(importsBefore, await app.WithDbAsync(db => db.DonationImports.CountAsync()));

        var confirmed = await DatesAsync(client, report, "MonthFirst");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var ready = await client.GetPageAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Equal("Dates are read month first (MM/DD/YYYY), as confirmed.", TextOf(ready, "[data-dates-explained]"));
        Assert.Null(ready.QuerySelector("form[data-form=dates]"));
        Assert.Null(ready.QuerySelector("[data-commit-waits]"));
        Assert.Equal("Commit: add 5 donations", TextOf(ready, "form[data-form=commit] button[type=submit]"));

        await CommitAndWaitAsync(client, ready);
        Assert.Equal(
        [
            ("PCONF0001", new DateOnly(2025, 5, 4)), ("PCONF0002", new DateOnly(2025, 3, 2)), ("PCONF0003", new DateOnly(2024, 10, 11)),
            ("PCONF0004", new DateOnly(2025, 6, 6)), ("PCONF0005", new DateOnly(2025, 8, 7)),
        ], await StoredAsync("PCONF"));
    }

    [Fact]
    public async Task SwitchingTheOrderChecksTheFileAgainAndCommitsTheDatesTheOtherWay()
    {
        var client = await app.StaffAsync();
        var (location, report) = await CheckAsync(client, AmbiguousAs("PSWIT"));
        Assert.Equal("MonthFirst", report.QuerySelector("[data-dates]")!.GetAttribute("data-order"));

        var switched = await DatesAsync(client, report, "DayFirst");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var again = await WaitAsync(app, client, switched.Headers.Location!.OriginalString);

        Assert.Equal(location, switched.Headers.Location!.OriginalString);
        Assert.Equal("DayFirst", again.QuerySelector("[data-dates]")!.GetAttribute("data-order"));
        Assert.Equal("Dates are read day first (DD/MM/YYYY), as confirmed.", TextOf(again, "[data-dates-explained]"));
        Assert.Equal(
        [
            "2 | 05/04/2025 | 5 April 2025 | 4 May 2025 | £50.00 | Rosalind Franklin",
            "3 | 03/02/2025 | 3 February 2025 | 2 March 2025 | £25.00 | Tim Berners-Lee",
            "4 | 10/11/2024 | 10 November 2024 | 11 October 2024 | £1,200.00 | Sophie Wilson",
        ], Rows(again, "[data-date-samples]"));
        Assert.Null(again.QuerySelector("form[data-form=dates]"));

        await CommitAndWaitAsync(client, again);
        Assert.Equal(
        [
            ("PSWIT0001", new DateOnly(2025, 4, 5)), ("PSWIT0002", new DateOnly(2025, 2, 3)), ("PSWIT0003", new DateOnly(2024, 11, 10)),
            ("PSWIT0004", new DateOnly(2025, 6, 6)), ("PSWIT0005", new DateOnly(2025, 7, 8)),
        ], await StoredAsync("PSWIT"));
    }

    [Fact]
    public async Task ADateThatReadsOneWaySettlesTheFileWithoutAConfirmation()
    {
        var client = await app.StaffAsync();
        var (_, report) = await CheckAsync(client, File("page-paypal-settled.csv"));

        Assert.Equal("false", report.QuerySelector("[data-dates]")!.GetAttribute("data-needs-confirmation"));
        Assert.Equal("Dates are read day first (DD/MM/YYYY): line 3 has 25/04/2025, which can only be read that way.", TextOf(report, "[data-dates-explained]"));
        Assert.Null(report.QuerySelector("form[data-form=dates]"));
        Assert.Null(report.QuerySelector("[data-commit-waits]"));

        await CommitAndWaitAsync(client, report);
        Assert.Equal([("PGSET0001", new DateOnly(2025, 4, 5)), ("PGSET0002", new DateOnly(2025, 4, 25)), ("PGSET0003", new DateOnly(2025, 2, 3))],
            await StoredAsync("PGSET"));
    }

    [Theory]
    [InlineData(null, "Say whether the dates are day first or month first.")]
    [InlineData("", "Say whether the dates are day first or month first.")]
    [InlineData("7", "The value '7' is invalid.")]
    [InlineData("Sideways", "The value 'Sideways' is not valid for DateOrder.")]
    public async Task AnOrderThatIsNotDayOrMonthFirstIsRefusedBesideTheButtonsAndChangesNothing(string? order, string message)
    {
        var client = await app.StaffAsync();
        var (location, report) = await CheckAsync(client, AmbiguousAs("PBAD" + (order?.Length ?? 9)));
        var job = app.Services.GetRequiredService<ImportJobs>().Find(Token(location))!;

        var refused = await DatesAsync(client, report, order);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ReadPageAsync();
        Assert.Equal(message, page.FieldError("Input.DateOrder"));
        Assert.NotNull(page.QuerySelector("form[data-form=dates]"));
        Assert.Equal((ImportStage.Checked, true), (job.Stage, job.DryRun!.Dates!.NeedsConfirmation));
        var after = await client.GetPageAsync(location);
        Assert.NotNull(after.QuerySelector("[data-commit-waits]"));
        Assert.Null(after.QuerySelector("form[data-form=commit] button[type=submit]"));
    }

    [Fact]
    public async Task DatesOfAnUnknownUploadAreRefusedAsAConflict()
    {
        var client = await app.StaffAsync();
        var (_, report) = await CheckAsync(client, AmbiguousAs("PUNK"));

        foreach (var token in new[] { new string('c', 32), "", "../../etc/passwd" })
        {
            var refused = await DatesAsync(client, report, "DayFirst", token);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("This upload is not ready to be committed or is no longer here. Choose the file again and check it.", TextOf(await refused.ReadPageAsync(), "[data-refusal]"));
        }
    }

    [Fact]
    public async Task DatesOfAFileStillBeingMappedAreRefusedAsAConflict()
    {
        var client = await app.StaffAsync();
        var mapping = await ImportPages.CheckAsync(app, client, "page-generic-preamble.csv", "Generic");
        var token = mapping.QuerySelector("form[data-form=map] input[name='Input.Token']")!.GetAttribute("value")!;

        var refused = await client.SubmitFormAsync(mapping, Url, new Dictionary<string, string> { ["Input.DateOrder"] = "DayFirst" }, "form[data-form=map]", $"{Url}?handler=Dates");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(ImportStage.Mapping, app.Services.GetRequiredService<ImportJobs>().Find(token)!.Stage);
    }
}
