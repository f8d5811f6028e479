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
