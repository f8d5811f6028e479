using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Sponsors;

/// <summary>The sponsor list at 2,000 sponsors: one page of them, in the same few statements as at a handful.</summary>
public class SponsorListVolumeTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task TwoThousandSponsorsArriveOnePageAtATimeInTheSameFewStatements()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        var (_, few) = await app.Sql.GetAsync(client, "/Sponsors");
        await app.WithDbAsync(async db =>
        {
            var gold = await db.SponsorPackages.Include(p => p.Program).SingleAsync(p => p.Program.Name == "Foundation" && p.Name == "Gold" && p.Year == 2020);
            for (var i = 0; i < 2_000; i++)
            {
                var sponsor = new Sponsor { Name = $"Volume Sponsor {i:0000}", Website = $"https://volume{i}.example" };
                var sponsorship = new Sponsorship
                {
                    Sponsor = sponsor, ProgramId = gold.ProgramId, PackageId = i % 3 == 0 ? gold.Id : null, Description = "Event",
                    StartsOn = app.Today.AddMonths(-1), EndsOn = app.Today.AddMonths(1), FeeMinor = 100_000, Currency = "USD", Status = SponsorshipStatus.Finalized,
                };
                sponsorship.Payments.Add(new Payment { AmountMinor = 40_000, Currency = "USD", ReceivedOn = app.Today });
                db.Sponsorships.Add(sponsorship);
            }
            await db.SaveChangesAsync();
        });

        var (response, many) = await app.Sql.GetAsync(client, "/Sponsors");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
        TestContext.Current.TestOutputHelper?.WriteLine($"/Sponsors at 2,000 more sponsors: {bytes:#,0} bytes, {many.Count} SQL statements (before them: {few.Count})");
        Assert.Equal(few.Count, many.Count);
        Assert.True(bytes < 100_000, $"{bytes:#,0} bytes");

        // Until a save changes the finance records, the order and the totals over every sponsor are not read again.
        var (_, again) = await app.Sql.GetAsync(client, "/Sponsors?p=2");
        Assert.Equal(many.Count - 2, again.Count);
    }
}
