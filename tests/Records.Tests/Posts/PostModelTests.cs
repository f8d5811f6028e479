using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Core.People;
using Records.Core.Posts;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Posts;

public class PostModelTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    public static readonly PostSettings Settings = new("Python Software Foundation", "https://www.python.org/psf/fellows/",
        "https://www.python.org/psf/fellows-roster/", "psf-fellow@python.org", "https://wiki.python.org/psf/FellowWorkGroup");

    [Fact]
    public async Task TheQ1_2020FellowsPostNamesTheSeedPostsEightFellowsWithTheSameLinksInTheSameOrder()
    {
        // As published on April 22, 2020: each name, then only the links that Fellow has, in that order.
        (string Name, string? Links)[] expected =
        [
            ("Al Sweigart", "Website, Twitter, GitHub"), ("Alexandre Savio", "Twitter, Website"), ("Darya Chyzhyk", "Twitter, GitHub, LinkedIn"),
            ("Kenneth Love", null), ("Kevin O'Brien", "Twitter, GitHub, LinkedIn"), ("Serhiy Storchaka", null),
            ("Thea Flowers", "Website, Blog, GitHub"), ("Tom Christie", "Website, Twitter"),
        ];

        var rendering = await app.WithDbAsync(async db =>
            await PostTemplates.RenderAsync(PostTemplates.DefaultFellows, (await FellowsPostModel.LoadAsync(db, 2020, 1, "They teach.", Settings))!));
        Assert.True(rendering.Succeeded, rendering.Error);
        var markdown = rendering.Markdown!;

        var lines = markdown.Split('\n');
        var names = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("**")).ToList();
        Assert.Equal(expected.Select(e => $"**{e.Name}**"), names.Select(n => n.l.TrimEnd()));
        foreach (var ((_, links), (_, index)) in expected.Zip(names))
        {
            Assert.Equal(links ?? "", lines[index + 1]);
        }
        Assert.StartsWith("We are happy to announce our newest PSF Fellow Members for Q1 2020!", markdown);
        Assert.Contains("We are accepting nominations for quarter 2 through May 20, 2020.", markdown);
        Assert.Contains("Congratulations! Thank you for your continued contributions.", markdown);
        Assert.Contains("They teach.", markdown);
        Assert.Contains("## Help Wanted!", markdown);
        Assert.Equal("Python Software Foundation Fellow Members for Q1 2020", FellowsPostModel.Title(Settings.Foundation, 2020, 1));
    }

    [Fact]
    public async Task AFellowsLinksWithAddressesBecomeMarkdownLinksAndUnsafeOnesStayPlain()
    {
        await app.WithDbAsync(async db =>
        {
            var person = new Person { Name = "Ada <b>Bold</b>", Links = [new() { Kind = LinkKind.GitHub, Url = "https://github.com/ada", Position = 0 }, new() { Kind = LinkKind.Website, Url = "javascript:alert(1)", Position = 1 }] };
            db.Fellows.Add(new Records.Core.Fellows.Fellow { Person = person, Year = 1990, Quarter = 3, Position = 0 });
            await db.SaveChangesAsync();
        });

        var markdown = await app.WithDbAsync(async db =>
            (await PostTemplates.RenderAsync(PostTemplates.DefaultFellows, (await FellowsPostModel.LoadAsync(db, 1990, 3, null, Settings))!)).Markdown!);

        Assert.Contains("**Ada Bold**  \n[GitHub](https://github.com/ada), Website\n", markdown);
        Assert.DoesNotContain("<b>", markdown);
        Assert.DoesNotContain("javascript", markdown);
        Assert.Contains("quarter 4 through November 20, 1990", markdown);
    }

    [Fact]
    public async Task AQuarterWithNoFellowsHasNothingToAnnounce()
    {
        Assert.Null(await app.WithDbAsync(db => FellowsPostModel.LoadAsync(db, 1901, 2, null, Settings)));
    }

    [Fact]
    public async Task TheServiceAwardPostQuotesTheResolution()
    {
        var markdown = await app.WithDbAsync(async db =>
        {
            var id = await db.ServiceAwards.Where(a => a.RecipientName == "John Roa").Select(a => a.Id).SingleAsync();
            return (await PostTemplates.RenderAsync(PostTemplates.DefaultServiceAward, (await ServiceAwardPostModel.LoadAsync(db, id, Settings))!)).Markdown!;
        });

        Assert.StartsWith("The Python Software Foundation is pleased to recognize John Roa for the 2018 Q4 Community Service Award:", markdown);
        Assert.Contains("> RESOLVED, that the Python Software Foundation award the 2018 Q4 Community Service Award to John Roa", markdown);
    }

    [Fact]
    public async Task AProposalTheBoardHasNotApprovedCannotBeAnnounced()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var award = new Records.Core.ServiceAwards.ServiceAward { RecipientName = "Secret", Reasons = "r", Year = 2030, Quarter = 1 };
            db.ServiceAwards.Add(award);
            await db.SaveChangesAsync();
            return award.Id;
        });
        Assert.Null(await app.WithDbAsync(db => ServiceAwardPostModel.LoadAsync(db, id, Settings)));
    }

    [Fact]
    public async Task TheThanksPostCountsDonorsAndSponsorsButNeverNamesAnAnonymousDonor()
    {
        var (campaign, from, to) = await app.WithDbAsync(async db =>
        {
            var c = new Campaign { Name = "Spring 1999 drive", Currency = "USD" };
            var known = new Person { Name = "Grace Known" };
            var shy = new Person { Name = "Harriet Shy" };
            db.Donations.AddRange(
                new Donation { Person = known, AmountMinor = 100_00, Currency = "USD", ReceivedOn = new(1999, 4, 2), Campaign = c },
                new Donation { Person = known, AmountMinor = 50_00, Currency = "USD", ReceivedOn = new(1999, 4, 3), Campaign = c },
                new Donation { Person = shy, IsAnonymous = true, AmountMinor = 1_000_00, Currency = "USD", ReceivedOn = new(1999, 4, 4), Campaign = c },
                new Donation { IsAnonymous = true, AmountMinor = 20_00, Currency = "EUR", ReceivedOn = new(1999, 4, 5), Campaign = c });
            var program = await db.SponsorPrograms.FirstAsync();
            var gold = new SponsorPackage { ProgramId = program.Id, Name = "Gold 1999", Year = 1999, PriceMinor = 1, Currency = "USD", Rank = 1 };
            var silver = new SponsorPackage { ProgramId = program.Id, Name = "Silver 1999", Year = 1999, PriceMinor = 1, Currency = "USD", Rank = 2 };
            Sponsorship In(string sponsor, SponsorPackage? package, SponsorshipStatus status = SponsorshipStatus.Finalized) => new()
            {
                Sponsor = new Sponsor { Name = sponsor }, ProgramId = program.Id, Package = package, Currency = "USD", Status = status,
                StartsOn = new(1999, 1, 1), EndsOn = new(1999, 12, 31),
            };
            db.Sponsorships.AddRange(In("Zeta Corp", gold), In("Acme", gold), In("Beta Ltd", silver), In("Event Co", null), In("Turned Down", gold, SponsorshipStatus.Rejected));
            await db.SaveChangesAsync();
            return (c.Id, new DateOnly(1999, 4, 1), new DateOnly(1999, 4, 30));
        });

        var model = (await app.WithDbAsync(db => ThanksPostModel.LoadAsync(db, campaign, null, null, showTotals: true, nameDonors: true, Settings)))!;
        var markdown = (await PostTemplates.RenderAsync(PostTemplates.DefaultThanks, model)).Markdown!;

        Assert.Equal(3, model.DonorCount);
        Assert.Equal(4, model.SponsorCount);
        Assert.Equal(["$1,150.00", "€20.00"], model.Totals.Select(t => t.Amount));
        Assert.Equal(["Gold 1999", "Silver 1999", ThanksPostModel.OtherSponsors], model.Tiers.Select(t => t.Name));
        Assert.Equal(["Acme", "Zeta Corp"], model.Tiers[0].Sponsors);
        Assert.Contains("Grace Known", markdown);
        Assert.DoesNotContain("Harriet", markdown);
        Assert.DoesNotContain("Turned Down", markdown);
        Assert.Contains("During Spring 1999 drive, 3 individuals donated to the PSF and 4 sponsors supported our work. In all, 4 donations brought in $1,150.00 and €20.00.", markdown);
        Assert.Contains("### Gold 1999\n\n- Acme\n- Zeta Corp\n", markdown);

        var byPeriod = (await app.WithDbAsync(db => ThanksPostModel.LoadAsync(db, null, from, to, showTotals: false, nameDonors: false, Settings)))!;
        var quiet = (await PostTemplates.RenderAsync(PostTemplates.DefaultThanks, byPeriod)).Markdown!;
        Assert.Contains("From April 1, 1999 to April 30, 1999, 3 individuals donated", quiet);
        Assert.DoesNotContain("$", quiet);
        Assert.DoesNotContain("Grace", quiet);
    }
}
