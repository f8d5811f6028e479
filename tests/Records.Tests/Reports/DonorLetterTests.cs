using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Core.Money;
using Records.Core.People;
using Records.Core.Reports;
using Records.Tests.Infrastructure;
using Records.Tests.Pdf;

namespace Records.Tests.Reports;

public class DonorLetterTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private sealed record Gifts(int PersonId, int WithTicket, int Plain, int Anonymous, int Organisation, int NoGiftsPersonId);

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Gifts? seeded;

    /// <summary>Łukasz gave three times in 1974 (one with a ticket, one in euros) and once in 1973.</summary>
    private async Task<Gifts> SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (seeded is { } done && await app.WithDbAsync(db => db.People.AnyAsync(p => p.Id == done.PersonId))) return done;
            seeded = await app.WithDbAsync(async db =>
            {
                var langa = new Person { Name = "Łukasz Langa", Email = "lukasz@example.org" };
                var quiet = new Person { Name = "Quiet Quentin" };
                var drive = new Campaign { Name = "1974 spring drive", Currency = "USD" };
                var ticket = new Donation { Person = langa, AmountMinor = 300_00, QuidProQuoMinor = 75_00, Currency = "USD", ReceivedOn = new(1974, 3, 3), Channel = DonationChannel.ConvertedRegistration, Campaign = drive };
                var plain = new Donation { Person = langa, AmountMinor = 50_25, Currency = "USD", ReceivedOn = new(1974, 6, 1), Channel = DonationChannel.PayPal };
                var anonymous = new Donation { IsAnonymous = true, AmountMinor = 1_000_00, Currency = "USD", ReceivedOn = new(1974, 6, 2), Channel = DonationChannel.Cheque };
                var organisation = new Donation { Organisation = new Records.Core.Sponsors.Sponsor { Name = "Ącme Łódź sp. z o.o.", PrimaryContactEmail = "office@acme.example" }, AmountMinor = 500_00, Currency = "EUR", ReceivedOn = new(1974, 7, 7), Channel = DonationChannel.BankTransfer };
                db.Donations.AddRange(ticket, plain, anonymous, organisation,
                    new Donation { Person = langa, AmountMinor = 20_00, QuidProQuoMinor = 5_00, Currency = "EUR", ReceivedOn = new(1974, 11, 11), Channel = DonationChannel.BankTransfer },
                    new Donation { Person = langa, AmountMinor = 10_00, Currency = "USD", ReceivedOn = new(1973, 12, 31), Channel = DonationChannel.Card },
                    new Donation { Person = langa, IsAnonymous = true, AmountMinor = 7_00, Currency = "USD", ReceivedOn = new(1974, 8, 8), Channel = DonationChannel.Card },
                    new Donation { Person = quiet, AmountMinor = 5_00, Currency = "USD", ReceivedOn = new(1972, 1, 1), Channel = DonationChannel.Card });
                await db.SaveChangesAsync();
                return new Gifts(langa.Id, ticket.Id, plain.Id, anonymous.Id, organisation.Id, quiet.Id);
            });
            return seeded;
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<HttpClient> AsAsync(string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        return client;
    }

    private static string Text(byte[] pdf) => string.Join("\n", PdfLayoutTests.PageTexts(pdf));

    private static async Task<string> PdfTextAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 1500)]}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return Text(body);
    }

    [Fact]
    public async Task TheLetterStatesTheGiftAndTheValueOfWhatTheDonorReceived()
    {
        var gifts = await SeedAsync();
        var client = await AsAsync("Staff");

        var response = await client.GetAsync($"/Donations/Letter/{gifts.WithTicket}");
        var text = await PdfTextAsync(response);
        if (Environment.GetEnvironmentVariable("RECORDS_PDF_OUT") is { Length: > 0 } folder) File.WriteAllBytes(Path.Combine(folder, "letter.pdf"), await response.Content.ReadAsByteArrayAsync());

        Assert.Contains("Python Software Foundation", text);
        Assert.Contains("Łukasz Langa", text);
        Assert.Contains("lukasz@example.org", text);
        Assert.Contains("Thank you for your gift of $300.00 received on March 3, 1974.", text);
        Assert.Contains("You received goods or services valued at $75.00 in return; the deductible part of your gift is $225.00.", text);
        Assert.DoesNotContain("No goods or services", text);
        Assert.Equal($"acknowledgement-{gifts.WithTicket}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task ALetterForAGiftWithNothingInReturnSaysSo()
    {
        var gifts = await SeedAsync();
        var client = await AsAsync("Board");

        var text = await PdfTextAsync(await client.GetAsync($"/Donations/Letter/{gifts.Plain}"));

        Assert.Contains("Thank you for your gift of $50.25 received on June 1, 1974.", text);
        Assert.Contains("No goods or services were provided in exchange for this gift.", text);
    }

    [Fact]
    public async Task AnOrganisationsLetterIsAddressedToItsNameAsWritten()
    {
        var gifts = await SeedAsync();
        var client = await AsAsync("Staff");

        var text = await PdfTextAsync(await client.GetAsync($"/Donations/Letter/{gifts.Organisation}"));

        Assert.Contains("Ącme Łódź sp. z o.o.", text);
        Assert.Contains("Thank you for your gift of €500.00 received on July 7, 1974.", text);
    }

    [Fact]
    public async Task AnAnonymousGiftGetsNoLetterButTheReason()
    {
        var gifts = await SeedAsync();
        var client = await AsAsync("Staff");

        var page = await client.GetPageAsync($"/Donations/Letter/{gifts.Anonymous}", HttpStatusCode.BadRequest);

        Assert.Equal(Acknowledgement.AnonymousRefusal, page.QuerySelector("[data-refusal]")?.TextContent.Trim());
    }

    [Fact]
    public async Task AnUnknownGiftIsNotFoundAndOutsidersAreRefused()
    {
        var gifts = await SeedAsync();
        var workGroup = await AsAsync("WorkGroup");

        Assert.Equal(HttpStatusCode.NotFound, (await (await AsAsync("Staff")).GetAsync("/Donations/Letter/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await workGroup.GetAsync($"/Donations/Letter/{gifts.Plain}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await workGroup.GetAsync($"/Donations/Statement/{gifts.PersonId}?year=1974")).StatusCode);
    }

    [Fact]
    public async Task TheStatementsTotalsAreTheDatabasesSumsOnThePageAndInThePdf()
    {
        var gifts = await SeedAsync();
        var client = await AsAsync("Board");
        var (from, to) = (new DateOnly(1974, 1, 1), new DateOnly(1974, 12, 31));
        var sums = await app.WithDbAsync(db => db.Donations.Where(d => d.PersonId == gifts.PersonId && !d.IsAnonymous && d.ReceivedOn >= from && d.ReceivedOn <= to)
            .GroupBy(d => d.Currency).Select(g => new { Currency = g.Key, Count = g.Count(), Amount = g.Sum(d => d.AmountMinor), Back = g.Sum(d => d.QuidProQuoMinor) })
            .OrderBy(s => s.Currency).ToListAsync());
        var expected = sums.Select(s => $"{s.Currency} {s.Count} {new Money(s.Amount, s.Currency).Format()} {new Money(s.Back, s.Currency).Format()} {new Money(s.Amount - s.Back, s.Currency).Format()}").ToList();

        var page = await client.GetPageAsync($"/Donations/Statement/{gifts.PersonId}?year=1974");
        var response = await client.GetAsync(page.QuerySelector("a[data-pdf]")!.GetAttribute("href"));
        var pdf = await PdfTextAsync(response);
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
        var gifts = await SeedAsync();
        var client = await AsAsync("Staff");

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
        var gifts = await SeedAsync();
        var client = await AsAsync("Staff");
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
        var gifts = await SeedAsync();
        var client = await AsAsync("Staff");

        var page = await client.GetPageAsync($"/Donations/Statement/{gifts.PersonId}{query}", HttpStatusCode.BadRequest);

        Assert.Equal("Enter a year like 2025.", page.FieldError("Input.Year"));
    }

    [Fact]
    public async Task AnUnknownDonorIsNotFound()
    {
        var client = await AsAsync("Staff");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Donations/Statement/987654?year=1974")).StatusCode);
    }
}
