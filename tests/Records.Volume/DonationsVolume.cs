using Records.Core.Budget;
using Records.Core.Donations;

namespace Records.Volume;

/// <summary>Campaigns and ten years of gifts in date order: growing year on year, peaks at PyCon and year end, most gifts small.</summary>
internal static class DonationsVolume
{
    private static readonly long[] RoundAmounts = [5, 10, 20, 25, 50, 75, 100, 150, 200, 250, 500, 1_000, 2_500, 5_000];
    private static readonly DateOnly GitHubSponsorsOpened = new(2019, 5, 23);

    public static void Write(VolumeContext volume)
    {
        var draw = volume.DrawFor(4);
        volume.Write(Campaigns(volume, draw));
        volume.Write(Donations(volume, draw, volume.Count(1_000_000)));
        volume.Write(BudgetLines(volume, draw));
    }

    private static IEnumerable<Campaign> Campaigns(VolumeContext volume, Draw draw)
    {
        var id = 0;
        for (var year = volume.HistoryStarts.Year; year <= volume.AsOf.Year; year++)
        {
            (string Name, DateOnly Starts, DateOnly Ends, long GoalUsd)[] yearly =
            [
                ($"PyCon US {year}", new(year, 1, 15), new(year, 5, 20), 200_000),
                ($"Year-end fundraiser {year}", new(year, 11, 15), new(year, 12, 31), 150_000),
            ];
            foreach (var (name, starts, ends, goal) in yearly)
            {
                volume.Campaigns.Add(new VolumeContext.CampaignWindow(++id, starts, ends));
                yield return new Campaign { Id = id, Name = name, Description = $"{name}: gifts towards the Foundation's work.", GoalMinor = goal * 100, Currency = "USD", StartsOn = starts, EndsOn = ends, Version = draw.Guid() };
            }
        }
    }

    private static IEnumerable<Donation> Donations(VolumeContext volume, Draw draw, int total)
    {
        var days = Enumerable.Range(0, volume.AsOf.DayNumber - volume.HistoryStarts.DayNumber + 1).Select(volume.HistoryStarts.AddDays).ToArray();
        var weights = days.Select(d => (1 + 0.15 * (d.Year - volume.HistoryStarts.Year)) * Season(d)).ToArray();
        var perWeight = total / weights.Sum();
        var carried = 0.0;
        var id = 0;
        for (var i = 0; i < days.Length && id < total; i++)
        {
            carried += weights[i] * perWeight;
            var today = i == days.Length - 1 ? total - id : (int)carried;
            carried -= today;
            for (var n = 0; n < today && id < total; n++) yield return Gift(volume, draw, ++id, days[i]);
        }
    }

    private static double Season(DateOnly day) => day.Month switch { 12 => 2.4, 11 => 1.4, 4 or 5 => 1.6, 3 => 1.2, _ => 1.0 };

