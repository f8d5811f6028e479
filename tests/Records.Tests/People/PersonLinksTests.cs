using Records.Core.People;

namespace Records.Tests.People;

public class PersonLinksTests
{
    [Fact]
    public void TheLinksAPersonLacksAreAppendedAfterTheirsInTheGivenOrder()
    {
        var person = new Person { Name = "Grace", Links = [new PersonLink { Kind = LinkKind.Website, Url = "https://grace.example.org", Position = 3 }, new PersonLink { Kind = LinkKind.Other, Url = null, Position = 1 }] };

        person.AppendMissingLinks([(LinkKind.Website, "https://GRACE.example.org"), (LinkKind.GitHub, "https://github.com/grace"), (LinkKind.Mastodon, "@grace@fosstodon.org"), (LinkKind.Other, "https://github.com/grace")]);

        Assert.Equal([(LinkKind.Website, "https://grace.example.org", 3), (LinkKind.Other, null, 1), (LinkKind.GitHub, "https://github.com/grace", 4), (LinkKind.Mastodon, "@grace@fosstodon.org", 5)],
            person.Links.Select(l => (l.Kind, l.Url, l.Position)).ToArray());
    }

    [Fact]
    public void APersonWithoutLinksGetsThemFromPositionZero()
    {
        var person = new Person { Name = "New" };

        person.AppendMissingLinks([(LinkKind.GitHub, "https://github.com/new")]);

        Assert.Equal(0, Assert.Single(person.Links).Position);
    }
}
