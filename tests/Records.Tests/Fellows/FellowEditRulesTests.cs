using Microsoft.EntityFrameworkCore;
using Records.Core.Fellows;
using Records.Core.People;
using Records.Core.Posts;
using Records.Tests.Infrastructure;
using Records.Tests.Posts;
using static Records.Core.Fellows.FellowEdit;

namespace Records.Tests.Fellows;

/// <summary>The link-editing rules in Core, against a real SQLite database with the migrations applied.</summary>
public class FellowEditRulesTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private async Task<int> AddFellowAsync(string name, params (LinkKind Kind, string? Url)[] links) => await app.WithDbAsync(async db =>
    {
        var fellow = new Fellow
        {
            Person = new Person { Name = name, Links = [.. links.Select((l, i) => new PersonLink { Kind = l.Kind, Url = l.Url, Position = i })] },
            Year = 2011, Quarter = 2,
        };
        db.Fellows.Add(fellow);
        await db.SaveChangesAsync();
        return fellow.Id;
    });

    private Task<(Outcome Outcome, IReadOnlyList<Problem> Problems)> SaveAsync(int id, Changes changes, Guid? version = null) => app.WithDbAsync(async db =>
    {
        var fellow = await db.Fellows.Include(f => f.Person).ThenInclude(p => p.Links).SingleAsync(f => f.Id == id);
        return await new FellowEdit(db).SaveAsync(fellow, version ?? fellow.Version, changes);
    });

    private Task<List<(LinkKind Kind, string? Url)>> LinksAsync(int id) => app.WithDbAsync(async db =>
        (await db.Fellows.Where(f => f.Id == id).SelectMany(f => f.Person.Links).OrderBy(l => l.Position).Select(l => new { l.Kind, l.Url, l.Position }).ToListAsync())
        .Select(l => (l.Kind, l.Url)).ToList());

    [Fact]
    public async Task LinksAreChangedReorderedRemovedAndAddedInOneSaveWithPositionsFromZero()
    {
        var id = await AddFellowAsync("Lin Order", (LinkKind.Website, null), (LinkKind.Twitter, "https://twitter.com/lin"), (LinkKind.GitHub, "https://github.com/lin"));

        var (outcome, problems) = await SaveAsync(id, new Changes(" Lin  Order ", "lin@example.org",
        [
            new("GitHub", "https://github.com/lin-new"),   // changed, moved to the top
            new("Website", "https://lin.example.org"),    // the address filled in
            new("", ""),                                  // a spare row
            new("Mastodon", "@lin@fosstodon.org"),        // added; Twitter removed
            new("Blog", ""),                              // added without an address
        ]));

        Assert.Empty(problems);
        Assert.Equal(Outcome.Saved, outcome);
        Assert.Equal(
            [(LinkKind.GitHub, "https://github.com/lin-new"), (LinkKind.Website, "https://lin.example.org"), (LinkKind.Mastodon, "@lin@fosstodon.org"), (LinkKind.Blog, null)],
            await LinksAsync(id));
        var person = await app.WithDbAsync(db => db.Fellows.Where(f => f.Id == id).Select(f => new { f.Person.Name, f.Person.Email, Positions = f.Person.Links.Select(l => l.Position).OrderBy(p => p).ToList() }).SingleAsync());
        Assert.Equal(("Lin  Order", "lin@example.org"), (person.Name, person.Email));
        Assert.Equal([0, 1, 2, 3], person.Positions);
    }

    [Fact]
    public async Task TwoLinksSwapPlacesWithoutClashingOnTheirPositions()
    {
        var id = await AddFellowAsync("Swap Places", (LinkKind.Website, "https://a.example.org"), (LinkKind.GitHub, "https://github.com/b"));

        var (outcome, _) = await SaveAsync(id, new Changes("Swap Places", null, [new("GitHub", "https://github.com/b"), new("Website", "https://a.example.org")]));

        Assert.Equal(Outcome.Saved, outcome);
        Assert.Equal([(LinkKind.GitHub, "https://github.com/b"), (LinkKind.Website, "https://a.example.org")], await LinksAsync(id));
    }

    [Fact]
    public async Task AStaleVersionIsAConflictAndNothingChanges()
    {
        var id = await AddFellowAsync("Stale Form", (LinkKind.Website, "https://stale.example.org"));
        var read = await app.WithDbAsync(db => db.Fellows.Where(f => f.Id == id).Select(f => f.Version).SingleAsync());
        Assert.Equal(Outcome.Saved, (await SaveAsync(id, new Changes("Stale Form", null, [new("Website", "https://first.example.org")]))).Outcome);

        var (outcome, _) = await SaveAsync(id, new Changes("Renamed", null, []), read);

        Assert.Equal(Outcome.Conflict, outcome);
        Assert.Equal([(LinkKind.Website, "https://first.example.org")], await LinksAsync(id));
        Assert.Equal("Stale Form", await app.WithDbAsync(db => db.Fellows.Where(f => f.Id == id).Select(f => f.Person.Name).SingleAsync()));
    }

    [Fact]
    public async Task ASaveBetweenReadingAndSavingIsAConflict()
    {
        var id = await AddFellowAsync("Raced", (LinkKind.Website, "https://raced.example.org"));

        var outcome = await app.WithDbAsync(async db =>
        {
            var fellow = await db.Fellows.Include(f => f.Person).ThenInclude(p => p.Links).SingleAsync(f => f.Id == id);
            Assert.Equal(Outcome.Saved, (await SaveAsync(id, new Changes("Raced", null, [new("GitHub", "https://github.com/other")]))).Outcome);
            return (await new FellowEdit(db).SaveAsync(fellow, fellow.Version, new Changes("Raced", null, []))).Outcome;
        });

        Assert.Equal(Outcome.Conflict, outcome);
        Assert.Equal([(LinkKind.GitHub, "https://github.com/other")], await LinksAsync(id));
    }

    [Fact]
    public async Task BadValuesAreReportedForTheirRowsAndNothingIsSaved()
    {
        var id = await AddFellowAsync("Kept As Is", (LinkKind.Website, "https://kept.example.org"));

        var (outcome, problems) = await SaveAsync(id, new Changes("", "not an email",
        [
            new("Website", "ftp://files.example.org"),
            new("", "https://no-kind.example.org"),
            new("Myspace", "https://myspace.com/x"),
            new("Mastodon", "http://fosstodon.org/@x"),
            new("GitHub", "https://github.com/" + new string('g', 482)),
        ]));

        Assert.Equal(Outcome.Invalid, outcome);
        Assert.Equal(
        [
            ("Name", "Enter the Fellow's name."),
            ("Email", "Enter an email address like name@example.org, or leave it empty."),
            ("Links[0].Url", "Enter the full address of the Website link, starting with https:// or http://."),
            ("Links[1].Kind", "Choose what kind of link this is."),
            ("Links[2].Kind", "Choose one of the kinds listed."),
            ("Links[3].Url", "Enter the Mastodon handle as @user@host (like @grace@fosstodon.org) or the profile's https:// address."),
            ("Links[4].Url", "Keep the address to 500 characters."),
        ], problems.Select(p => (p.Field, p.Message)));
        Assert.Equal([(LinkKind.Website, "https://kept.example.org")], await LinksAsync(id));
    }

    [Theory]
    [InlineData(LinkKind.Mastodon, "@grace@fosstodon.org", true)]
    [InlineData(LinkKind.Mastodon, "@grace.x@social.example.co.uk", true)]
    [InlineData(LinkKind.Mastodon, "https://fosstodon.org/@grace", true)]
    [InlineData(LinkKind.Mastodon, "grace@fosstodon.org", false)]
    [InlineData(LinkKind.Mastodon, "@grace", false)]
    [InlineData(LinkKind.Mastodon, "@grace@localhost", false)]
    [InlineData(LinkKind.GitHub, "https://github.com/grace", true)]
    [InlineData(LinkKind.GitHub, "github.com/grace", false)]
    [InlineData(LinkKind.Twitter, "@grace", false)]
    [InlineData(LinkKind.Website, "http://grace.example.org", true)]
    [InlineData(LinkKind.Website, "javascript:alert(1)", false)]
    [InlineData(LinkKind.Other, "https://exa mple.org", false)]
    [InlineData(LinkKind.Blog, "", true)]
    public void EachKindTakesItsOwnShapeOfAddress(LinkKind kind, string address, bool accepted) =>
        Assert.Equal(accepted, LinkRules.Problem(kind, address) is null);

    [Fact]
    public void TwitterIsShownAsTwitterXAndAHandleLinksToItsProfile()
    {
        Assert.Equal("Twitter/X", LinkRules.Label(LinkKind.Twitter));
        Assert.Equal("https://fosstodon.org/@grace", LinkRules.Href(LinkKind.Mastodon, "@grace@fosstodon.org"));
        Assert.Null(LinkRules.Href(LinkKind.Website, null));
    }

    [Fact]
    public async Task APostShowsAMastodonHandleAsTheFoundationWritesLinksLinkedToTheProfile()
    {
        var id = await AddFellowAsync("Handle Poster", (LinkKind.Website, null), (LinkKind.Mastodon, "@poster@fosstodon.org"));
        await app.WithDbAsync(async db =>
        {
            var fellow = await db.Fellows.SingleAsync(f => f.Id == id);
            (fellow.Year, fellow.Quarter) = (1993, 1);
            await db.SaveChangesAsync();
        });

        var markdown = await app.WithDbAsync(async db =>
            (await PostTemplates.RenderAsync(PostTemplates.DefaultFellows, (await FellowsPostModel.LoadAsync(db, 1993, 1, null, PostModelTests.Settings))!)).Markdown!);

        Assert.Contains("**Handle Poster**  \nWebsite, [Mastodon](https://fosstodon.org/@poster)\n", markdown);
        Assert.Equal("@poster@fosstodon.org", (await LinksAsync(id))[1].Url);
    }
}
