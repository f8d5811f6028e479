using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Donations;
using Records.Core.Nominations;
using Records.Core.ServiceAwards;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Home;

public class HomeTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private static string Text(AngleSharp.Dom.IElement element) => Regex.Replace(element.TextContent, @"\s+", " ");

    [Fact]
    public async Task HomePanelsShowWhatNeedsEachRolesAttention()
    {
        var today = app.Today;
        await app.WithDbAsync(async db =>
        {
            var program = await db.SponsorPrograms.SingleAsync(p => p.Name == "Foundation");
            var gold = await db.SponsorPackages.SingleAsync(p => p.ProgramId == program.Id && p.Year == 2020 && p.Name == "Gold");
            var sponsor = new Sponsor { Name = "Renewal Co", CreatedAt = DateTime.UtcNow };
            db.Sponsorships.Add(new Sponsorship
            {
                Sponsor = sponsor, ProgramId = program.Id, PackageId = gold.Id, Currency = "USD", FeeMinor = gold.PriceMinor,
                StartsOn = today.AddDays(-335), EndsOn = today.AddDays(30), Status = SponsorshipStatus.Finalized, ContractStatus = ContractStatus.Executed,
            });
            db.Sponsorships.Add(new Sponsorship
            {
                Sponsor = new Sponsor { Name = "Far Future Ltd", CreatedAt = DateTime.UtcNow }, ProgramId = program.Id, Currency = "USD",
                StartsOn = today, EndsOn = today.AddDays(200), Status = SponsorshipStatus.Approved, ContractStatus = ContractStatus.Draft,
            });
            db.Donations.Add(new Donation { IsAnonymous = true, AmountMinor = 300_00, Currency = "USD", ReceivedOn = today, Channel = DonationChannel.Card });
            db.Donations.Add(new Donation { IsAnonymous = true, AmountMinor = 20_00, Currency = "USD", ReceivedOn = today, Channel = DonationChannel.PayPal });
            db.ServiceAwards.Add(new ServiceAward { RecipientName = "PyCon Africa Association", RecipientIsGroup = true, Reasons = "for building PyCon Africa", Year = today.Year, Quarter = YearQuarter.Of(today).Quarter, Status = ServiceAwardStatus.Proposed, ProposedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var staff = app.Browser();
        await staff.LoginAsRoleAsync("Staff");
        var staffHome = await staff.GetPageAsync("/");
        var ending = Text(staffHome.QuerySelector("[data-panel=staff]")!);
        Assert.Contains("Renewal Co · Foundation Gold · ends", ending);
        Assert.DoesNotContain("Far Future Ltd", ending);
        var gifts = Text(staffHome.QuerySelector("[data-panel=staff-gifts]")!);
        Assert.Contains("1 gift of $250 or more await", gifts);
        Assert.Contains($"2 donations in {today.Year}: $320.00", gifts);

        var board = app.Browser();
        await board.LoginAsRoleAsync("Board");
        var boardHome = await board.GetPageAsync("/");
        Assert.Contains("PyCon Africa Association", Text(boardHome.QuerySelector("[data-panel=board]")!));
        Assert.Contains("$627,000", Text(boardHome.QuerySelector("[data-panel=board-finance]")!));
        Assert.Contains("$320.00 from 2 gifts", Text(boardHome.QuerySelector("[data-panel=board-finance]")!));

        var stranger = await app.Browser().GetPageAsync("/");
        Assert.DoesNotContain("PyCon Africa Association", stranger.Body!.TextContent);
    }

    [Fact]
    public async Task ApprovedAwardsNotYetPaidAppearOnTheStaffHome()
    {
        var (unpaid, paid) = await app.WithDbAsync(async db =>
        {
            var unpaid = new ServiceAward { RecipientName = "Unpaid Recipient", Reasons = "for the meetups", Year = 2026, Quarter = 2, Status = ServiceAwardStatus.Approved, DecidedOn = new DateOnly(2026, 5, 12), ProposedAt = DateTime.UtcNow };
            var paid = new ServiceAward { RecipientName = "Paid Recipient", Reasons = "for the docs", Year = 2026, Quarter = 1, Status = ServiceAwardStatus.Approved, DecidedOn = new DateOnly(2026, 2, 10), PaidOn = new DateOnly(2026, 3, 1), AmountMinor = 599_00, Currency = "USD", ProposedAt = DateTime.UtcNow };
            db.ServiceAwards.AddRange(unpaid, paid, new ServiceAward { RecipientName = "Proposed Recipient", Reasons = "for the wiki", Year = 2026, Quarter = 3, Status = ServiceAwardStatus.Proposed, ProposedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (unpaid.Id, paid.Id);
        });

        var staff = app.Browser();
        await staff.LoginAsRoleAsync("Staff");
        var panel = (await staff.GetPageAsync("/")).QuerySelector("[data-panel=staff-awards]")!;

        Assert.Contains("Unpaid Recipient · Q2 2026 · approved May 12, 2026", Text(panel.QuerySelector($"[data-award-to-pay='{unpaid}']")!));
        Assert.Null(panel.QuerySelector($"[data-award-to-pay='{paid}']"));
        Assert.DoesNotContain("Paid Recipient", Text(panel));
        Assert.DoesNotContain("Proposed Recipient", Text(panel));
    }
}
