using Records.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Sponsors;

namespace Records.Web.Pages.Sponsors.Programs;

public class IndexModel(RecordsDbContext db) : PageModel
{
    public IReadOnlyList<ProgramRow> Programs { get; private set; } = [];

    public record ProgramRow(int Id, string Name, string? Description, IReadOnlyList<YearRow> Years)
    {
        public int? LatestYear => Years.Count == 0 ? null : Years[0].Year;
    }

    public record YearRow(int Year, IReadOnlyList<PackageRow> Packages);

    public record PackageRow(int Id, int ProgramId, string Name, int Year, long PriceMinor, string Currency, string? Benefits,
        int? Capacity, int Taken, bool Active, int Rank, bool InKindAccepted, int? BenefitMonths)
    {
        public string Price => new Core.Amounts.Money(PriceMinor, Currency).Format(dropZeroMinor: true);
        public string CapacityText => Capacity is { } capacity ? $"{Taken} of {capacity} taken" : $"unlimited · {Taken} taken";
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var programs = await db.SponsorPrograms.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.Description }).ToListAsync(ct);
        var packages = await db.SponsorPackages.AsNoTracking()
            .Select(k => new PackageRow(k.Id, k.ProgramId, k.Name, k.Year, k.PriceMinor, k.Currency, k.Benefits, k.Capacity,
                db.Sponsorships.Count(s => s.PackageId == k.Id && s.Status != SponsorshipStatus.Rejected),
                k.Active, k.Rank, k.InKindAccepted, k.BenefitMonths))
            .ToListAsync(ct);
        Programs = [.. programs.Select(p => new ProgramRow(p.Id, p.Name, p.Description,
            [.. packages.Where(k => k.ProgramId == p.Id).GroupBy(k => k.Year).OrderByDescending(g => g.Key)
                .Select(g => new YearRow(g.Key, [.. g.OrderBy(k => k.Rank).ThenBy(k => k.Name)]))]))];
    }

    /// <summary>
    /// Starts next year's price list from the year the button showed (the latest then), so a repeated or stale submit
    /// adds nothing: packages already named in the next year are left alone.
    /// </summary>
    public async Task<IActionResult> OnPostCopyAsync(int programId, int year)
    {
        if (await db.SponsorPrograms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId) is not { } program) return NotFound();
        var source = await db.SponsorPackages.AsNoTracking().Where(k => k.ProgramId == programId && k.Year == year).ToListAsync();
        if (source.Count == 0)
        {
            TempData["FlashError"] = $"{program.Name} has no {year} packages to copy.";
            return RedirectToPage();
        }
        var existing = await db.SponsorPackages.Where(k => k.ProgramId == programId && k.Year == year + 1).Select(k => k.Name).ToListAsync();
        var copies = source.Where(k => !existing.Contains(k.Name, StringComparer.OrdinalIgnoreCase)).Select(k => new SponsorPackage
        {
            ProgramId = programId,
            Name = k.Name,
            Year = year + 1,
            PriceMinor = k.PriceMinor,
            Currency = k.Currency,
            Benefits = k.Benefits,
            Capacity = k.Capacity,
            Active = k.Active,
            Rank = k.Rank,
            InKindAccepted = k.InKindAccepted,
            BenefitMonths = k.BenefitMonths,
        }).ToList();
        db.SponsorPackages.AddRange(copies);
        await db.SaveChangesAsync();
        TempData["Flash"] = copies.Count == 0
            ? $"{program.Name}: every {year} package is already in {year + 1}; nothing copied."
            : $"{program.Name}: copied {Plural(copies.Count, "package")} from {year} into {year + 1}.";
        return RedirectToPage();
    }

    public static string Plural(int count, string noun) => Counting.Plural(count, noun);
}
