using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Fellows;
using Records.Core.Nominations;
using Records.Core.People;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

/// <summary>Rounds, nominations and votes written straight to the test database, for pages that review them.</summary>
public static class ReviewData
{
    private static int quarterSeed = 100;

    public static Task<int> RoundAsync(RecordsApp app, RoundStatus status) => app.WithDbAsync(async db =>
    {
        // Two years apart, so a test can add the rounds just before or after one without a clash; centuries before today, so never the round the app adds for the current quarter.
        var next = Interlocked.Add(ref quarterSeed, 8);
        var (year, quarter) = (1200 + next / 4, next % 4 + 1);
        var round = new Round { Year = year, Quarter = quarter, CutOff = new YearQuarter(year, quarter).CutOff, ReviewEnds = new YearQuarter(year, quarter).ReviewEnds, Status = status };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    });

    public static Task<int> NominationAsync(RecordsApp app, int roundId, string nominee, string statement = "", int? linkedTo = null, int? nomineeId = null,
        DateTime? receivedAt = null, NominationStatus status = NominationStatus.UnderReview, string? linkUrl = null) =>
        app.WithDbAsync(async db =>
        {
            var person = nomineeId is { } id ? await db.People.SingleAsync(p => p.Id == id) : new Person { Name = nominee, Email = $"{Guid.NewGuid():N}@example.org" };
            if (nomineeId is null)
            {
                person.Links.Add(new PersonLink { Kind = LinkKind.GitHub, Url = linkUrl ?? "https://github.com/someone", Position = 0 });
                person.Links.Add(new PersonLink { Kind = LinkKind.Website, Url = "https://someone.example.net", Position = 1 });
            }
            var nomination = new Nomination
            {
                RoundId = roundId, FirstRoundId = roundId, Nominee = person, NominatorName = "Nora Nominator", NominatorEmail = "nora@example.org",
                Statement = statement.Length > 0 ? statement : $"{nominee} has served the community for many years, organising meetups, mentoring newcomers and maintaining packages that thousands rely on.",
                ReceivedAt = receivedAt ?? DateTime.UtcNow, Status = status, LinkedToId = linkedTo,
                DecidedAt = status == NominationStatus.UnderReview ? null : DateTime.UtcNow,
            };
            db.Nominations.Add(nomination);
            await db.SaveChangesAsync();
            return nomination.Id;
        });

    public static Task VoteAsync(RecordsApp app, int nominationId, string email, VoteChoice choice, string? comment = null) => app.WithDbAsync(async db =>
    {
        db.Votes.Add(new Vote { NominationId = nominationId, MemberId = await UserIdAsync(db, email), Choice = choice, Comment = comment, CastAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    });

    public static Task RecuseAsync(RecordsApp app, int nominationId, string email) => app.WithDbAsync(async db =>
    {
        db.Recusals.Add(new Recusal { NominationId = nominationId, MemberId = await UserIdAsync(db, email), At = DateTime.UtcNow });
        await db.SaveChangesAsync();
    });

    public static Task FellowAsync(RecordsApp app, int personId) => app.WithDbAsync(async db =>
    {
        db.Fellows.Add(new Fellow { PersonId = personId, Year = 2018, Quarter = 1, Status = FellowStatus.Active });
        await db.SaveChangesAsync();
    });

    public static Task<int> NomineeIdAsync(RecordsApp app, int nominationId) =>
        app.WithDbAsync(db => db.Nominations.Where(n => n.Id == nominationId).Select(n => n.NomineeId).SingleAsync());

    public static async Task<HttpClient> SignInAsync(RecordsApp app, string email)
    {
        var client = app.Browser();
        await client.LoginAsync(email);
        return client;
    }

    public static Task<List<Vote>> VotesAsync(RecordsApp app, int nominationId) =>
        app.WithDbAsync(db => db.Votes.AsNoTracking().Where(v => v.NominationId == nominationId).ToListAsync());

    /// <summary>Reads the nomination's page, then posts one of its forms (the handler names the form) with the given fields.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, int nominationId, string handler, Dictionary<string, string> fields) =>
        client.SubmitAsync($"/Nominations/Details/{nominationId}", fields, formSelector: $"form[action*='handler={handler}']");

    public static Task<string> UserIdAsync(RecordsDbContext db, string email) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
}
