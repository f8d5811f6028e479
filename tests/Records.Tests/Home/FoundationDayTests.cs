using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Records.Tests.Infrastructure;
using Records.Web.Infrastructure;
using static Records.Tests.Donations.GiftData;

namespace Records.Tests.Home;

/// <summary>
/// Every page reads today in the foundation's time zone: at 03:30 UTC on March 1 it is still 22:30 on February 28 in
/// New York, so the home page, the ledger's default period, its export and the future-date check all say February 28.
/// </summary>
public class FoundationDayTests(FoundationDayTests.App app) : IClassFixture<FoundationDayTests.App>
{
    public sealed class App : RecordsApp
    {
        public ManualClock Clock { get; } = new(DateTimeOffset.Parse("2026-03-01T03:30:00Z"));
        public int Campaign, Sponsor;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await PersonAsync(this, "Edith Existing", "edith@example.org");
            Campaign = await CampaignAsync(this, "Late Appeal");
            Sponsor = await WithDbAsync(async db =>
            {
                var sponsor = db.Sponsors.Add(new Records.Core.Sponsors.Sponsor { Name = "Late Night Ltd", CreatedAt = Now }).Entity;
                await db.SaveChangesAsync();
                return sponsor.Id;
            });
        }
    }

    [Fact]
    public async Task TheHomePageSaysItIsStillFebruary28()
    {
        var page = await (await AsAsync(app, "Staff")).GetPageAsync("/");

        Assert.Contains("Saturday, Feb 28, 2026", page.QuerySelector(".lede")!.TextContent);
    }

    [Fact]
    public async Task TheLedgersDefaultPeriodAndItsExportEndOnFebruary28()
    {
        var client = await AsAsync(app, "Staff");

        var ledger = await client.GetPageAsync("/Donations");
        var export = await client.GetAsync("/Donations/Export", TestContext.Current.CancellationToken);

        Assert.Equal("2026-01-30", ledger.QuerySelector("input[name=from]")!.GetAttribute("value"));
        Assert.Equal("donations-2026-02-28.csv", export.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
    }

    [Fact]
    public async Task AGiftReceivedOnMarch1IsStillInTheFuture()
    {
        var client = await AsAsync(app, "Staff");

        var tomorrow = await client.SubmitAsync("/Donations/Edit", GiftFields(app.Campaign, ("Input.ReceivedOn", "2026-03-01")));
        var today = await client.SubmitAsync("/Donations/Edit", GiftFields(app.Campaign, ("Input.ReceivedOn", "2026-02-28")));

        Assert.Equal(HttpStatusCode.BadRequest, tomorrow.StatusCode);
        Assert.Contains("cannot be after today", (await tomorrow.ReadPageAsync()).FieldError("Input.ReceivedOn"));
        Assert.Equal(HttpStatusCode.Redirect, today.StatusCode);
    }

    [Fact]
    public async Task ASponsorshipStartsOnFebruary28ByDefault()
    {
        var page = await (await AsAsync(app, "Staff")).GetPageAsync($"/Sponsors/Sponsorships/Edit?sponsorId={app.Sponsor}");

        Assert.Equal("2026-02-28", page.QuerySelector("[name='Input.StartsOn']")!.GetAttribute("value"));
    }
}

public class TimeZoneSettingTests
{
    [Fact]
    public void AnUnknownTimeZoneStopsStartUpWithOneLineNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Records:TimeZone"] = "Mars/Olympus_Mons" }).Build();
        using var provider = new ServiceCollection().AddSingleton(TimeProvider.System).AddRecordsSettings(configuration).BuildServiceProvider();

        var stopped = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("Records:TimeZone is \"Mars/Olympus_Mons\", which is not a time zone this server knows; use an IANA id such as America/New_York.", stopped.Message);
    }

    [Fact]
    public void TheFoundationsZoneIsReadOnceFromTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Records:TimeZone"] = "Europe/Amsterdam" }).Build();
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(new ManualClock(DateTimeOffset.Parse("2026-06-30T22:30:00Z"))).AddRecordsSettings(configuration).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var clock = provider.GetRequiredService<FoundationClock>();

        Assert.Equal("Europe/Amsterdam", clock.Zone.Id);
        Assert.Equal((new DateOnly(2026, 7, 1), 2026), (clock.Today, clock.Year));
        Assert.Equal("Jul 1, 2026 00:30", clock.DayAndTime(clock.Now.UtcDateTime));
        Assert.Equal("Jul 1, 2026", clock.Day(clock.Now.UtcDateTime));
    }
}
