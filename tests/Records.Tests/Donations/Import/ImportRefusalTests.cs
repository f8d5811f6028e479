using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.Import.ImportPages;

namespace Records.Tests.Donations.Import;

public class ImportRefusalTests(ImportRefusalTests.SmallLimitApp app) : IClassFixture<ImportRefusalTests.SmallLimitApp>
{
    /// <summary>The app with a 1 MB import limit, so a file over it is small enough to send in a test.</summary>
    public sealed class SmallLimitApp : RecordsApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Records:Donations:ImportMaxMegabytes"] = "1" };
    }

    private async Task<string?> RefusalAsync(UploadFile file, string layout = "Stripe")
    {
        var client = await app.StaffAsync();
        var before = await app.WithDbAsync(db => db.Donations.CountAsync());
        var response = await UploadAsync(client, file, layout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Donations.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.DonationImports.CountAsync()));
        return (await response.ReadPageAsync()).FieldError("Input.File");
    }

    [Fact]
    public async Task BinaryFileIsRefusedAsNotText() =>
        Assert.Equal("This is not a CSV text file. Export the payments from the processor as CSV (comma-separated values).", await RefusalAsync(File("binary.csv")));

    [Fact]
    public async Task Latin1FileIsRefusedAsNotUtf8() =>
        Assert.Equal("The file is not UTF-8 text (byte 319 is not UTF-8; Latin-1 or Windows-1252 perhaps). Export it again as UTF-8, or save it from your spreadsheet as \"CSV UTF-8\".", await RefusalAsync(File("latin1.csv")));

    [Fact]
    public async Task EmptyFileIsRefused() => Assert.Equal("The file is empty.", await RefusalAsync(File("empty.csv")));

    [Fact]
    public async Task HeaderOnlyFileIsRefused() => Assert.Equal("The file has its header but no rows under it.", await RefusalAsync(File("header-only.csv")));

    [Fact]
    public async Task MissingColumnsAreNamed() =>
        Assert.Equal("This is not a Stripe file as the import reads it: the first line lacks the columns \"id\", \"Currency\".", await RefusalAsync(File("missing-column.csv")));

    [Fact]
    public async Task StripeFileOfferedAsPayPalNamesWhatItLacks() =>
        Assert.StartsWith("This is not a PayPal file as the import reads it", await RefusalAsync(File("stripe.csv"), "PayPal"));

    [Fact]
    public async Task SpreadsheetIsRefusedByItsName() =>
        Assert.Equal("'gifts.xlsx' is not a CSV file. Export the payments from the processor as CSV (comma-separated values).", await RefusalAsync(File("stripe.csv", "gifts.xlsx")));

    [Fact]
    public async Task FileOverTheLimitGetsAMessageBesideTheFieldNotA413()
    {
        var big = new StringBuilder(Encoding.UTF8.GetString(ImportFiles.Bytes("stripe.csv")));
        while (big.Length <= 1024 * 1024) big.Append("ch_filler,Donation,2025-03-01 14:05:09,25.00,0.00,usd,25.00,1.03,0.00,usd,Failed,x,true,cus,Filler,filler@example.org,\n");

        var message = await RefusalAsync(UploadFile.Text("Input.File", "big.csv", big.ToString()));

        Assert.Equal("The file is 1 MB; the limit is 1 MB. Export a shorter period and import each file.", message);
    }

    [Fact]
    public async Task LayoutMustBeChosen() => Assert.Equal("Choose whose export this is: Stripe, PayPal, GitHub Sponsors or another CSV.",
        (await (await UploadAsync(await app.StaffAsync(), File("stripe.csv"), "")).ReadPageAsync()).FieldError("Input.Layout"));
}
