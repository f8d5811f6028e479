using System.Text;
using Records.Core.Fellows;
using Records.Core.People;

namespace Records.Tests.Fellows;

public class RosterImportTests
{
    private const int ThisYear = 2026;

    private static Task<RosterReport> ReadAsync(string csv, ExistingRoster? roster = null, bool byteOrderMark = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        if (byteOrderMark) bytes = [.. Encoding.UTF8.Preamble, .. bytes];
        return RosterImport.ReadAsync(new ForwardOnlyStream(bytes), roster ?? ExistingRoster.Empty, ThisYear);
    }

    [Fact]
    public async Task GoodRowsKeepTheirLinksInOrderWithKindsFromTheirHosts()
    {
        var report = await ReadAsync(
            "name,year,quarter,links\n" +
            "\"Smith, Jo\",2021,3,\"https://jo.example.org https://github.com/jo|https://x.com/jo\"\n" +
            "Ana Lima,2020,1,https://www.linkedin.com/in/ana | https://fosstodon.org/@ana https://twitter.com/ana\n" +
            "Kenneth Love,2020,1,\n");

        Assert.Empty(report.BadRows);
        Assert.Equal(["Smith, Jo", "Ana Lima", "Kenneth Love"], report.Rows.Select(r => r.Name));
        var jo = report.Rows[0];
        Assert.Equal((2, 2021, 3, FellowStatus.Active, (string?)null), (jo.Line, jo.Year, jo.Quarter, jo.Status, jo.Email));
        Assert.Equal([new RosterLink(LinkKind.Website, "https://jo.example.org"), new(LinkKind.GitHub, "https://github.com/jo"), new(LinkKind.Twitter, "https://x.com/jo")], jo.Links);
        Assert.Equal([LinkKind.LinkedIn, LinkKind.Mastodon, LinkKind.Twitter], report.Rows[1].Links.Select(l => l.Kind));
        Assert.Empty(report.Rows[2].Links);
    }

    [Fact]
    public async Task ByteOrderMarkAndWindowsLineEndingsAreReadAsText()
    {
        var report = await ReadAsync("name,year,quarter,links,email,status\r\nAl Sweigart,2020,1,https://inventwithpython.com,al@example.org,Emeritus\r\nThea Flowers,2020,1,,,\r\n", byteOrderMark: true);

        Assert.Empty(report.BadRows);
        Assert.Equal(("Al Sweigart", "al@example.org", FellowStatus.Emeritus, 2), (report.Rows[0].Name, report.Rows[0].Email, report.Rows[0].Status, report.Rows[0].Line));
        Assert.Equal("https://inventwithpython.com", report.Rows[0].Links.Single().Url);
        Assert.Equal(("Thea Flowers", 3), (report.Rows[1].Name, report.Rows[1].Line));
    }

    [Fact]
    public async Task QuotedLineBreaksAndBlankLinesDoNotShiftTheLineNumbers()
    {
        var report = await ReadAsync(
            "name,year,quarter,links\n" +
            "\"Jo\nSmith, \"\"JS\"\"\",2021,1,\"https://a.example\nhttps://b.example\"\n" + // lines 2 to 4
            "\n" +
            ",,,\n" +
            "Bad Year,19x9,1,\n");                                                              // line 7

        Assert.Equal("Jo\nSmith, \"JS\"", report.Rows.Single().Name);
        Assert.Equal(2, report.Rows.Single().Links.Count);
        var bad = Assert.Single(report.BadRows);
        Assert.Equal((7, "The year '19x9' is not a number."), (bad.Line, bad.Reason));
    }

    [Fact]
    public async Task EveryBadRowIsReportedWithItsLineAndReason()
    {
        var report = await ReadAsync(
            "name,year,quarter,links,email,status\n" +
            "Good One,2020,1,https://good.example,,\n" +       // 2
            ",2020,1,,,\n" +                                    // 3
            "Early Bird,1985,1,,,\n" +                          // 4
            "Time Traveller,2028,2,,,\n" +                      // 5
            "Fifth Quarter,2020,5,,,\n" +                       // 6
            "Ftp Fan,2020,2,ftp://files.example/me,,\n" +       // 7
            "Retired Person,2020,2,,,retired\n" +               // 8
            "good one,2021,1,,,\n" +                            // 9
            "Bad Mail,2020,1,,not-an-email,\n" +                // 10
            "Next Year,2027,4,,,deceased\n");                   // 11

        Assert.Equal(["Good One", "Next Year"], report.Rows.Select(r => r.Name));
        Assert.Equal(FellowStatus.Deceased, report.Rows[1].Status);
        Assert.Equal(
        [
            (3, "The name is missing."),
            (4, "The year 1985 is not between 1990 and 2027."),
            (5, "The year 2028 is not between 1990 and 2027."),
            (6, "The quarter '5' is not 1, 2, 3 or 4."),
            (7, "The link 'ftp://files.example/me' is not a web address starting with http:// or https://."),
            (8, "The status 'retired' is not one of Active, Emeritus or Deceased."),
            (9, "The same person as line 2."),
            (10, "The email 'not-an-email' is not an email address."),
        ], report.BadRows.Select(p => (p.Line, p.Reason)));
    }

