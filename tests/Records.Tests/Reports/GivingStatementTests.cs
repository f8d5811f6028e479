using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Amounts;
using Records.Core.Reports;
using Records.Tests.Infrastructure;

namespace Records.Tests.Reports;

public class GivingStatementTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task TheStatementsTotalsAreTheDatabasesSumsOnThePageAndInThePdf()
    {
        var gifts = await DonorData.SeedAsync(app);
        var client = await DonorData.AsAsync(app, "Board");
        var (from, to) = (new DateOnly(1974, 1, 1), new DateOnly(1974, 12, 31));
        var sums = await app.WithDbAsync(db => db.Donations.Where(d => d.PersonId == gifts.PersonId && !d.IsAnonymous && d.ReceivedOn >= from && d.ReceivedOn <= to)
            .GroupBy(d => d.Currency).Select(g => new { Currency = g.Key, Count = g.Count(), Amount = g.Sum(d => d.AmountMinor), Back = g.Sum(d => d.QuidProQuoMinor) })
            .OrderBy(s => s.Currency).ToListAsync());
        var expected = sums.Select(s => $"{s.Currency} {s.Count} {new Money(s.Amount, s.Currency).Format()} {new Money(s.Back, s.Currency).Format()} {new Money(s.Amount - s.Back, s.Currency).Format()}").ToList();

        var page = await client.GetPageAsync($"/Donations/Statement/{gifts.PersonId}?year=1974");
        var response = await client.GetAsync(page.QuerySelector("a[data-pdf]")!.GetAttribute("href"));
        var pdf = await DonorData.PdfTextAsync(response);
        if (Environment.GetEnvironmentVariable("RECORDS_PDF_OUT") is { Length: > 0 } folder) File.WriteAllBytes(Path.Combine(folder, "statement.pdf"), await response.Content.ReadAsByteArrayAsync());

        var totals = page.QuerySelectorAll("[data-totals] tbody tr").Select(tr => string.Join(" ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(["EUR 1 €20.00 €5.00 €15.00", "USD 2 $350.25 $75.00 $275.25"], expected);
        Assert.Equal(expected, totals);
        var lines = pdf.Split('\n').Select(l => l.Trim()).ToList();
        Assert.All(expected, row => Assert.Contains(row, lines));
        Assert.Equal(3, page.QuerySelectorAll("[data-gifts] tbody tr").Length);
        Assert.Contains("Mar 3, 1974 Converted registration 1974 spring drive $300.00 $75.00 $225.00", lines);
        Assert.Contains("USD: You received goods or services valued at $75.00 in return; the deductible part of your gifts is $275.25.", pdf.ReplaceLineEndings(" "));
        Assert.Contains("Łukasz Langa", pdf);
        Assert.DoesNotContain("$7.00", pdf);
        Assert.Equal($"giving-statement-{gifts.PersonId}-1974.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task TheYearChooserListsTheYearsTheDonorGaveInAndTheLatestIsShownFirst()
    {
        var gifts = await DonorData.SeedAsync(app);
        var client = await DonorData.AsAsync(app, "Staff");

        var page = await client.GetPageAsync($"/Donations/Statement/{gifts.PersonId}");

        Assert.Equal(["1974", "1973"], page.QuerySelectorAll("select[name=year] option").Select(o => o.TextContent.Trim()));
        Assert.Equal("1974", page.QuerySelector("select[name=year] option[selected]")?.TextContent.Trim());
        Assert.Equal("Łukasz Langa · lukasz@example.org", page.QuerySelector("[data-donor]")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?handler=Pdf")]
    public async Task ADonorWithNoGiftsInTheYearGetsAMessageNotAPdf(string handler)
    {
        var gifts = await DonorData.SeedAsync(app);
        var client = await DonorData.AsAsync(app, "Staff");
        var query = handler.Length == 0 ? "?year=1980" : $"{handler}&year=1980";

        var page = await client.GetPageAsync($"/Donations/Statement/{gifts.PersonId}{query}", HttpStatusCode.NotFound);

        Assert.Equal("Łukasz Langa made no named gifts in 1980.", page.QuerySelector("[data-empty]")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("a[data-pdf]"));
    }

    [Theory]
    [InlineData("?year=0")]
    [InlineData("?year=nineteen")]
    [InlineData("?handler=Pdf&year=-5")]
    public async Task ABadYearGetsAMessageBesideTheField(string query)
    {
        var gifts = await DonorData.SeedAsync(app);
        var client = await DonorData.AsAsync(app, "Staff");

        var page = await client.GetPageAsync($"/Donations/Statement/{gifts.PersonId}{query}", HttpStatusCode.BadRequest);

        Assert.Equal("Enter a year like 2025.", page.FieldError("Input.Year"));
    }

    [Fact]
    public async Task AnUnknownDonorIsNotFound()
    {
        var client = await DonorData.AsAsync(app, "Staff");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Donations/Statement/987654?year=1974")).StatusCode);
    }

    [Fact]
    public async Task TheStatementReadsAFixedNumberOfQueriesWhateverTheNumberOfGifts()
    {
        var gifts = await DonorData.SeedAsync(app);
        var client = await DonorData.AsAsync(app, "Staff");

        var (one, oneCommands) = await app.Sql.GetAsync(client, $"/Donations/Statement/{gifts.QuietPersonId}?year=1972");
        var (three, threeCommands) = await app.Sql.GetAsync(client, $"/Donations/Statement/{gifts.PersonId}?year=1974");

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, three.StatusCode);
        Assert.Equal(oneCommands.Count, threeCommands.Count);
    }

    [Fact]
    public async Task TheLedgerLinksANamedGiftToItsLetterAndItsDonorWhosePageLinksEachYearsStatement()
    {
        var gifts = await DonorData.SeedAsync(app);
        var client = await DonorData.AsAsync(app, "Staff");

        var page = await client.GetPageAsync("/Donations?from=1974-01-01&to=1974-12-31");

        var named = page.QuerySelector($"tr[data-donation='{gifts.WithTicket}']")!;
        Assert.Equal($"/Donations/Donor/{gifts.PersonId}", named.QuerySelector("a[href^='/Donations/Donor/']")?.GetAttribute("href"));
        Assert.Equal($"/Donations/Letter/{gifts.WithTicket}", named.QuerySelector("a[data-letter]")?.GetAttribute("href"));
        var donor = await client.GetPageAsync($"/Donations/Donor/{gifts.PersonId}");
        Assert.Equal($"/Donations/Statement/{gifts.PersonId}?year=1974", donor.QuerySelector("tr[data-year='1974'] a[data-statement]")?.GetAttribute("href"));
        var anonymous = page.QuerySelector($"tr[data-donation='{gifts.Anonymous}']")!;
        Assert.Null(anonymous.QuerySelector("a:not([data-edit])"));
    }

    [Fact]
    public async Task APersonWhoNeverGaveGetsAMessageForThisYear()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var person = new Records.Core.People.Person { Name = "Never Gave Nell" };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        var client = await DonorData.AsAsync(app, "Board");

        var page = await client.GetPageAsync($"/Donations/Statement/{id}", HttpStatusCode.NotFound);

        Assert.Equal($"Never Gave Nell made no named gifts in {app.Today.Year}.", page.QuerySelector("[data-empty]")?.TextContent.Trim());
    }
}
