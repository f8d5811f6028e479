using Records.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.People;
using Records.Tests.Mail;

namespace Records.Tests.Data;

/// <summary>The provider's case-insensitive search, on a real migrated database.</summary>
public class SearchTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData("ada", "Ada_Lovelace ADA 100%")]
    [InlineData("a_l", "Ada_Lovelace")]
    [InlineData("0%", "ADA 100%")]
    [InlineData("lovelace.org", "Ada_Lovelace")]
    [InlineData("\\", "")]
    public async Task ContainsIgnoresCaseAndReadsWildcardsAsText(string text, string expected)
    {
        var database = await fixture.CreateDatabaseAsync();
        await using var db = database.Open();
        db.People.AddRange(new Person { Name = "Ada_Lovelace", Email = "ada@lovelace.org" }, new Person { Name = "ADA 100%" }, new Person { Name = "Grace Hopper" });
        await db.SaveChangesAsync();

        var found = await db.People.Where(DatabaseProvider.For(db).ContainsIgnoringCase<Person>(text, p => p.Name, p => p.Email))
            .OrderBy(p => p.Id).Select(p => p.Name).ToListAsync();

        Assert.Equal(expected, string.Join(" ", found));
    }
}
