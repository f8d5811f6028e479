using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Records.Core.Donations;
using Records.Core.Donations.Import;
using Records.Tests.Infrastructure;
using Records.Web.Infrastructure;
using static Records.Tests.Donations.Import.ImportPages;

namespace Records.Tests.Donations.Import;

/// <summary>A generic file with lines of report details above its column names: the header is found, or pointed at on the mapping step.</summary>
public class ImportHeaderPageTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private const string Preamble = "page-generic-preamble.csv";

    private static IEnumerable<string> Columns(IHtmlDocument mapping) =>
        mapping.QuerySelectorAll("select[name='Input.Date'] option").Skip(1).Select(o => o.TextContent);

    private static Task<HttpResponseMessage> PointAtAsync(HttpClient client, IHtmlDocument mapping, string line, string? token = null)
    {
        var fields = new Dictionary<string, string> { ["Input.HeaderLine"] = line };
        if (token is not null) fields["Input.Token"] = token;
        return client.SubmitFormAsync(mapping, Url, fields, "form[data-form=header]");
    }

    [Fact]
    public async Task TheHeaderBelowTheReportDetailsIsFoundAndAnotherLineCanBePointedAt()
    {
        var client = await app.StaffAsync();
        var mapping = await CheckAsync(app, client, Preamble, "Generic");

        Assert.Equal("Say which column holds each field. The file has 6 columns, named on line 5.", TextOf(mapping, "[data-state=mapping] .lede"));
        Assert.Equal(["Gift date", "Amount", "Currency", "Reference", "Donor email", "Donor name"], Columns(mapping));
        var lines = mapping.QuerySelectorAll("form[data-form=header] select[name='Input.HeaderLine'] option").ToList();
        Assert.Equal(["1", "2", "3", "5", "6", "7", "8"], lines.Select(o => o.GetAttribute("value")));
        Assert.Equal("5", lines.Single(o => o.HasAttribute("selected")).GetAttribute("value"));
        Assert.Equal("line 1: Giving report, Example Giving Platform", lines[0].TextContent);

        var wrong = await PointAtAsync(client, mapping, "1");
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        var reread = await client.GetPageAsync(wrong.Headers.Location!.OriginalString);
        Assert.Equal("Say which column holds each field. The file has 2 columns, named on line 1.", TextOf(reread, "[data-state=mapping] .lede"));
        Assert.Equal(["Giving report", "Example Giving Platform"], Columns(reread));
        Assert.Equal("1", reread.QuerySelector("select[name='Input.HeaderLine'] option[selected]")!.GetAttribute("value"));

        var right = await PointAtAsync(client, reread, "5");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var mapped = await client.GetPageAsync(right.Headers.Location!.OriginalString);
        Assert.Equal(["Gift date", "Amount", "Currency", "Reference", "Donor email", "Donor name"], Columns(mapped));

        var check = await client.SubmitFormAsync(mapped, Url, new Dictionary<string, string>
        {
            ["Input.Date"] = "Gift date", ["Input.Amount"] = "Amount", ["Input.Currency"] = "Currency", ["Input.TransactionId"] = "Reference",
            ["Input.Email"] = "Donor email", ["Input.Name"] = "Donor name", ["Input.Fee"] = "", ["Input.Recurring"] = "",
            ["Input.DateFormat"] = "YearMonthDay", ["Input.Channel"] = "BankTransfer",
        }, "form[data-form=map]");
        Assert.Equal(HttpStatusCode.Redirect, check.StatusCode);
        var report = await WaitAsync(app, client, check.Headers.Location!.OriginalString);
        Assert.Equal("CSV file with mapped columns (column names on line 5), 3 rows read. Nothing has been saved yet.", TextOf(report, "[data-state=report] .lede"));
        Assert.Equal("3 donations would be added, 0 duplicates and 0 rows that are not completed payments left out.", TextOf(report, "[data-summary]"));

        var commit = await CommitAsync(client, report);
        await WaitAsync(app, client, commit.Headers.Location!.OriginalString);
        var added = await app.WithDbAsync(db => db.Donations.AsNoTracking().Include(d => d.Person).Where(d => d.TransactionId!.StartsWith("PGEN-")).OrderBy(d => d.TransactionId).ToListAsync());
        Assert.Equal(
        [
            ("PGEN-0001", new DateOnly(2025, 2, 15), 40_00L, "USD", "Ida Rhodes"),
            ("PGEN-0002", new DateOnly(2025, 2, 16), 12_50L, "EUR", "Kathleen Booth"),
            ("PGEN-0003", new DateOnly(2025, 3, 1), 100_00L, "USD", "Evelyn Berezin"),
        ], added.Select(d => (d.TransactionId!, d.ReceivedOn, d.AmountMinor, d.Currency, d.Person!.Name)));
        Assert.All(added, d => Assert.Equal(DonationChannel.BankTransfer, d.Channel));
    }

    [Theory]
    [InlineData("4", "Line 4 is not one of the first 7 lines shown.")]
    [InlineData("99", "Line 99 is not one of the first 7 lines shown.")]
    [InlineData("-1", "Line -1 is not one of the first 7 lines shown.")]
    [InlineData("", "Choose the line that names the columns.")]
    [InlineData("first", "The value 'first' is not valid for HeaderLine.")]
    public async Task ALineNotOfferedIsRefusedBesideTheFieldAndTheMappingStays(string line, string message)
    {
        var client = await app.StaffAsync();
        var mapping = await CheckAsync(app, client, Preamble, "Generic");
        var token = mapping.QuerySelector("form[data-form=header] input[name='Input.Token']")!.GetAttribute("value")!;

        var refused = await PointAtAsync(client, mapping, line);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ReadPageAsync();
        Assert.Equal(message, page.FieldError("Input.HeaderLine"));
        Assert.Equal(["Gift date", "Amount", "Currency", "Reference", "Donor email", "Donor name"], Columns(page));
        var job = app.Services.GetRequiredService<ImportJobs>().Find(token)!;
        Assert.Equal((ImportStage.Mapping, 5), (job.Stage, job.Header!.Line));
    }

    [Fact]
    public async Task AHeaderLineForAnUnknownUploadIsRefusedAsAConflict()
    {
        var client = await app.StaffAsync();
        var mapping = await CheckAsync(app, client, Preamble, "Generic");
        foreach (var token in new[] { new string('d', 32), "", "<script>" })
        {
            var refused = await PointAtAsync(client, mapping, "1", token);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("This upload is not ready to be committed or is no longer here. Choose the file again and check it.", TextOf(await refused.ReadPageAsync(), "[data-refusal]"));
        }
    }

    [Fact]
    public async Task AProcessorsExportKeepsTheHeaderItFoundAndItsDryRun()
    {
        var client = await app.StaffAsync();
        var report = await CheckAsync(app, client, "page-stripe-older.csv", "Stripe");
        var token = report.QuerySelector("form[data-form=commit] input[name='Input.Token']")!.GetAttribute("value")!;

        var refused = await client.SubmitFormAsync(report, Url, new Dictionary<string, string> { ["Input.HeaderLine"] = "2" }, "form[data-form=commit]", $"{Url}?handler=Header");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var job = app.Services.GetRequiredService<ImportJobs>().Find(token)!;
        Assert.Equal((ImportStage.Checked, 1, "Stripe payments export, older layout"), (job.Stage, job.Header!.Line, job.Header.Variant?.Name));
        Assert.Equal("Commit: add 2 donations", TextOf(await client.GetPageAsync($"{Url}?token={token}"), "form[data-form=commit] button[type=submit]"));
    }

    [Fact]
    public async Task AProcessorsExportCannotBeTurnedIntoAMappedFile()
    {
        var client = await app.StaffAsync();
        var report = await CheckAsync(app, client, "page-stripe-older.csv", "Stripe");
        var token = report.QuerySelector("form[data-form=commit] input[name='Input.Token']")!.GetAttribute("value")!;

        var refused = await client.SubmitFormAsync(report, Url, new Dictionary<string, string>
        {
            ["Input.Date"] = "Created (UTC)", ["Input.Amount"] = "Amount", ["Input.Currency"] = "Currency", ["Input.TransactionId"] = "id",
            ["Input.DateFormat"] = "YearMonthDay", ["Input.Channel"] = "Cheque",
        }, "form[data-form=commit]", $"{Url}?handler=Map");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var job = app.Services.GetRequiredService<ImportJobs>().Find(token)!;
        Assert.Equal((ImportStage.Checked, ImportLayoutKind.Stripe), (job.Stage, job.Layout!.Kind));
    }
}
