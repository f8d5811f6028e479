using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.Import.ImportPages;

namespace Records.Tests.Donations.Import;

/// <summary>The dry run names the layout it recognised; GitHub Sponsors is a choice of its own, and its private sponsors stay unnamed.</summary>
public class ImportVariantsPageTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private Task<List<Donation>> DonationsAsync(string prefix) =>
        app.WithDbAsync(db => db.Donations.AsNoTracking().Include(d => d.Person).Where(d => d.TransactionId!.StartsWith(prefix)).OrderBy(d => d.TransactionId).ToListAsync());

    [Fact]
    public async Task StripesOlderLayoutIsNamedOnTheDryRunAndImports()
    {
        var client = await app.StaffAsync();
        var report = await CheckAsync(app, client, "page-stripe-older.csv", "Stripe");

        Assert.Equal("Stripe payments export, older layout", TextOf(report, "[data-variant]"));
        Assert.Equal("2 donations would be added, 0 duplicates and 1 row that are not completed payments left out.", TextOf(report, "[data-summary]"));
        Assert.Null(report.QuerySelector("[data-dates]"));

        var commit = await CommitAsync(client, report);
        await WaitAsync(app, client, commit.Headers.Location!.OriginalString);
        var added = await DonationsAsync("ch_1PageOld");
        Assert.Equal([("ch_1PageOld0001", new DateOnly(2024, 6, 3), 30_00L, "USD", false), ("ch_1PageOld0002", new DateOnly(2024, 6, 4), 12_00L, "USD", true)],
            added.Select(d => (d.TransactionId!, d.ReceivedOn, d.AmountMinor, d.Currency, d.IsRecurring)));
        Assert.All(added, d => Assert.Equal(DonationChannel.Card, d.Channel));
    }

    [Fact]
    public async Task GitHubSponsorsIsOfferedAndItsPrivateSponsorsAreAddedAnonymously()
    {
        var client = await app.StaffAsync();
        var upload = await client.GetPageAsync(Url);
        Assert.Equal("GitHub Sponsors (transactions export)", TextOf(upload.QuerySelector("select[name='Input.Layout'] option[value=GitHubSponsors]")));

        var report = await CheckAsync(app, client, "page-github-sponsors.csv", "GitHubSponsors");

        Assert.Equal("GitHub Sponsors transactions export", TextOf(report, "[data-variant]"));
        Assert.Equal("3 donations would be added, 0 duplicates and 0 rows that are not completed payments left out.", TextOf(report, "[data-summary]"));
        Assert.Equal("0 donors matched by email (case ignored), 2 new donors to be created. 1 gift from private sponsors will be anonymous: their names are kept out of the ledger's donors and every public post.",
            TextOf(report, "[data-donors]"));
        Assert.DoesNotContain("Quiet Person", report.Body!.TextContent);
        Assert.Equal(["USD | $265.00"], Rows(report, "[data-totals]"));

        var commit = await CommitAsync(client, report);
        await WaitAsync(app, client, commit.Headers.Location!.OriginalString);
        var added = await DonationsAsync("ch_GHPage");
        Assert.Equal(
        [
            ("ch_GHPage0001", new DateOnly(2025, 3, 1), 10_00L, true, false, "Mona Example"),
            ("ch_GHPage0002", new DateOnly(2025, 3, 2), 250_00L, false, true, null),
            ("ch_GHPage0003", new DateOnly(2025, 3, 3), 5_00L, true, false, "@handle-only"),
        ], added.Select(d => (d.TransactionId!, d.ReceivedOn, d.AmountMinor, d.IsRecurring, d.IsAnonymous, d.Person?.Name)));
        Assert.All(added, d => Assert.Equal((DonationChannel.GitHubSponsors, "USD"), (d.Channel, d.Currency)));
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Name == "Quiet Person" || p.Email == "quiet.person@example.org")));
        Assert.Equal("GitHubSponsors", (await app.WithDbAsync(db => db.DonationImports.SingleAsync(i => i.FileName == "page-github-sponsors.csv"))).Layout);

        var ledger = await client.GetPageAsync("/Donations?from=2025-03-01&to=2025-03-31");
        Assert.DoesNotContain("Quiet Person", ledger.Body!.TextContent);
    }
}
