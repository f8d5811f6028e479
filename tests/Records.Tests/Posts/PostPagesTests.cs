using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Fellows;
using Records.Core.People;
using Records.Core.Posts;
using Records.Tests.Infrastructure;

namespace Records.Tests.Posts;

public class PostPagesTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private async Task<HttpClient> StaffAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        return client;
    }

    private Task AddFellowAsync(string name, int year, int quarter, int position) => app.WithDbAsync(async db =>
    {
        db.Fellows.Add(new Fellow { Person = new Person { Name = name }, Year = year, Quarter = quarter, Position = position });
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task StaffWriteTheQ1_2020FellowsPostAndDownloadItAsMarkdown()
    {
        var client = await StaffAsync();

        var id = await PostDrafts.CreateAsync(client, "Fellows", new() { ["Input.Quarter"] = "Q1 2020", ["Input.Summary"] = "They teach Python." });

        var page = await client.GetPageAsync($"/Posts/Details/{id}");
        Assert.Equal("Python Software Foundation Fellow Members for Q1 2020", page.QuerySelector("[data-title]")!.TextContent);
        Assert.Equal(8, page.QuerySelectorAll("[data-post-html] strong").Length);
        Assert.Equal("Al Sweigart", page.QuerySelector("[data-post-html] strong")!.TextContent);
        Assert.Contains("Wrote the draft", page.QuerySelector(".flash")!.TextContent);
        var download = await client.GetAsync($"/Posts/Details/{id}?handler=Download");
        Assert.Equal("text/markdown", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("python-software-foundation-fellow-members-for-q1-2020.md", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        var markdown = await download.Content.ReadAsStringAsync();
        Assert.StartsWith("# Python Software Foundation Fellow Members for Q1 2020\n\nWe are happy to announce", markdown);
        Assert.Contains("**Thea Flowers**  \nWebsite, Blog, GitHub\n", markdown);
        Assert.Contains("They teach Python.", markdown);
    }

    [Fact]
    public async Task AQuarterWithNoFellowsIsRefusedBesideTheQuarterAndNothingIsSaved()
    {
        var client = await StaffAsync();
        var before = await app.WithDbAsync(db => db.Posts.CountAsync());

        var response = await client.SubmitAsync("/Posts/New?kind=Fellows", new Dictionary<string, string> { ["Input.Quarter"] = "Q3 1905" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("No Fellows are recorded for Q3 1905", (await response.ReadPageAsync()).FieldError("Input.Quarter"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Posts.CountAsync()));
    }

    [Theory]
    [InlineData("", "Choose the quarter whose Fellows to announce.")]
    [InlineData("next spring", "Write the quarter like “Q1 2020”.")]
    public async Task AMissingOrUnreadableQuarterIsNamed(string quarter, string message)
    {
        var client = await StaffAsync();

        var response = await client.SubmitAsync("/Posts/New?kind=Fellows", new Dictionary<string, string> { ["Input.Quarter"] = quarter });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.ReadPageAsync()).FieldError("Input.Quarter"));
    }

    [Fact]
    public async Task ADraftIsWrittenAgainFromTheRecordsAsTheyAreNow()
    {
        await AddFellowAsync("Early Fellow", 1995, 2, 0);
        var client = await StaffAsync();
        var id = await PostDrafts.CreateAsync(client, "Fellows", new() { ["Input.Quarter"] = "1995-2" });
        await AddFellowAsync("Late Fellow", 1995, 2, 1);

        var response = await client.SubmitAsync($"/Posts/Details/{id}", new Dictionary<string, string> { ["Draft.Title"] = "New Fellows, spring 1995", ["Draft.Summary"] = "Both organise." },
            "form[action*='handler=Regenerate']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var post = await app.WithDbAsync(db => db.Posts.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal("New Fellows, spring 1995", post.Title);
        Assert.Contains("**Early Fellow**", post.Markdown);
        Assert.Contains("**Late Fellow**", post.Markdown);
        Assert.Contains("Both organise.", post.Markdown);
    }

    [Fact]
    public async Task APublishedPostIsKeptAsItWentOut()
    {
        await AddFellowAsync("Published Fellow", 1996, 1, 0);
        var client = await StaffAsync();
        var id = await PostDrafts.CreateAsync(client, "Fellows", new() { ["Input.Quarter"] = "Q1 1996" });
        var details = await client.GetPageAsync($"/Posts/Details/{id}");

        var publish = await client.SubmitFormAsync(details, $"/Posts/Details/{id}",
            new Dictionary<string, string> { ["Publish.Url"] = "https://pyfound.blogspot.com/1996/04/fellows.html", ["Publish.On"] = "1996-04-22" }, "form[action*='handler=Publish']");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        await AddFellowAsync("Afterthought", 1996, 1, 1);
        var regenerate = await client.SubmitFormAsync(details, $"/Posts/Details/{id}", new Dictionary<string, string> { ["Draft.Title"] = "Changed" }, "form[action*='handler=Regenerate']");
        var delete = await client.SubmitFormAsync(details, $"/Posts/Details/{id}", new Dictionary<string, string>(), "form[action*='handler=Delete']");

        Assert.Equal(HttpStatusCode.Conflict, regenerate.StatusCode);
        Assert.Contains("is published", (await regenerate.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        var post = await app.WithDbAsync(db => db.Posts.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal(new DateOnly(1996, 4, 22), post.PublishedOn);
        Assert.Equal("https://pyfound.blogspot.com/1996/04/fellows.html", post.PublishedUrl);
        Assert.DoesNotContain("Afterthought", post.Markdown);
        Assert.NotEqual("Changed", post.Title);
        var page = await client.GetPageAsync($"/Posts/Details/{id}");
        Assert.Null(page.QuerySelector("form[action*='handler=Regenerate']"));
    }

    [Theory]
    [InlineData("", "2020-01-01", "Publish.Url", "Give the address the post was published at.")]
    [InlineData("javascript:alert(1)", "2020-01-01", "Publish.Url", "Give a web address starting with https:// or http://.")]
    [InlineData("https://example.org/p", "2999-01-01", "Publish.On", "The publication date cannot be in the future.")]
    public async Task PublishingNeedsAnAddressAndADateThatHasCome(string url, string on, string field, string message)
    {
        var client = await StaffAsync();
        var id = await PostDrafts.CreateAsync(client, "Fellows", new() { ["Input.Quarter"] = "Q1 2020" });

        var response = await client.SubmitAsync($"/Posts/Details/{id}", new Dictionary<string, string> { ["Publish.Url"] = url, ["Publish.On"] = on }, "form[action*='handler=Publish']");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.ReadPageAsync()).FieldError(field));
        Assert.Equal(PostStatus.Draft, await app.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task TheAwardPostQuotesTheBoardsResolutionUnderTheTitleStaffChose()
    {
        var client = await StaffAsync();
        var award = await app.WithDbAsync(db => db.ServiceAwards.Where(a => a.RecipientName == "John Roa").Select(a => a.Id).SingleAsync());

        var id = await PostDrafts.CreateAsync(client, "ServiceAward", new() { ["Input.AwardId"] = award.ToString(), ["Input.Title"] = "Building a Python community in Colombia: John Roa, 2018 Q4 CSA Recipient" });

        var page = await client.GetPageAsync($"/Posts/Details/{id}");
        Assert.Equal("Building a Python community in Colombia: John Roa, 2018 Q4 CSA Recipient", page.QuerySelector("[data-title]")!.TextContent);
        Assert.StartsWith("RESOLVED, that the Python Software Foundation award", page.QuerySelector("[data-post-html] blockquote")!.TextContent.Trim());
    }

    [Fact]
    public async Task AThankYouPeriodThatEndsBeforeItStartsIsRefused()
    {
        var client = await StaffAsync();

        var response = await client.SubmitAsync("/Posts/New?kind=Thanks", new Dictionary<string, string> { ["Input.From"] = "2020-04-14", ["Input.To"] = "2020-04-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The period cannot end before it starts.", (await response.ReadPageAsync()).FieldError("Input.To"));
    }

    [Fact]
    public async Task AThankYouPostForAPeriodCountsItsDonors()
    {
        await app.WithDbAsync(async db =>
        {
            db.Donations.Add(new Records.Core.Donations.Donation { Person = new Person { Name = "Ida Giver" }, AmountMinor = 300_00, Currency = "USD", ReceivedOn = new(1994, 5, 5) });
            await db.SaveChangesAsync();
        });
        var client = await StaffAsync();

        var id = await PostDrafts.CreateAsync(client, "Thanks", new() { ["Input.From"] = "1994-05-01", ["Input.To"] = "1994-05-31", ["Input.ShowTotals"] = "true" });

        var post = await app.WithDbAsync(db => db.Posts.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal("Thank you to donors & sponsors", post.Title);
        Assert.StartsWith("From May 1, 1994 to May 31, 1994, 1 individual donated to the PSF. In all, 1 donation brought in $300.00.", post.Markdown);
        Assert.DoesNotContain("sponsors", post.Markdown);
        Assert.DoesNotContain("Ida Giver", post.Markdown);
    }

    [Fact]
    public async Task MarkupTypedIntoARecordNeverReachesThePost()
    {
        await AddFellowAsync("Mallory <script>alert(1)</script><img src=x onerror=alert(2)>", 1997, 3, 0);
        var client = await StaffAsync();

        var id = await PostDrafts.CreateAsync(client, "Fellows", new() { ["Input.Quarter"] = "Q3 1997" });

        var post = await app.WithDbAsync(db => db.Posts.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Contains("**Mallory alert(1)**", post.Markdown);
        Assert.DoesNotContain("<", post.Markdown);
        var page = await client.GetPageAsync($"/Posts/Details/{id}");
        Assert.Empty(page.QuerySelectorAll("[data-post-html] script, [data-post-html] img"));
    }

    [Theory]
    [InlineData("WorkGroup")]
    [InlineData("Board")]
    [InlineData("Admin")]
    public async Task OnlyStaffWritePosts(string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);

        foreach (var url in new[] { "/Posts", "/Posts/New?kind=Fellows", "/Posts/Templates", "/Posts/Templates/Edit/Fellows" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }
        var staff = app.Browser();
        await staff.LoginAsRoleAsync("Staff");
        await staff.GetPageAsync("/Posts");
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync("/Posts")).StatusCode);
    }
}
