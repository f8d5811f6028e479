using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Core.Fellows;
using Records.Core.People;
using Records.Core.Posts;
using Records.Core.ServiceAwards;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Posts;

/// <summary>
/// Every kind of post written over HTTP from the seeded records plus gifts in two currencies, an anonymous donor,
/// sponsorships in several states and a confidential award proposal.
/// </summary>
public class PostsFromRecordsTests(PostsFromRecordsTests.App app) : IClassFixture<PostsFromRecordsTests.App>
{
    public sealed class App : RecordsApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await WithDbAsync(async db =>
            {
                var pycon = await db.Campaigns.SingleAsync(c => c.Name == "PyCon 2020");
                db.Donations.AddRange(
                    // An imported gift names no campaign: it counts for the campaign whose dates it falls in.
                    new Donation { Person = new Person { Name = "Ann Able" }, AmountMinor = 12_000_00, Currency = "USD", ReceivedOn = new(2020, 3, 10), Channel = DonationChannel.Card },
                    new Donation { Person = new Person { Name = "Ben Baker" }, AmountMinor = 345_00, Currency = "USD", ReceivedOn = new(2020, 4, 2), Campaign = pycon },
                    new Donation { Person = new Person { Name = "Cara Hidden" }, IsAnonymous = true, AmountMinor = 1_000_00, Currency = "EUR", ReceivedOn = new(2020, 4, 3), Campaign = pycon },
                    new Donation { Person = new Person { Name = "Outside Window" }, AmountMinor = 9_00, Currency = "USD", ReceivedOn = new(2020, 6, 3) },
                    new Donation { Person = new Person { Name = "Dee Solo" }, AmountMinor = 5_00, Currency = "USD", ReceivedOn = new(2021, 6, 5) });
                var program = await db.SponsorPrograms.FirstAsync();
                db.Sponsorships.Add(new Sponsorship
                {
                    Sponsor = new Sponsor { Name = "Pending Inc" }, ProgramId = program.Id, Currency = "USD", Status = SponsorshipStatus.Applied,
                    StartsOn = new(2020, 1, 1), EndsOn = new(2020, 12, 31),
                });
                db.ServiceAwards.Add(new ServiceAward
                {
                    RecipientName = "Mariatta Wijaya", Year = 2020, Quarter = 1, Status = ServiceAwardStatus.Approved, DecidedOn = new(2020, 3, 20),
                    Reasons = "CONFIDENTIAL: her manager told us she nearly burned out. For her work as a core developer.",
                    Resolution = Resolution.Draft("Python Software Foundation", 2020, 1, "Mariatta Wijaya", "For her work as a core developer and PyLadies organiser.\nShe mentors."),
                });
                (string Name, int Position)[] fellows = [("Zoë Adams", 0), ("élodie Brun", 1), ("bob Carter", 2), ("Anna Ödman", 3)];
                foreach (var (name, position) in fellows) db.Fellows.Add(new Fellow { Person = new Person { Name = name }, Year = 1998, Quarter = 1, Position = position });
                await db.SaveChangesAsync();
            });
        }
    }

    private async Task<HttpClient> StaffAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        return client;
    }

    private Task<Post> PostAsync(int id) => app.WithDbAsync(db => db.Posts.AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task ACampaignPostCountsItsGiftsPerCurrencyAndItsSponsorsAndNamesNoAnonymousDonor()
    {
        var client = await StaffAsync();
        var campaign = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Name == "PyCon 2020").Select(c => c.Id).SingleAsync());

        var id = await PostDrafts.CreateAsync(client, "Thanks", new() { ["Input.CampaignId"] = campaign.ToString(), ["Input.ShowTotals"] = "true", ["Input.NameDonors"] = "true" });

        var markdown = (await PostAsync(id)).Markdown;
        Assert.StartsWith("During PyCon 2020, 3 individuals donated to the PSF and 1 sponsor supported our work. In all, 3 donations brought in $12,345.00 and €1,000.00.\n", markdown);
        Assert.Contains("\nAnn Able, Ben Baker\n", markdown);
        Assert.Contains("## Thank you sponsors!", markdown);
        Assert.EndsWith("### Other sponsors\n\n- MongoDB\n", markdown);
        Assert.DoesNotContain("Cara", markdown);
        Assert.DoesNotContain("Outside", markdown);
        Assert.DoesNotContain("Pending Inc", markdown);
    }

    [Fact]
    public async Task APeriodPostWithoutSponsorsSaysNothingOfSponsorsAndUsesTheSingular()
    {
        var client = await StaffAsync();

        var id = await PostDrafts.CreateAsync(client, "Thanks", new() { ["Input.From"] = "2021-06-01", ["Input.To"] = "2021-06-30", ["Input.ShowTotals"] = "true" });

        var markdown = (await PostAsync(id)).Markdown;
        Assert.StartsWith("From June 1, 2021 to June 30, 2021, 1 individual donated to the PSF. In all, 1 donation brought in $5.00.\n", markdown);
        Assert.DoesNotContain("sponsor", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("tremendous generosity we have seen.\n", markdown);
    }

    [Fact]
    public async Task APeriodWithNothingToThankIsRefusedAndNothingIsSaved()
    {
        var client = await StaffAsync();
        var before = await app.WithDbAsync(db => db.Posts.CountAsync());

        var response = await client.SubmitAsync("/Posts/New?kind=Thanks", new Dictionary<string, string> { ["Input.From"] = "1930-01-01", ["Input.To"] = "1930-12-31" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("No gifts or sponsorships are recorded for this campaign or period, so there is no one to thank yet.", (await response.ReadPageAsync()).FieldError("Input.From"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Posts.CountAsync()));
    }

    [Fact]
    public async Task TheAwardPostQuotesTheResolutionAsOneSentenceAndNeverTheConfidentialReasons()
    {
        var client = await StaffAsync();
        var award = await app.WithDbAsync(db => db.ServiceAwards.Where(a => a.RecipientName == "Mariatta Wijaya").Select(a => a.Id).SingleAsync());

        var id = await PostDrafts.CreateAsync(client, "ServiceAward", new() { ["Input.AwardId"] = award.ToString() });

        var markdown = (await PostAsync(id)).Markdown;
        Assert.Equal("The Python Software Foundation is pleased to recognize Mariatta Wijaya for the 2020 Q1 Community Service Award:\n\n" +
                     "> RESOLVED, that the Python Software Foundation award the 2020 Q1 Community Service Award to Mariatta Wijaya for her work as a core developer and PyLadies organiser.\n",
            markdown);
        Assert.DoesNotContain("CONFIDENTIAL", markdown);
        Assert.DoesNotContain("burned out", (await client.GetStringAsync($"/Posts/Details/{id}")));
    }

    [Fact]
    public async Task AFellowsPostNamesTheQuarterAlphabeticallyAndStaffMoveAFellowInTheDraftOnly()
    {
        var client = await StaffAsync();

        var id = await PostDrafts.CreateAsync(client, "Fellows", new() { ["Input.Quarter"] = "Q1 1998" });

        string[] Names(string markdown) => markdown.Split('\n').Where(l => l.StartsWith("**")).Select(l => l.Trim('*', ' ')).ToArray();
        Assert.Equal(["Anna Ödman", "bob Carter", "élodie Brun", "Zoë Adams"], Names((await PostAsync(id)).Markdown));
        var page = await client.GetPageAsync($"/Posts/Details/{id}");
        Assert.Equal(["Anna Ödman", "bob Carter", "élodie Brun", "Zoë Adams"], page.QuerySelectorAll("[data-fellow-order] [data-fellow-name]").Select(n => n.TextContent));

        var zoe = await app.WithDbAsync(db => db.Fellows.Where(f => f.Person.Name == "Zoë Adams").Select(f => f.Id).SingleAsync());
        var moved = await client.SubmitFormAsync(page, $"/Posts/Details/{id}", new Dictionary<string, string> { ["Move.Direction"] = "up" }, $"[data-fellow='{zoe}'] form");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(["Anna Ödman", "bob Carter", "Zoë Adams", "élodie Brun"], Names((await PostAsync(id)).Markdown));
        var top = await client.GetPageAsync($"/Posts/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(top, $"/Posts/Details/{id}", new Dictionary<string, string> { ["Move.Direction"] = "up" }, $"[data-fellow='{zoe}'] form")).StatusCode);
        var first = await client.SubmitFormAsync(await client.GetPageAsync($"/Posts/Details/{id}"), $"/Posts/Details/{id}",
            new Dictionary<string, string> { ["Move.Direction"] = "up" }, $"[data-fellow='{zoe}'] form");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var post = await PostAsync(id);
        Assert.Equal(["Zoë Adams", "Anna Ödman", "bob Carter", "élodie Brun"], Names(post.Markdown));
        Assert.StartsWith($"{zoe},", post.FellowOrder);

        var again = await client.SubmitAsync($"/Posts/Details/{id}", new Dictionary<string, string> { ["Draft.Title"] = "Fellows, spring 1998" }, "form[action*='handler=Regenerate']");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(["Zoë Adams", "Anna Ödman", "bob Carter", "élodie Brun"], Names((await PostAsync(id)).Markdown));

        var details = await client.GetPageAsync($"/Posts/Details/{id}");
        await client.SubmitFormAsync(details, $"/Posts/Details/{id}",
            new Dictionary<string, string> { ["Publish.Url"] = "https://pyfound.blogspot.com/1998/04/fellows.html", ["Publish.On"] = "1998-04-22" }, "form[action*='handler=Publish']");
        var late = await client.SubmitFormAsync(details, $"/Posts/Details/{id}", new Dictionary<string, string> { ["Move.Direction"] = "down" }, $"[data-fellow='{zoe}'] form");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(post.Markdown, (await PostAsync(id)).Markdown);
        Assert.Null((await client.GetPageAsync($"/Posts/Details/{id}")).QuerySelector("[data-fellow-order]"));
    }
}
