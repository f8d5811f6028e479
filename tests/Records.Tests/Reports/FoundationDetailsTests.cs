using Records.Tests.Infrastructure;

namespace Records.Tests.Reports;

/// <summary>A donor's letter and statement name the foundation as the tax authorities know it: legal name, address, EIN and status.</summary>
public class FoundationDetailsTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private const string TaxSentence = "The Python Software Foundation (EIN 04-3594598) is a 501(c)(3) non-profit organisation; gifts to it are tax-deductible to the extent the law allows.";

    [Fact]
    public async Task TheLetterCarriesThePsfsLegalNameAddressTaxIdAndStatusByDefault()
    {
        var gifts = await DonorData.SeedAsync(app);
        var client = await DonorData.AsAsync(app, "Staff");

        var text = (await DonorData.PdfTextAsync(await client.GetAsync($"/Donations/Letter/{gifts.Plain}"))).ReplaceLineEndings(" ");

        Assert.Contains("9450 SW Gemini Dr. ECM# 90772, Beaverton, OR 97008 USA", text);
        Assert.Contains("EIN 04-3594598", text);
        Assert.Contains(TaxSentence, text);
        Assert.Contains("No goods or services were provided in exchange for this gift.", text);
    }

    [Fact]
    public async Task TheStatementPageAndItsPdfCarryTheSameDetails()
    {
        var gifts = await DonorData.SeedAsync(app);
        var client = await DonorData.AsAsync(app, "Board");

        var page = await client.GetPageAsync($"/Donations/Statement/{gifts.PersonId}?year=1974");
        var pdf = (await DonorData.PdfTextAsync(await client.GetAsync(page.QuerySelector("a[data-pdf]")!.GetAttribute("href")))).ReplaceLineEndings(" ");

        var letterhead = page.QuerySelector("[data-foundation]")!.TextContent;
        Assert.Contains("Python Software Foundation", letterhead);
        Assert.Contains("9450 SW Gemini Dr. ECM# 90772, Beaverton, OR 97008 USA", letterhead);
        Assert.Contains("EIN 04-3594598", letterhead);
        Assert.Equal(TaxSentence, page.QuerySelector("[data-tax-status]")?.TextContent.Trim());
        Assert.Contains("9450 SW Gemini Dr. ECM# 90772, Beaverton, OR 97008 USA", pdf);
        Assert.Contains(TaxSentence, pdf);
    }
}

/// <summary>Another foundation sets its own details; letters and statements print those, never the PSF's.</summary>
public class OtherFoundationDetailsTests(OtherFoundationDetailsTests.App app) : IClassFixture<OtherFoundationDetailsTests.App>
{
    public class App : RecordsApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Records:Foundation:LegalName"] = "Rust Foundation",
            ["Records:Foundation:Address"] = "1 Harbour Street, Wilmington, DE 19801 USA",
            ["Records:Foundation:TaxId"] = "87-1234567",
            ["Records:Foundation:TaxStatus"] = "501(c)(6)",
        };
    }

    [Fact]
    public async Task TheSettingsAreWhatTheLetterAndTheStatementPrint()
    {
        var gifts = await DonorData.SeedAsync(app);
        var client = await DonorData.AsAsync(app, "Staff");

        var letter = (await DonorData.PdfTextAsync(await client.GetAsync($"/Donations/Letter/{gifts.Plain}"))).ReplaceLineEndings(" ");
        var page = await client.GetPageAsync($"/Donations/Statement/{gifts.PersonId}?year=1974");
        var statement = (await DonorData.PdfTextAsync(await client.GetAsync(page.QuerySelector("a[data-pdf]")!.GetAttribute("href")))).ReplaceLineEndings(" ");

        const string sentence = "The Rust Foundation (EIN 87-1234567) is a 501(c)(6) non-profit organisation";
        foreach (var text in new[] { letter, statement, page.QuerySelector("[data-foundation]")!.TextContent })
        {
            Assert.Contains("1 Harbour Street, Wilmington, DE 19801 USA", text);
            Assert.Contains(sentence, text);
            Assert.DoesNotContain("04-3594598", text);
        }
    }
}
