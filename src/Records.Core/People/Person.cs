using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Records.Core.Data;

namespace Records.Core.People;

public class Person : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<PersonLink> Links { get; set; } = [];
    public Guid Version { get; set; }

    /// <summary>Appends, after theirs and in the given order, the links whose address (any case) the person does not have yet.</summary>
    public void AppendMissingLinks(IEnumerable<(LinkKind Kind, string Url)> links)
    {
        var next = Links.Count == 0 ? 0 : Links.Max(l => l.Position) + 1;
        foreach (var (kind, url) in links)
        {
            if (Links.Any(l => string.Equals(l.Url, url, StringComparison.OrdinalIgnoreCase))) continue;
            Links.Add(new PersonLink { Kind = kind, Url = url, Position = next++ });
        }
    }
}

public enum LinkKind { Website, GitHub, Twitter, LinkedIn, Mastodon, Blog, Other }

/// <summary>One of a person's links, kept in the order it was recorded (posts list them that way).</summary>
public class PersonLink
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public LinkKind Kind { get; set; }
    /// <summary>Null when the source named the link but not its address.</summary>
    public string? Url { get; set; }
    public int Position { get; set; }
}

public class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Email).HasMaxLength(320);
        b.Property(p => p.Notes).HasMaxLength(4000);
        b.HasIndex(p => p.Email);
        b.HasIndex(p => p.Name);
        b.HasMany(p => p.Links).WithOne().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PersonLinkConfiguration : IEntityTypeConfiguration<PersonLink>
{
    public void Configure(EntityTypeBuilder<PersonLink> b)
    {
        b.Property(l => l.Url).HasMaxLength(500);
        b.HasIndex(l => new { l.PersonId, l.Position }).IsUnique();
    }
}
