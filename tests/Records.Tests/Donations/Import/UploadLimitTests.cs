using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.Import.ImportPages;

namespace Records.Tests.Donations.Import;

/// <summary>
/// Uploads over the limit (1 MB here) are refused beside the file field before their body is stored, and the upload
/// folder keeps nothing after a commit or a refusal, nor a day-old orphan across a restart.
/// </summary>
public class UploadLimitTests(UploadLimitTests.App app) : IClassFixture<UploadLimitTests.App>
{
    public sealed class App : RecordsApp
    {
        public string Uploads => Path.Combine(Folder, "uploads");
        public string Orphan => Path.Combine(Uploads, new string('e', 32) + ".upload");

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Records:Donations:ImportMaxMegabytes"] = "1" };

        public override ValueTask InitializeAsync()
        {
            // Left long ago by a process that died mid-import: nothing will ever ask for it again. A newer one may be
            // another instance's, between its dry run and its commit, and stays (UploadStoreTests).
            Directory.CreateDirectory(Uploads);
            System.IO.File.WriteAllText(Orphan, "id,Amount\n");
            System.IO.File.SetLastWriteTimeUtc(Orphan, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            return base.InitializeAsync();
        }
    }

    private const long Megabyte = 1024 * 1024;

    private string[] Kept() => Directory.Exists(app.Uploads) ? Directory.GetFiles(app.Uploads) : [];

    /// <summary>Posts the upload form with a file of <paramref name="length"/> bytes made as it is read, counting what the server read.</summary>
    private async Task<(HttpResponseMessage Response, long Read)> PostBigAsync(HttpClient client, long length, bool sayLength)
    {
        var form = await client.GetPageAsync(Url);
        var token = form.QuerySelector("form[data-form=upload] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var file = new MadeUpFile(length, sayLength);
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Stripe"), "Input.Layout" },
        };
        var part = new StreamContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "Input.File", "huge.csv");
        var response = await client.PostAsync(Url, content);
        return (response, file.Served);
    }

    [Fact]
    public async Task AnUploadWhoseLengthIsOverTheLimitIsRefusedBesideTheFileWithoutReadingIt()
    {
        var client = await app.StaffAsync();

        var (response, read) = await PostBigAsync(client, 300 * Megabyte, sayLength: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The file is 300 MB; the limit is 1 MB. Export a shorter period and import each file.", (await response.ReadPageAsync()).FieldError("Input.File"));
        Assert.True(read < Megabyte, $"The server read {read:#,0} bytes of the refused upload.");
        Assert.Empty(Kept());
    }

    [Fact]
    public async Task AnUploadOfUnknownLengthIsReadNoFurtherThanTheLimit()
    {
        var client = await app.StaffAsync();

        var (response, read) = await PostBigAsync(client, 300 * Megabyte, sayLength: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The file is over the limit of 1 MB. Export a shorter period and import each file.", (await response.ReadPageAsync()).FieldError("Input.File"));
        Assert.True(read < 2 * Megabyte, $"The server read {read:#,0} bytes of the refused upload.");
        Assert.Empty(Kept());
    }

    [Fact]
    public async Task NothingStaysInTheUploadFolderAfterACommitOrARefusedFileAndDayOldOrphansGoAtStart()
    {
        Assert.False(System.IO.File.Exists(app.Orphan));
        var client = await app.StaffAsync();

        await ImportAsync(app, client, "stripe.csv", "Stripe");
        Assert.Empty(Kept());

        var refused = await UploadAsync(client, File("binary.csv"), "Stripe");
        Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Redirect);
        if (refused.StatusCode == HttpStatusCode.Redirect) await WaitAsync(app, client, refused.Headers.Location!.OriginalString, HttpStatusCode.BadRequest);
        Assert.Empty(Kept());
    }

    /// <summary>CSV-looking bytes made up as they are read, so a test can send hundreds of megabytes without holding them.</summary>
    private sealed class MadeUpFile(long length, bool sayLength) : Stream
    {
        private static readonly byte[] Line = Encoding.ASCII.GetBytes("ch_made_up,Donation,2025-03-01 10:00:00,25.00,0.00,usd,25.00,1.03,0.00,usd,Paid,ok,true,cus,Ada,ada@example.org\n");
        private long position;

        public long Served => Interlocked.Read(ref position);

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            for (var i = 0; i < n; i++) buffer[offset + i] = Line[(position + i) % Line.Length];
            Interlocked.Add(ref position, n);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => sayLength;
        public override bool CanWrite => false;
        public override long Length => sayLength ? length : throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
