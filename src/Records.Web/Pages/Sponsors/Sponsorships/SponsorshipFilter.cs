using System.Globalization;
using FluentValidation;
using Records.Core.Sponsors;

namespace Records.Web.Pages.Sponsors.Sponsorships;

/// <summary>
/// The sponsorships list's filter as typed in the query string (year, program, status), shared by the list and its
/// CSV export so both select exactly the same sponsorships.
/// </summary>
public sealed class SponsorshipFilter
{
    public string? Year { get; set; }
    public string? Program { get; set; }
    public string? Status { get; set; }

    /// <summary>Days ahead: only sponsorships (not rejected) that end between today and that many days from now.</summary>
    public string? Ending { get; set; }

    public const int MostDaysAhead = 3660;

    public int? YearChoice => int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200 ? y : null;
    public int? ProgramId => int.TryParse(Program?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    public SponsorshipStatus? StatusChoice =>
        Enum.TryParse<SponsorshipStatus>(Status?.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(Status, out _) ? s : null;
    public int? EndingDays => int.TryParse(Ending?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= MostDaysAhead ? d : null;

    public string Query() => string.Join("&", new (string Key, string? Value)[] { ("year", Year), ("program", Program), ("status", Status), ("ending", Ending) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!.Trim())}"));

    /// <summary>Only valid filters reach here. A year means the sponsorships starting in it.</summary>
    public IQueryable<Sponsorship> Apply(IQueryable<Sponsorship> sponsorships, DateOnly today)
    {
        if (EndingDays is { } days)
        {
            var horizon = today.AddDays(days);
            sponsorships = SponsorshipEndings.EndingBetween(sponsorships, today, horizon);
        }
        if (YearChoice is { } year)
        {
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            sponsorships = sponsorships.Where(s => s.StartsOn >= first && s.StartsOn <= last);
        }
        if (ProgramId is { } program) sponsorships = sponsorships.Where(s => s.ProgramId == program);
        if (StatusChoice is { } status) sponsorships = sponsorships.Where(s => s.Status == status);
        return sponsorships;
    }

    public sealed class Validator : AbstractValidator<SponsorshipFilter>
    {
        public Validator()
        {
            RuleFor(f => f.Year).Must((f, _) => f.YearChoice is not null).When(f => !string.IsNullOrWhiteSpace(f.Year)).WithMessage("Enter a year, such as 2024.");
            RuleFor(f => f.Program).Must((f, _) => f.ProgramId is not null).When(f => !string.IsNullOrWhiteSpace(f.Program)).WithMessage("Choose one of the programs in the list.");
            RuleFor(f => f.Ending).Must((f, _) => f.EndingDays is not null).When(f => !string.IsNullOrWhiteSpace(f.Ending))
                .WithMessage($"Enter a number of days from 1 to {MostDaysAhead:#,0}.");
            RuleFor(f => f.Status).Must((f, _) => f.StatusChoice is not null).When(f => !string.IsNullOrWhiteSpace(f.Status)).WithMessage("Choose one of the statuses in the list.");
        }
    }
}
