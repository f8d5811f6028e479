using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Posts;
using Records.Tests.Infrastructure;

namespace Records.Tests.Posts;

public class PostTemplatePagesTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private const string Url = "/Posts/Templates/Edit/ServiceAward";

    private async Task<HttpClient> StaffAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        return client;
    }

    [Theory]
    [InlineData("Intro\n{% if recipient %}\n{{ recipient ", "Line 3:")]
    [InlineData("Awarded to\n{{ recipent }}", "Line 2: “recipent” is not a field of this post.")]
    [InlineData("{% for i in (1..100000000) %}{{ i }}{% endfor %}", "The template did not finish")]
    [InlineData("{{ recipient | shout }}", "There is no filter called “shout”.")]
    [InlineData("{% assign s = recipient %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}", "The post would be longer than 256 KB")]
    [InlineData("{% assign s = recipient %}{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}", "The post would be longer than 256 KB")]
    [InlineData("{% capture t %}{% for i in (1..100000) %}A line of text that repeats far too often.{% endfor %}{% endcapture %}", "The post would be longer than 256 KB")]
    [InlineData("{% for i in (1..100000) %}A line of text that repeats far too often.{% endfor %}", "The post would be longer than 256 KB")]
    [InlineData("{{ recipient | replace: 'o', 'oooooooooo' | replace: 'o', 'oooooooooo' | replace: 'o', 'oooooooooo' | replace: 'o', 'oooooooooo' | replace: 'o', 'oooooooooo' | replace: 'o', 'oooooooooo' }}", "The post would be longer than 256 KB")]
    public async Task ABrokenTemplateIsRefusedWithItsErrorAndNeverBecomesTheOneInUse(string body, string message)
    {
        var client = await StaffAsync();

        var response = await client.SubmitAsync(Url, new Dictionary<string, string> { ["Input.Body"] = body });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ReadPageAsync()).FieldError("Input.Body"));
        Assert.False(await app.WithDbAsync(db => db.PostTemplates.AnyAsync(t => t.Kind == PostKind.ServiceAward)));
    }

    [Fact]
    public async Task ASavedTemplateWritesTheNextPostAndResetPutsTheDefaultBack()
    {
        var client = await StaffAsync();
        var award = await app.WithDbAsync(db => db.ServiceAwards.Where(a => a.RecipientName == "John Roa").Select(a => a.Id).SingleAsync());

        var save = await client.SubmitAsync(Url, new Dictionary<string, string> { ["Input.Body"] = "Hooray for {{ recipient | upcase }} ({{ award_quarter }})!" });
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var created = await client.SubmitAsync("/Posts/New?kind=ServiceAward", new Dictionary<string, string> { ["Input.AwardId"] = award.ToString() });
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal("Hooray for JOHN ROA (2018 Q4)!\n", await app.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.Markdown).SingleAsync()));
        var index = await client.GetPageAsync("/Posts/Templates");
        Assert.Contains("Changed by Staff", index.QuerySelector("[data-kind=ServiceAward]")!.TextContent);

        var reset = await client.SubmitAsync(Url, new Dictionary<string, string>(), "form[action*='handler=Reset']");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.PostTemplates.AnyAsync()));
        var page = await client.GetPageAsync(Url);
        Assert.Equal(PostTemplates.DefaultServiceAward, page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task ThePreviewFollowsTheTextWithoutSavingIt()
    {
        var client = await StaffAsync();
        var page = await client.GetPageAsync(Url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task<(HttpStatusCode, AngleSharp.Html.Dom.IHtmlDocument)> PreviewAsync(string body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Url + "?handler=Preview")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Body"] = body }),
            };
            request.Headers.Add("X-Records-Fragment", "preview");
            var response = await client.SendAsync(request);
            return (response.StatusCode, await response.ReadPageAsync());
        }

        var (okStatus, ok) = await PreviewAsync("**{{ recipient }}** of {{ award_quarter }}");
        var (badStatus, bad) = await PreviewAsync("{{ nobody }}");

        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Equal("John Roa", ok.QuerySelector("[data-preview-html] strong")!.TextContent);
        Assert.Null(ok.QuerySelector("header"));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.StartsWith("Line 1: “nobody” is not a field", bad.QuerySelector("[data-preview-error]")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.PostTemplates.AnyAsync()));
    }
}

public class PostTemplateScriptLinkTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task APostFromATemplateWithScriptLinksHasNoScriptLink()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        var award = await app.WithDbAsync(db => db.ServiceAwards.Where(a => a.RecipientName == "John Roa").Select(a => a.Id).SingleAsync());
        var body = "Hooray for {{ recipient }}! " + Records.Tests.Nominations.NominationScriptLinkTests.Links;

        var save = await client.SubmitAsync("/Posts/Templates/Edit/ServiceAward", new Dictionary<string, string> { ["Input.Body"] = body });
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var created = await client.SubmitAsync("/Posts/New?kind=ServiceAward", new Dictionary<string, string> { ["Input.AwardId"] = award.ToString() });
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var post = (await client.GetPageAsync($"/Posts/Details/{id}")).QuerySelector("[data-post-html]")!;
        var preview = (await client.GetPageAsync("/Posts/Templates/Edit/ServiceAward")).QuerySelector("[data-preview-html]")!;

        foreach (var shown in new[] { post, preview })
        {
            Assert.Contains("Hooray for John Roa", shown.TextContent);
            var targets = shown.QuerySelectorAll("[href], [src]").Select(e => (e.GetAttribute("href") ?? e.GetAttribute("src"))!).ToList();
            Assert.Contains("https://example.org/good", targets);
            Assert.All(targets, t => Assert.True(t == "#" || t.StartsWith("https://", StringComparison.Ordinal), $"unsafe link target {t}"));
        }
    }
}

public class PostTemplateLimitTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task WritingAPostWithATemplateThatGrowsWithoutEndStopsWithAMessage()
    {
        // Saved before the limit existed: the page would refuse it now, so it goes straight into the database.
        await app.WithDbAsync(async db =>
        {
            db.PostTemplates.Add(new PostTemplate
            {
                Kind = PostKind.ServiceAward, UpdatedBy = "staff@records.local",
                Body = "{% assign s = recipient %}{% for i in (1..60) %}{% assign s = s | append: s %}{% endfor %}{{ s }}",
            });
            await db.SaveChangesAsync();
        });
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        var award = await app.WithDbAsync(db => db.ServiceAwards.Where(a => a.RecipientName == "John Roa").Select(a => a.Id).SingleAsync());
        var posts = await app.WithDbAsync(db => db.Posts.CountAsync());

        var response = await client.SubmitAsync("/Posts/New?kind=ServiceAward", new Dictionary<string, string> { ["Input.AwardId"] = award.ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The post would be longer than 256 KB", (await response.ReadPageAsync()).Body!.TextContent);
        Assert.Equal(posts, await app.WithDbAsync(db => db.Posts.CountAsync()));
    }
}
