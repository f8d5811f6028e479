using Microsoft.EntityFrameworkCore;
using Records.Core.Fellows;
using Records.Core.People;
using Records.Tests.Infrastructure;
using Records.Web.Pages.Fellows;
using static Records.Tests.Fellows.RosterHtml;

namespace Records.Tests.Fellows;

/// <summary>A roster of some 300 Fellows in pages of whole years, and how Fellows and their links are shown.</summary>
public class RosterPagingTests(RosterPagingTests.App app) : IClassFixture<RosterPagingTests.App>
{
    public sealed class App : RecordsApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await WithDbAsync(db => RosterSizeTests.AddFellowsAsync(db, 300));
        }
    }

    [Fact]
    public async Task PagesHoldWholeYearsAndTogetherShowEveryone()
    {
        var client = app.Browser();

        var first = await client.GetPageAsync("/Fellows");
        var second = await client.GetPageAsync("/Fellows?p=2");

        var total = await app.WithDbAsync(db => db.Fellows.CountAsync());
        Assert.Equal($"{total} Fellows on the roster", TextOf(first.QuerySelector("[data-total]")!));
        Assert.Contains("Page 1 of 2", TextOf(first.QuerySelector(".pager")!));
        Assert.InRange(FellowsShown(first), 100, IndexModel.FellowsPerPage);
        Assert.Equal(total, FellowsShown(first) + FellowsShown(second));
        var firstYears = first.QuerySelectorAll("section[id^='year-']").Select(s => s.Id).ToHashSet();
        Assert.DoesNotContain(second.QuerySelectorAll("section[id^='year-']"), s => firstYears.Contains(s.Id));
        Assert.Equal("/Fellows?p=2#year-2001", first.QuerySelector("nav.years a[href$='#year-2001']")!.GetAttribute("href"));
        Assert.Equal("2020 Q1 8 Fellows", TextOf(first.QuerySelector("[data-quarter='2020-1'] h3")!));
    }

    [Fact]
    public async Task LinksWithAnAddressAreLinksAndTheBadgesShowEmeritusAndInMemoriam()
    {
        await app.WithDbAsync(async db =>
        {
            var person = new Person
            {
                Name = "Linked Fellow", CreatedAt = DateTime.UtcNow,
                Links = [new() { Kind = LinkKind.GitHub, Url = "https://github.com/linked", Position = 0 }, new() { Kind = LinkKind.Other, Url = "javascript:alert(1)", Position = 1 }],
            };
            db.Fellows.Add(new Fellow { Person = person, Year = 2019, Quarter = 4, Status = FellowStatus.Emeritus });
            db.Fellows.Add(new Fellow { Person = new Person { Name = "Remembered Fellow", CreatedAt = DateTime.UtcNow }, Year = 2019, Quarter = 4, Position = 1, Status = FellowStatus.Deceased });
            await db.SaveChangesAsync();
        });

        var page = await app.Browser().GetPageAsync("/Fellows?q=Fellow");

        var linked = FellowItem(page, "Linked Fellow");
        Assert.Equal("https://github.com/linked", linked.QuerySelector(".links a")!.GetAttribute("href"));
        Assert.Equal("GitHub", TextOf(linked.QuerySelector(".links a")!));
        Assert.Single(linked.QuerySelectorAll(".links a"));
        Assert.Equal("Emeritus", TextOf(linked.QuerySelector(".badge")!));
        Assert.Equal("In memoriam", TextOf(FellowItem(page, "Remembered Fellow").QuerySelector(".badge")!));
        Assert.Equal(["2019 Q4 2 Fellows"], page.QuerySelectorAll("[data-quarter] h3").Select(TextOf));
    }
}
