using Records.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Core.People;
using Records.Tests.Mail;

namespace Records.Tests.Nominations;

/// <summary>A fresh migrated SQLite file with the roles, for the nomination use cases called without a web host.</summary>
public sealed class NominationsDatabase(TestDatabase database)
{
    public static readonly NominationSettings Settings =
        new("Python Software Foundation", "https://records.example.org/", TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), Quorum: 5, WorkGroupListAddress: null);

    public static async Task<NominationsDatabase> CreateAsync(DatabaseFixture fixture)
    {
        var data = new NominationsDatabase(await fixture.CreateDatabaseAsync());
        await data.WithDbAsync(async db =>
        {
            foreach (var role in Roles.All) db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
            await db.SaveChangesAsync();
        });
        return data;
    }

    public RecordsDbContext Open() => database.Open();

    public async Task<T> WithDbAsync<T>(Func<RecordsDbContext, Task<T>> work)
    {
        await using var db = database.Open();
        return await work(db);
    }

    public async Task WithDbAsync(Func<RecordsDbContext, Task> work)
    {
        await using var db = database.Open();
        await work(db);
    }

    /// <summary>A user with these roles; its id.</summary>
    public Task<string> UserAsync(string email, string[] roles, bool disabled = false, string? name = null) => WithDbAsync(async db =>
    {
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = name ?? email.Split('@')[0], CreatedAt = DateTime.UtcNow, DisabledAt = disabled ? DateTime.UtcNow : null,
        };
        db.Users.Add(user);
        foreach (var role in roles)
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync() });
        }
        await db.SaveChangesAsync();
        return user.Id;
    });

    public Task<int> RoundAsync(int year, int quarter, RoundStatus status) => WithDbAsync(async db =>
    {
        var round = new Round { Year = year, Quarter = quarter, CutOff = new YearQuarter(year, quarter).CutOff, ReviewEnds = new YearQuarter(year, quarter).ReviewEnds, Status = status };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    });

    public Task<int> NominationAsync(int roundId, string nominee, int? firstRoundId = null, int? nomineeId = null, string? nomineeEmail = null) => WithDbAsync(async db =>
    {
        var person = nomineeId is { } id ? await db.People.SingleAsync(p => p.Id == id) : new Person { Name = nominee, Email = nomineeEmail ?? $"{Guid.NewGuid():N}@example.org" };
        var nomination = new Nomination
        {
            RoundId = roundId, FirstRoundId = firstRoundId ?? roundId, Nominee = person, NominatorName = "Nora Nominator", NominatorEmail = "nora@example.org",
            Statement = $"{nominee} has served the community for many years.", ReceivedAt = DateTime.UtcNow, Status = NominationStatus.UnderReview,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination.Id;
    });

    public Task VotesAsync(int nominationId, IReadOnlyList<string> members, params VoteChoice[] choices) => WithDbAsync(async db =>
    {
        for (var i = 0; i < choices.Length; i++) db.Votes.Add(new Vote { NominationId = nominationId, MemberId = members[i], Choice = choices[i], CastAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    });
}
