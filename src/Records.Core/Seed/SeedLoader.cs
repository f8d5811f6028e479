using Records.Core.Amounts;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Records.Core.Budget;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Fellows;
using Records.Core.Nominations;
using Records.Core.People;
using Records.Core.ServiceAwards;
using Records.Core.Sponsors;

namespace Records.Core.Seed;

/// <summary>Loads the foundation's real records from the seed folder into an empty database; a database with records is left alone.</summary>
public static class SeedLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static async Task<bool> LoadIfEmptyAsync(RecordsDbContext db, string folder, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        // One query: this runs at every start-up, and a database in use answers it at its first row.
        if (await db.People.Select(_ => 1).Concat(db.SponsorPrograms.Select(_ => 1)).Concat(db.Donations.Select(_ => 1)).AnyAsync(cancellationToken))
        {
            return false;
        }
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The seed folder '{folder}' does not exist.");

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        AddFellows(db, Read<FellowRow>(folder, "fellows.json"), now);
        var programs = AddPrograms(db, Read<ProgramRow>(folder, "sponsor-programs.json"));
        AddSponsors(db, Read<SponsorRow>(folder, "sponsors.json"), programs);
        AddServiceAwards(db, Read<ServiceAwardRow>(folder, "service-awards.json"), now);
        foreach (var c in Read<CampaignRow>(folder, "campaigns.json"))
        {
            db.Campaigns.Add(new Campaign { Name = c.Name, Description = c.Description, Currency = c.Currency, StartsOn = c.StartsOn, EndsOn = c.EndsOn, GoalMinor = c.Goal is { } g ? Money.FromMajor(g, c.Currency).Minor : null });
        }
        foreach (var l in Read<BudgetLineRow>(folder, "budget-lines.json"))
        {
            db.BudgetLines.Add(new BudgetLine { Kind = l.Kind, Label = l.Label, AsOf = l.AsOf, AmountMinor = Money.FromMajor(l.Amount, l.Currency).Minor, Currency = l.Currency, Source = l.Source });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static List<T> Read<T>(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<T>>(stream, Json) ?? throw new InvalidDataException($"{path} holds no records.");
    }

    private static void AddFellows(RecordsDbContext db, List<FellowRow> rows, DateTime now)
    {
        foreach (var quarter in rows.GroupBy(r => new YearQuarter(r.Year, r.Quarter)))
        {
            db.Rounds.Add(new Round
            {
                Year = quarter.Key.Year,
                Quarter = quarter.Key.Quarter,
                CutOff = quarter.Key.CutOff,
                ReviewEnds = quarter.Key.ReviewEnds,
                Status = RoundStatus.Closed,
            });
            var position = 0;
            foreach (var row in quarter)
            {
                var person = new Person
                {
                    Name = row.Name,
                    Email = row.Email,
                    CreatedAt = now,
                    Links = row.Links.Select((l, i) => new PersonLink { Kind = l.Kind, Url = l.Url, Position = i }).ToList(),
                };
                db.Fellows.Add(new Fellow { Person = person, Year = row.Year, Quarter = row.Quarter, Position = position++, Status = row.Status });
            }
        }
    }

    private static Dictionary<string, SponsorProgram> AddPrograms(RecordsDbContext db, List<ProgramRow> rows)
    {
        var programs = new Dictionary<string, SponsorProgram>();
        foreach (var row in rows)
        {
            var program = new SponsorProgram { Name = row.Name, Description = row.Description };
            foreach (var year in row.Packages.GroupBy(p => p.Year))
            {
                program.Packages.AddRange(year.Select((p, rank) => new SponsorPackage
                {
                    Name = p.Name,
                    Year = p.Year,
                    PriceMinor = Money.FromMajor(p.Price, p.Currency).Minor,
                    Currency = p.Currency,
                    Benefits = p.Benefits,
                    InKindAccepted = p.InKind,
                    BenefitMonths = p.BenefitMonths,
                    Rank = rank,
                    Active = true,
                }));
            }
            db.SponsorPrograms.Add(program);
            programs[row.Name] = program;
        }
        return programs;
    }

    /// <summary>Sponsors and their sponsorships, dated by the post they come from, not by the day the seed loaded.</summary>
    private static void AddSponsors(RecordsDbContext db, List<SponsorRow> rows, Dictionary<string, SponsorProgram> programs)
    {
        foreach (var row in rows)
        {
            var first = row.Sponsorships.Select(s => s.RecordedOn).DefaultIfEmpty().Min();
            var sponsor = new Sponsor { Name = row.Name, Website = row.Website, Notes = row.Notes, CreatedAt = Noon(first) };
            db.Sponsors.Add(sponsor);
            foreach (var s in row.Sponsorships)
            {
                if (!programs.TryGetValue(s.Program, out var program))
                {
                    throw new InvalidDataException($"sponsors.json: {row.Name} names the program '{s.Program}', which sponsor-programs.json does not hold.");
                }
                db.Sponsorships.Add(new Sponsorship
                {
                    Sponsor = sponsor,
                    Program = program,
                    Description = s.Description,
                    StartsOn = s.StartsOn,
                    EndsOn = s.EndsOn,
                    Currency = s.Currency,
                    FeeMinor = s.Fee is { } fee ? Money.FromMajor(fee, s.Currency).Minor : null,
                    Status = s.Status,
                    StatusChangedAt = Noon(s.RecordedOn),
                    ContractStatus = s.ContractStatus,
                    ContractStatusChangedAt = Noon(s.RecordedOn),
                    History =
                    [
                        new SponsorshipEvent { Change = SponsorshipChange.Created, To = s.Status.ToString(), Note = $"From the foundation's post \"{s.Source}\".", By = "Seed", At = Noon(s.RecordedOn) },
                    ],
                });
            }
        }
    }

    private static void AddServiceAwards(RecordsDbContext db, List<ServiceAwardRow> rows, DateTime now)
    {
        foreach (var row in rows)
        {
            db.ServiceAwards.Add(new ServiceAward
            {
                RecipientName = row.Recipient,
                RecipientIsGroup = row.IsGroup,
                RecipientPerson = row.IsGroup ? null : new Person { Name = row.Recipient, CreatedAt = now },
                Reasons = row.Reasons,
                Year = row.Year,
                Quarter = row.Quarter,
                Status = row.Status,
                Resolution = row.Resolution,
                ProposedAt = now,
            });
        }
    }

    private sealed record LinkRow(LinkKind Kind, string? Url);
    private sealed record FellowRow(string Name, string? Email, int Year, int Quarter, List<LinkRow> Links, FellowStatus Status = FellowStatus.Active);
    private sealed record PackageRow(int Year, string Name, long Price, string Currency, string? Benefits, bool InKind, int? BenefitMonths);
    private sealed record ProgramRow(string Name, string? Description, List<PackageRow> Packages);
    /// <summary>Midday UTC, so the day reads the same in any foundation's time zone.</summary>
    private static DateTime Noon(DateOnly day) => day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    private sealed record SponsorshipRow(string Program, string? Description, DateOnly StartsOn, DateOnly EndsOn, string Currency, long? Fee, SponsorshipStatus Status, ContractStatus ContractStatus,
        DateOnly RecordedOn, string Source);
    private sealed record SponsorRow(string Name, string? Website, string? Notes, List<SponsorshipRow> Sponsorships);
    private sealed record ServiceAwardRow(string Recipient, bool IsGroup, int Year, int Quarter, string Reasons, ServiceAwardStatus Status, string? Resolution);
    private sealed record CampaignRow(string Name, string? Description, string Currency, DateOnly? StartsOn, DateOnly? EndsOn, long? Goal);
    private sealed record BudgetLineRow(BudgetLineKind Kind, string Label, DateOnly AsOf, long Amount, string Currency, string? Source);
}
