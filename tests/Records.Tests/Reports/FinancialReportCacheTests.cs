using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Records.Core.Budget;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Donations.Import;
using Records.Core.People;
using Records.Core.Reports;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Reports;

/// <summary>
/// The financial report computed once per period and finance data version: every kind of change the report reads
/// shows on the next load, and requests arriving together wait for one computation that none of them can cancel.
/// </summary>
public class FinancialReportCacheTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly ReportPeriod Year = ReportPeriod.Year(2025);
    private static readonly DateOnly Today = new(2026, 11, 27);

    private sealed class Setup(TestDatabase database, ServiceProvider services) : IAsyncDisposable
    {
        public TestDatabase Database => database;
        public IServiceScopeFactory Scopes => services.GetRequiredService<IServiceScopeFactory>();

        public async Task<FinancialReport> LoadAsync(FinancialReportCache cache, CancellationToken ct = default)
        {
            await using var db = database.Open();
            return await cache.LoadAsync(db, Year, Today, ct);
        }

        public async Task<long> VersionAsync()
        {
            await using var db = database.Open();
            return await DataVersions.ReadAsync(db, DataVersions.Finance);
        }

        public async Task ChangeAsync(Func<RecordsDbContext, Task> change)
        {
            await using var db = database.Open();
            await change(db);
        }

        public ValueTask DisposeAsync() => services.DisposeAsync();
    }

    private async Task<Setup> SetupAsync()
    {
        var database = await fixture.CreateDatabaseAsync();
        var services = new ServiceCollection()
            .AddDbContext<RecordsDbContext>(options => database.Configure(options))
            .BuildServiceProvider();
        await using (var db = database.Open())
        {
            var rita = new Person { Name = "Rita Donor", Email = "rita@example.org" };
            db.Donations.Add(new Donation { Person = rita, AmountMinor = 100_00, Currency = "USD", ReceivedOn = new(2025, 3, 1), Channel = DonationChannel.Card });
            db.Campaigns.Add(new Campaign { Name = "Spring drive", Currency = "USD" });
            var program = new SponsorProgram { Name = "Foundation" };
            db.Sponsorships.Add(new Sponsorship
            {
                Sponsor = new Sponsor { Name = "Acme Computing" }, Program = program, Currency = "USD", FeeMinor = 5_000_00,
                Status = SponsorshipStatus.Finalized, StartsOn = new(2025, 1, 1), EndsOn = new(2025, 12, 31),
            });
            await db.SaveChangesAsync();
        }
        return new Setup(database, services);
    }

    [Fact]
    public async Task TwoLoadsWithNothingChangedComputeTheReportOnce()
    {
        await using var setup = await SetupAsync();
        var cache = new FinancialReportCache(setup.Scopes);

        var first = await setup.LoadAsync(cache);
        var second = await setup.LoadAsync(cache);

        Assert.Equal(1, cache.Computations);
        Assert.Same(first, second);
        Assert.Equal([new Sum("USD", 100_00)], second.Current.Donations);
    }

    [Fact]
    public async Task EachKindOfChangeTheReportReadsMovesTheVersionAndShowsOnTheNextLoad()
    {
        await using var setup = await SetupAsync();
        var cache = new FinancialReportCache(setup.Scopes);
        await setup.LoadAsync(cache);
        var computations = 1;

        async Task<FinancialReport> AfterAsync(string what, Func<RecordsDbContext, Task> change)
        {
            var before = await setup.VersionAsync();
            await setup.ChangeAsync(change);
            Assert.True(await setup.VersionAsync() > before, $"{what} left the finance version at {before}");
            var report = await setup.LoadAsync(cache);
            Assert.Equal(++computations, cache.Computations);
            return report;
        }

        var added = await AfterAsync("a gift added", db =>
        {
            db.Donations.Add(new Donation { IsAnonymous = true, AmountMinor = 20_00, Currency = "USD", ReceivedOn = new(2025, 4, 1), Channel = DonationChannel.Cheque });
            return db.SaveChangesAsync();
        });
        Assert.Equal((2, 1), (added.Current.Gifts, added.Current.AnonymousGifts));

        var edited = await AfterAsync("a gift edited", async db =>
        {
            (await db.Donations.SingleAsync(d => d.Channel == DonationChannel.Cheque)).AmountMinor = 30_00;
            await db.SaveChangesAsync();
        });
        Assert.Equal([new Sum("USD", 130_00)], edited.Current.Donations);

        var deleted = await AfterAsync("a gift deleted", async db =>
        {
            db.Donations.Remove(await db.Donations.SingleAsync(d => d.Channel == DonationChannel.Cheque));
            await db.DeleteCountAsync();
        });
        Assert.Equal([new Sum("USD", 100_00)], deleted.Current.Donations);

        var paid = await AfterAsync("a payment", async db =>
        {
            (await db.Sponsorships.SingleAsync()).Payments.Add(new Payment { ReceivedOn = new(2025, 5, 5), AmountMinor = 5_000_00, Currency = "USD" });
            await db.SaveChangesAsync();
        });
        Assert.Equal(("Acme Computing", 1), (paid.TopSponsors.Single().Label, paid.Current.Payments));

        var imported = await AfterAsync("an import", async db =>
        {
            var file = new StringBuilder("id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Converted Amount,Fee,Taxes,Converted Currency,Status,Seller Message,Captured,Customer ID,Customer Description,Customer Email\n")
                .Append("ch_cache_1,Donation,2025-06-01 10:00:00,45.00,0.00,usd,45.00,0.59,0.00,usd,Paid,Payment complete.,true,cus_1,Ivy Importer,ivy@example.net\n");
            var report = await DonationImporter.CommitAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(file.ToString())), ImportLayout.Stripe,
                new ImportCommit("stripe.csv", "staff@records.local", new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc)), Today, TimeZoneInfo.Utc);
            Assert.Equal(1, report.Added);
        });
        Assert.Equal([new Sum("USD", 145_00)], imported.Current.Donations);
        Assert.Equal(2, imported.Current.Donors);

        var tagged = await AfterAsync("a gift put in a campaign", async db =>
        {
            var campaign = await db.Campaigns.SingleAsync();
            (await db.Donations.SingleAsync(d => d.AmountMinor == 45_00)).CampaignId = campaign.Id;
            await db.SaveChangesAsync();
        });
        Assert.Contains(tagged.Current.ByCampaign, l => l.Label == "Spring drive");

        var renamed = await AfterAsync("a campaign renamed", async db =>
        {
            (await db.Campaigns.SingleAsync()).Name = "Spring appeal";
            await db.SaveChangesAsync();
        });
        Assert.Equal(["No campaign", "Spring appeal"], renamed.Current.ByCampaign.Select(l => l.Label));

        var budgeted = await AfterAsync("a budget line", db =>
        {
            db.BudgetLines.Add(new BudgetLine { Label = "Reserve", Kind = BudgetLineKind.ReserveBalance, AsOf = new(2025, 12, 31), AmountMinor = 1_000_000_00, Currency = "USD" });
            return db.SaveChangesAsync();
        });
        Assert.Equal("Reserve", budgeted.Budget.Single().Label);
    }

    [Fact]
    public async Task AChangeToRecordsTheReportDoesNotReadKeepsTheReport()
    {
        await using var setup = await SetupAsync();
        var cache = new FinancialReportCache(setup.Scopes);
        await setup.LoadAsync(cache);
        var version = await setup.VersionAsync();

        await setup.ChangeAsync(async db =>
        {
            (await db.People.SingleAsync()).Email = "rita@example.net";
            await db.SaveChangesAsync();
        });
        await setup.LoadAsync(cache);

        Assert.Equal(version, await setup.VersionAsync());
        Assert.Equal(1, cache.Computations);
    }

    [Fact]
    public async Task SixteenLoadsArrivingTogetherWaitForOneComputation()
    {
        await using var setup = await SetupAsync();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cache = new FinancialReportCache(setup.Scopes, () => held.Task);

        var loads = Enumerable.Range(0, 16).Select(_ => setup.LoadAsync(cache)).ToList();
        Assert.DoesNotContain(loads, l => l.IsCompleted);
        held.SetResult();
        var reports = await Task.WhenAll(loads);

        Assert.Equal(1, cache.Computations);
        Assert.All(reports, r => Assert.Same(reports[0], r));
    }

    [Fact]
    public async Task AWaiterThatGivesUpDoesNotCancelTheComputationForTheOthers()
    {
        await using var setup = await SetupAsync();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cache = new FinancialReportCache(setup.Scopes, () => held.Task);
        using var leaving = new CancellationTokenSource();

        var gone = setup.LoadAsync(cache, leaving.Token);
        var staying = setup.LoadAsync(cache);
        await WaitingAsync(cache, 2);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);
        Assert.False(staying.IsCompleted);
        held.SetResult();

        Assert.Equal([new Sum("USD", 100_00)], (await staying).Current.Donations);
        await setup.LoadAsync(cache);
        Assert.Equal(1, cache.Computations);
    }

    [Fact]
    public async Task WhenEveryWaiterGivesUpTheComputationStopsAndTheNextLoadComputesAgain()
    {
        await using var setup = await SetupAsync();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var begun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first computation has begun (and counted) before its waiter leaves; on a loaded machine the thread
        // pool could otherwise start it only after the second, and the count would read 1.
        var cache = new FinancialReportCache(setup.Scopes, () =>
        {
            begun.TrySetResult();
            return held.Task;
        });
        using var leaving = new CancellationTokenSource();

        var gone = setup.LoadAsync(cache, leaving.Token);
        await begun.Task;
        await WaitingAsync(cache, 1);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);
        held.SetResult();

        Assert.Equal([new Sum("USD", 100_00)], (await setup.LoadAsync(cache)).Current.Donations);
        Assert.Equal(2, cache.Computations);
    }

    /// <summary>
    /// Until <paramref name="count"/> callers wait on the cache: each first reads the finance version, which on
    /// PostgreSQL completes later than the call that started it.
    /// </summary>
    private static async Task WaitingAsync(FinancialReportCache cache, int count)
    {
        while (cache.Waiting < count)
        {
            TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }

    [Fact]
    public async Task AComputationThatFailedIsNotKeptAndTheNextLoadComputesAgain()
    {
        await using var setup = await SetupAsync();
        var cache = new FinancialReportCache(setup.Scopes);
        // The daily sums the report reads are out of reach, as on a disk that failed for a moment.
        await setup.ChangeAsync(db => db.Database.ExecuteSqlRawAsync("""ALTER TABLE "DonationDays" RENAME TO "DonationDaysAway" """));

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => setup.LoadAsync(cache));
        await setup.ChangeAsync(db => db.Database.ExecuteSqlRawAsync("""ALTER TABLE "DonationDaysAway" RENAME TO "DonationDays" """));
        var report = await setup.LoadAsync(cache);

        Assert.Equal([new Sum("USD", 100_00)], report.Current.Donations);
        Assert.Equal(2, cache.Computations);
    }

    [Fact]
    public async Task OnlyAHandfulOfReportsAreKeptAndTheOldestIsComputedAgain()
    {
        await using var setup = await SetupAsync();
        var cache = new FinancialReportCache(setup.Scopes);
        await using var db = setup.Database.Open();

        for (var year = 2000; year < 2000 + FinancialReportCache.Capacity + 1; year++) await cache.LoadAsync(db, ReportPeriod.Year(year), Today);
        await cache.LoadAsync(db, ReportPeriod.Year(2000 + FinancialReportCache.Capacity), Today);
        Assert.Equal(FinancialReportCache.Capacity + 1, cache.Computations);
        await cache.LoadAsync(db, ReportPeriod.Year(2000), Today);

        Assert.Equal(FinancialReportCache.Capacity + 2, cache.Computations);
    }
}