    private static Donation Gift(VolumeContext volume, Draw draw, int id, DateOnly day)
    {
        var channel = draw.Weighted<DonationChannel>(
        [
            (DonationChannel.Card, 0.52), (DonationChannel.PayPal, 0.25), (DonationChannel.GitHubSponsors, day >= GitHubSponsorsOpened ? 0.10 : 0),
            (DonationChannel.BankTransfer, 0.04), (DonationChannel.Cheque, 0.04), (DonationChannel.ConvertedRegistration, day.Month is >= 3 and <= 5 ? 0.05 : 0),
        ]);
        var currency = draw.Weighted<string>([("USD", 0.96), ("EUR", 0.025), ("GBP", 0.015)]);
        var amount = channel == DonationChannel.ConvertedRegistration ? draw.Pick<long>([100_00, 125_00, 300_00, 400_00, 700_00]) : Amount(draw);
        var donor = draw.Unit();
        var anonymousWithoutName = donor < 0.08;
        var organisation = !anonymousWithoutName && donor < 0.11;
        var campaign = volume.Campaigns.FirstOrDefault(c => c.StartsOn <= day && day <= c.EndsOn);
        var large = amount >= 250_00;
        var old = day < volume.AsOf.AddDays(-30);
        DateOnly? acknowledged = large
            ? (draw.Chance(old ? 0.96 : 0.25) ? day.AddDays(draw.Between(1, 21)) : null)
            : (draw.Chance(0.6) ? day : null);
        if (acknowledged > volume.AsOf) acknowledged = null;
        return new Donation
        {
            Id = id,
            PersonId = anonymousWithoutName || organisation ? null : 1 + draw.Skewed(volume.PersonNames.Count),
            OrganisationId = organisation ? 1 + draw.Skewed(volume.SponsorCount, 1.5) : null,
            IsAnonymous = anonymousWithoutName || (!organisation && draw.Chance(0.04)),
            AmountMinor = amount,
            Currency = currency,
            ReceivedOn = day,
            Channel = channel,
            CampaignId = campaign is not null && draw.Chance(0.55) ? campaign.Id : null,
            FeeMinor = Fee(channel, amount),
            TransactionId = TransactionId(channel, id, draw),
            IsRecurring = channel is DonationChannel.Card or DonationChannel.PayPal or DonationChannel.GitHubSponsors && draw.Chance(0.25),
            QuidProQuoMinor = channel == DonationChannel.Card && amount >= 100_00 && draw.Chance(0.015) ? draw.Pick<long>([25_00, 50_00]) : 0,
            AcknowledgedOn = acknowledged,
            Notes = draw.Chance(0.005) ? $"In memory of {draw.Pick(Words.GivenNames)} {draw.Pick(Words.FamilyNames)}." : null,
            Version = draw.Guid(),
        };
    }

    /// <summary>Most gifts are small and round; one in three hundred is a major gift.</summary>
    private static long Amount(Draw draw)
    {
        var major = draw.Chance(0.003);
        var drawn = major ? Math.Min(250_000, draw.LogNormal(2_500, 1.0)) : Math.Min(20_000, draw.LogNormal(35, 1.0));
        var units = Math.Max(1, drawn);
        if (draw.Chance(0.65))
        {
            var nearest = RoundAmounts.MinBy(r => Math.Abs(r - units));
            return (major ? Math.Max(1_000, (long)Math.Round(units / 100) * 100) : nearest) * 100;
        }
        return (long)Math.Round(units * 100);
    }

    private static long Fee(DonationChannel channel, long amount) => channel switch
    {
        DonationChannel.Card => (long)Math.Round(amount * 0.029) + 30,
        DonationChannel.PayPal => (long)Math.Round(amount * 0.022) + 30,
        DonationChannel.BankTransfer when amount >= 1_000_00 => 15_00,
        _ => 0,
    };

    private static string? TransactionId(DonationChannel channel, int id, Draw draw) => channel switch
    {
        DonationChannel.Card => $"ch_{id:x8}{draw.Between(0, 0xFFFFFF):x6}",
        DonationChannel.PayPal => $"{id:X9}{draw.Between(0, 0xFFFFFF):X6}PP",
        DonationChannel.GitHubSponsors => $"ghsp_{id}",
        DonationChannel.BankTransfer => $"BT{id:D10}",
        DonationChannel.ConvertedRegistration => $"REG-{id}",
        _ => null,
    };

    private static IEnumerable<BudgetLine> BudgetLines(VolumeContext volume, Draw draw)
    {
        var id = 0;
        for (var year = volume.HistoryStarts.Year; year <= volume.AsOf.Year; year++)
        {
            var growth = 1 + 0.12 * (year - volume.HistoryStarts.Year);
            yield return new BudgetLine { Id = ++id, Kind = BudgetLineKind.Budget, Label = $"Operating budget {year}", AsOf = new(year, 1, 1), AmountMinor = (long)(2_400_000 * growth) * 100, Currency = "USD", Version = draw.Guid() };
            yield return new BudgetLine { Id = ++id, Kind = BudgetLineKind.ReserveBalance, Label = $"Reserve balance {year}", AsOf = new DateOnly(year, 12, 31) > volume.AsOf ? volume.AsOf : new DateOnly(year, 12, 31), AmountMinor = (long)(600_000 * growth) * 100, Currency = "USD", Version = draw.Guid() };
        }
    }
}
