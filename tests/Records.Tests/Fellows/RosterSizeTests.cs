using Records.Core.Data;
using Records.Core.Fellows;
using Records.Core.People;
using Records.Tests.Infrastructure;
using static Records.Tests.Fellows.RosterHtml;

namespace Records.Tests.Fellows;

/// <summary>The roster's queries do not grow with the roster. Its own database, as it fills it.</summary>
public class RosterSizeTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    /// <summary>Fellows over 2001-2019 with two links each, as a roster of many years has.</summary>
    internal static async Task AddFellowsAsync(RecordsDbContext db, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var person = new Person
            {
                Name = $"Counted Person {i:000}", CreatedAt = DateTime.UtcNow,
                Links = [new() { Kind = LinkKind.GitHub, Url = $"https://github.com/counted{i}", Position = 0 }, new() { Kind = LinkKind.Website, Url = $"https://counted{i}.example", Position = 1 }],
            };
            db.Fellows.Add(new Fellow { Person = person, Year = 2001 + i % 19, Quarter = 1 + i % 4, Position = i });
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task RosterIssuesTheSameQueriesWhateverTheNumberOfFellows()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        var (few, fewCommands) = await app.Sql.GetAsync(client, "/Fellows");
        var fewRows = FellowsShown(await few.ReadPageAsync());

        await app.WithDbAsync(db => AddFellowsAsync(db, 300));
        var (many, manyCommands) = await app.Sql.GetAsync(client, "/Fellows");
        var manyRows = FellowsShown(await many.ReadPageAsync());

        Assert.True(manyRows > fewRows + 100, $"{fewRows} Fellows shown, then {manyRows}");
        Assert.NotEmpty(fewCommands);
        Assert.Equal(fewCommands.Count, manyCommands.Count);
        Assert.True(manyCommands.Count(c => c.Contains("PersonLinks")) == 1, string.Join("\n---\n", manyCommands));
    }
}
