using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Amounts;
using Records.Core.Reports;
using Records.Tests.Infrastructure;

namespace Records.Tests.Reports;

public class DonorLetterTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task TheLetterStatesTheGiftAndTheValueOfWhatTheDonorReceived()
    {
        var gifts = await DonorData.SeedAsync(app);
        var client = await DonorData.AsAsync(app, "Staff");

        var response = await client.GetAsync($"/Donations/Letter/{gifts.WithTicket}");
        var text = await DonorData.PdfTextAsync(response);
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
        var gifts = await DonorData.SeedAsync(app);
        var client = await DonorData.AsAsync(app, "Board");

        var text = await DonorData.PdfTextAsync(await client.GetAsync($"/Donations/Letter/{gifts.Plain}"));

        Assert.Contains("Thank you for your gift of $50.25 received on June 1, 1974.", text);
        Assert.Contains("No goods or services were provided in exchange for this gift.", text);
    }

    [Fact]
    public async Task AnOrganisationsLetterIsAddressedToItsNameAsWritten()
    {
        var gifts = await DonorData.SeedAsync(app);
        var client = await DonorData.AsAsync(app, "Staff");

        var text = await DonorData.PdfTextAsync(await client.GetAsync($"/Donations/Letter/{gifts.Organisation}"));

        Assert.Contains("Ącme Łódź sp. z o.o.", text);
        Assert.Contains("Thank you for your gift of €500.00 received on July 7, 1974.", text);
    }

    [Fact]
    public async Task AnAnonymousGiftGetsNoLetterButTheReason()
    {
        var gifts = await DonorData.SeedAsync(app);
        var client = await DonorData.AsAsync(app, "Staff");

        var page = await client.GetPageAsync($"/Donations/Letter/{gifts.Anonymous}", HttpStatusCode.BadRequest);

        Assert.Equal(Acknowledgement.AnonymousRefusal, page.QuerySelector("[data-refusal]")?.TextContent.Trim());
    }

    [Fact]
    public async Task AnUnknownGiftIsNotFoundAndOutsidersAreRefused()
    {
        var gifts = await DonorData.SeedAsync(app);
        var workGroup = await DonorData.AsAsync(app, "WorkGroup");

        Assert.Equal(HttpStatusCode.NotFound, (await (await DonorData.AsAsync(app, "Staff")).GetAsync("/Donations/Letter/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await workGroup.GetAsync($"/Donations/Letter/{gifts.Plain}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await workGroup.GetAsync($"/Donations/Statement/{gifts.PersonId}?year=1974")).StatusCode);
    }
}
