using Records.Core.Sponsors;

namespace Records.Volume;

/// <summary>Three programs with yearly tiers, 2,000 sponsors and 6,000 sponsorships with their payments.</summary>
internal static class SponsorsVolume
{
    private static readonly (string Program, bool InKind, (string Name, long PriceUsd, int? Capacity)[] Tiers)[] PriceLists =
    [
        ("Foundation", false, [("Visionary", 155_000, 4), ("Sustainability", 90_000, 6), ("Maintaining", 60_000, 10), ("Contributing", 30_000, null),
            ("Supporting", 15_000, null), ("Partner", 7_500, null), ("Participating", 3_750, null), ("Associate", 1_500, null)]),
        ("PyCon US", false, [("Diamond", 70_000, 3), ("Platinum", 50_000, 8), ("Gold", 25_000, null), ("Silver", 12_500, null), ("Bronze", 5_000, null), ("Startup Row", 1_000, null)]),
        ("PyPI/Packaging", true, [("Visionary", 150_000, 2), ("Sustainability", 75_000, 4), ("Maintaining", 50_000, null), ("Contributing", 25_000, null), ("Supporting", 10_000, null)]),
    ];

    private sealed record Package(int Id, int ProgramId, int Year, int Rank, long PriceMinor, int? Capacity, bool InKind);

    public static void Write(VolumeContext volume)
    {
        var draw = volume.DrawFor(3);
        var years = Enumerable.Range(volume.HistoryStarts.Year, volume.AsOf.Year - volume.HistoryStarts.Year + 1).ToArray();
        var programs = PriceLists.Select((p, i) => new SponsorProgram { Id = i + 1, Name = p.Program, Description = $"The {p.Program} sponsorship program.", Version = draw.Guid() }).ToList();
        volume.Write(programs);

        var packages = new List<Package>();
        var packageRows = new List<SponsorPackage>();
        foreach (var year in years)
        {
            for (var p = 0; p < PriceLists.Length; p++)
            {
                var (_, inKind, tiers) = PriceLists[p];
                for (var rank = 0; rank < tiers.Length; rank++)
                {
                    var (name, priceUsd, capacity) = tiers[rank];
                    var price = (long)Math.Round(priceUsd * (1 + 0.03 * (year - years[0]))) * 100;
                    var package = new Package(packageRows.Count + 1, p + 1, year, rank, price, capacity, inKind);
                    packages.Add(package);
                    packageRows.Add(new SponsorPackage
                    {
                        Id = package.Id, ProgramId = package.ProgramId, Name = name, Year = year, PriceMinor = price, Currency = "USD", Capacity = capacity,
                        Rank = rank, InKindAccepted = inKind, BenefitMonths = inKind ? 12 : null, Active = year >= volume.AsOf.Year - 1,
                        Benefits = $"{name} recognition on the {PriceLists[p].Program} sponsors page and in the announcements.", Version = draw.Guid(),
                    });
                }
            }
        }
        volume.Write(packageRows);

        volume.SponsorCount = volume.Count(2_000);
        volume.Write(Sponsors(volume, draw));
        var sponsorships = Sponsorships(volume, draw, packages).ToList();
        volume.Write(sponsorships);
        volume.Write(Payments(draw, sponsorships, volume.AsOf));
    }

    private static IEnumerable<Sponsor> Sponsors(VolumeContext volume, Draw draw)
    {
        var order = draw.Permutation(Words.CompanyFirst.Length * Words.CompanySecond.Length);
        for (var id = 1; id <= volume.SponsorCount; id++)
        {
            var combination = order[(id - 1) % order.Length];
            var name = $"{Words.CompanyFirst[combination / Words.CompanySecond.Length]} {Words.CompanySecond[combination % Words.CompanySecond.Length]}";
            if (id > order.Length) name += $" {id / order.Length + 1}";
            var slug = PeopleVolume.Handle(name, '-');
            var contact = draw.Skewed(volume.PersonNames.Count, 1);
            yield return new Sponsor
            {
                Id = id,
                Name = $"{name} {draw.Pick(Words.CompanySuffix)}",
                Website = $"https://{slug}.example.com",
                PrimaryContactName = volume.PersonNames[contact],
                PrimaryContactEmail = $"partnerships@{slug}.example.com",
                AccountingContactName = draw.Chance(0.7) ? "Accounts payable" : null,
                AccountingContactEmail = draw.Chance(0.7) ? $"ap@{slug}.example.com" : null,
                CreatedAt = draw.TimeOn(draw.DayBetween(volume.HistoryStarts, volume.AsOf.AddDays(-30))),
                Version = draw.Guid(),
            };
        }
    }