    [Fact]
    public async Task ARowWithSeveralProblemsGivesEachOfThem()
    {
        var report = await ReadAsync("name,year,quarter,links\n,twenty,0,www.example.org\n");

        Assert.Equal(
            ["The name is missing.", "The year 'twenty' is not a number.", "The quarter '0' is not 1, 2, 3 or 4.",
             "The link 'www.example.org' is not a web address starting with http:// or https://."],
            Assert.Single(report.BadRows).Reasons);
    }

    [Fact]
    public async Task PeopleAlreadyOnTheRosterAreSkippedMatchedByEmailElseByName()
    {
        var roster = new ExistingRoster([new("Al Sweigart", null, 2020, 1), new("Jo Smith", "jo@example.org", 2019, 4)]);

        var report = await ReadAsync(
            "name,year,quarter,links,email\n" +
            "al sweigart,2020,1,,\n" +                     // by name, ignoring case
            "Al Sweigart,2020,1,,al@example.org\n" +       // the roster has no email for him: by name
            "Joanne Smith,2019,4,,JO@example.org\n" +      // by email, whatever the name
            "Jo Smith,2022,2,,another.jo@example.org\n",   // same name, another email: another person
            roster);

        Assert.Equal([2, 3, 4], report.AlreadyOnRoster.Select(p => p.Line));
        Assert.Equal("Already on the roster (2019 Q4).", report.AlreadyOnRoster[2].Reason);
        Assert.Equal("another.jo@example.org", Assert.Single(report.Rows).Email);
        Assert.Empty(report.BadRows);
    }

    [Theory]
    [InlineData("", "The file is empty.")]
    [InlineData("name,year,links\nAl,2020,\n", "This file's first line lacks quarter.")]
    [InlineData("Al Sweigart,2020,1,https://inventwithpython.com\n", "This file's first line lacks name, year, quarter, links.")]
    [InlineData("name,year,quarter,links\n", "The file has its header but no rows under it.")]
    [InlineData("\u0089PNG\r\n\u001a\n\0\0\0\rIHDR", "This is not a CSV text file.")]
    public async Task AFileThatIsNotARosterIsRefusedAsAWhole(string csv, string message)
    {
        var error = await Assert.ThrowsAsync<RosterFileException>(() => ReadAsync(csv));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task AQuoteThatIsNeverClosedIsReportedOnItsRow()
    {
        var report = await ReadAsync("name,year,quarter,links\nGood,2020,1,\n\"Open Quote,2020,1,\nLost,2020,1,\n");

        Assert.Equal("Good", Assert.Single(report.Rows).Name);
        var bad = Assert.Single(report.BadRows);
        Assert.Equal(3, bad.Line);
        Assert.StartsWith("A quoted field is never closed", bad.Reason);
    }

    [Fact]
    public async Task AQuoteThatSwallowsALargeFileIsRefusedWithItsLine()
    {
        var rows = string.Concat(Enumerable.Range(0, 5000).Select(i => $"Person {i},2020,1,https://example.org/{i}\n"));

        var error = await Assert.ThrowsAsync<RosterFileException>(() => ReadAsync("name,year,quarter,links\nGood,2020,1,\n\"Open Quote,2020,1,\n" + rows));

        Assert.Equal("The file cannot be read from line 3 on: a record is over 64 KB, most likely a quote mark that is never closed.", error.Message);
    }

    [Fact]
    public async Task AMastodonHandleIsAMastodonLinkKeptAsWrittenAndAStrayAtSignIsNot()
    {
        var report = await ReadAsync("name,year,quarter,links\nAna Lima,2021,2,https://ana.example.org @ana@fosstodon.org\nBo Bad,2021,2,ana@fosstodon.org\n");

        Assert.Equal([new RosterLink(LinkKind.Website, "https://ana.example.org"), new(LinkKind.Mastodon, "@ana@fosstodon.org")], report.Rows.Single().Links);
        var bad = Assert.Single(report.BadRows);
        Assert.Equal((3, "The link 'ana@fosstodon.org' is not a web address starting with http:// or https://."), (bad.Line, bad.Reason));
    }

    [Theory]
    [InlineData("https://github.com/tomchristie", LinkKind.GitHub)]
    [InlineData("https://twitter.com/_tomchristie", LinkKind.Twitter)]
    [InlineData("https://mobile.twitter.com/someone", LinkKind.Twitter)]
    [InlineData("https://x.com/someone", LinkKind.Twitter)]
    [InlineData("https://uk.linkedin.com/in/someone", LinkKind.LinkedIn)]
    [InlineData("https://hachyderm.io/@someone", LinkKind.Mastodon)]
    [InlineData("https://hachyderm.io/@someone/1234", LinkKind.Website)]
    [InlineData("https://medium.com/@someone", LinkKind.Blog)]
    [InlineData("https://www.encode.io/", LinkKind.Website)]
    public void LinkKindComesFromTheHost(string url, LinkKind kind) => Assert.Equal(kind, LinkKinds.Of(new Uri(url)));

    /// <summary>An upload as the server sees it: read once, front to back, no length, no seeking.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private int position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(count, bytes.Length - position);
            Array.Copy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
