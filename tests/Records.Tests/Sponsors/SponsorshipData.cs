using Microsoft.EntityFrameworkCore;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Sponsors;

/// <summary>Sponsors, packages and sponsorships made straight in the database for the sponsorship tests.</summary>
public static class SponsorshipData
{
    public static Task<int> SponsorAsync(RecordsApp app, string name) => app.WithDbAsync(async db =>
    {
        var sponsor = db.Sponsors.Add(new Sponsor { Name = name, PrimaryContactName = "Pat Contact", PrimaryContactEmail = "pat@" + name.Replace(" ", "").ToLowerInvariant() + ".example" }).Entity;
        await db.SaveChangesAsync();
        return sponsor.Id;
    });

    public static Task<(int ProgramId, int PackageId)> PackageAsync(RecordsApp app, string program, string package, int year = 2024, long priceMinor = 1_000_000,
        int? capacity = null, bool inKind = false, string currency = "USD") => app.WithDbAsync(async db =>
    {
        var p = await db.SponsorPrograms.SingleOrDefaultAsync(x => x.Name == program) ?? db.SponsorPrograms.Add(new SponsorProgram { Name = program }).Entity;
        var k = new SponsorPackage { Program = p, Name = package, Year = year, PriceMinor = priceMinor, Currency = currency, Capacity = capacity, InKindAccepted = inKind };
        db.SponsorPackages.Add(k);
        await db.SaveChangesAsync();
        return (p.Id, k.Id);
    });

    public static Task<int> SponsorshipAsync(RecordsApp app, int sponsorId, int programId, int? packageId, DateOnly startsOn, long? feeMinor,
        SponsorshipStatus status = SponsorshipStatus.Applied, ContractStatus contract = ContractStatus.Draft, string currency = "USD", DateOnly? endsOn = null,
        string? description = null) => app.WithDbAsync(async db =>
    {
        var s = db.Sponsorships.Add(new Sponsorship
        {
            SponsorId = sponsorId, ProgramId = programId, PackageId = packageId, StartsOn = startsOn, EndsOn = endsOn ?? SponsorshipTerms.DefaultEnd(startsOn),
            FeeMinor = feeMinor, Currency = currency, Status = status, ContractStatus = contract, Description = description,
        }).Entity;
        await db.SaveChangesAsync();
        return s.Id;
    });

    public static Task<Sponsorship> LoadAsync(RecordsApp app, int id) =>
        app.WithDbAsync(db => db.Sponsorships.AsNoTracking().Include(s => s.Payments).Include(s => s.History).SingleAsync(s => s.Id == id));
}
