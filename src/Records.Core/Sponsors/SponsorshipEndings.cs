namespace Records.Core.Sponsors;

/// <summary>Which sponsorships are ending soon: the Staff home's list, the sponsorships list's filter and the reminder mail agree.</summary>
public static class SponsorshipEndings
{
    /// <summary>Sponsorships, other than rejected ones, whose last day falls from <paramref name="today"/> to <paramref name="horizon"/>.</summary>
    public static IQueryable<Sponsorship> EndingBetween(IQueryable<Sponsorship> sponsorships, DateOnly today, DateOnly horizon) =>
        sponsorships.Where(s => s.EndsOn >= today && s.EndsOn <= horizon && s.Status != SponsorshipStatus.Rejected);
}