    private static IEnumerable<Sponsorship> Sponsorships(VolumeContext volume, Draw draw, List<Package> packages)
    {
        var taken = new Dictionary<int, int>();
        var count = volume.Count(6_000);
        for (var id = 1; id <= count; id++)
        {
            var start = draw.DayBetween(volume.HistoryStarts, volume.AsOf);
            var program = draw.Weighted<int>([(1, 0.5), (2, 0.35), (3, 0.15)]);
            var tiers = packages.Where(p => p.ProgramId == program && p.Year == start.Year).ToList();
            // Most sponsors take the lower tiers; a full tier sends the sponsor one tier down.
            var index = tiers.Count - 1 - draw.Skewed(tiers.Count, 2.5);
            while (tiers[index].Capacity is { } capacity && taken.GetValueOrDefault(tiers[index].Id) >= capacity) index++;
            var package = tiers[index];
            taken[package.Id] = taken.GetValueOrDefault(package.Id) + 1;

            var inKind = package.InKind && draw.Chance(0.25);
            var fee = inKind ? 0 : package.PriceMinor - (draw.Chance(0.1) ? package.PriceMinor / 10 : 0);
            var recent = start > volume.AsOf.AddDays(-90);
            var status = recent
                ? draw.Weighted<SponsorshipStatus>([(SponsorshipStatus.Applied, 0.3), (SponsorshipStatus.Approved, 0.5), (SponsorshipStatus.Rejected, 0.05), (SponsorshipStatus.Finalized, 0.15)])
                : draw.Weighted<SponsorshipStatus>([(SponsorshipStatus.Finalized, 0.88), (SponsorshipStatus.Rejected, 0.05), (SponsorshipStatus.Approved, 0.07)]);
            var contract = status switch
            {
                SponsorshipStatus.Applied or SponsorshipStatus.Rejected => ContractStatus.Draft,
                SponsorshipStatus.Approved => draw.Chance(0.5) ? ContractStatus.AwaitingSignature : ContractStatus.Executed,
                _ => draw.Chance(0.02) ? ContractStatus.Nullified : ContractStatus.Executed,
            };
            var changed = draw.TimeOn(start.AddDays(-draw.Between(5, 40)));
            yield return new Sponsorship
            {
                Id = id,
                SponsorId = 1 + draw.Skewed(volume.SponsorCount, 1.6),
                ProgramId = program,
                PackageId = package.Id,
                StartsOn = start,
                EndsOn = start.AddMonths(12).AddDays(-1),
                FeeMinor = fee,
                InKindValueMinor = inKind ? package.PriceMinor : null,
                Currency = "USD",
                Status = status,
                StatusChangedAt = changed,
                ContractStatus = contract,
                ContractStatusChangedAt = changed.AddDays(draw.Between(0, 20)),
                Version = draw.Guid(),
            };
        }
    }

    private static IEnumerable<Payment> Payments(Draw draw, List<Sponsorship> sponsorships, DateOnly asOf)
    {
        var id = 0;
        PaymentMethod[] methods = [PaymentMethod.BankTransfer, PaymentMethod.BankTransfer, PaymentMethod.Card, PaymentMethod.Cheque, PaymentMethod.PayPal];
        foreach (var s in sponsorships.Where(s => s.FeeMinor > 0 && s.Status is SponsorshipStatus.Finalized or SponsorshipStatus.Approved))
        {
            var instalments = s.Status == SponsorshipStatus.Approved ? 1 : draw.Between(1, 3);
            var paid = 0L;
            for (var n = 1; n <= instalments; n++)
            {
                var day = s.StartsOn.AddDays(draw.Between(0, 120) * n / instalments);
                if (day > asOf) break;
                var amount = n == instalments && s.Status == SponsorshipStatus.Finalized ? s.FeeMinor!.Value - paid : s.FeeMinor!.Value / instalments;
                if (amount <= 0) break;
                paid += amount;
                yield return new Payment { Id = ++id, SponsorshipId = s.Id, ReceivedOn = day, AmountMinor = amount, Currency = "USD", Method = draw.Pick(methods), Reference = $"INV-{s.Id:D6}-{n}", Version = draw.Guid() };
            }
        }
    }
}
