using Records.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Records.Core.Data;
using Records.Core.Mail;
using Records.Web.Mail;
using Records.Web.Infrastructure;

namespace Records.Tests.Mail;

public class MailSetupTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static ServiceProvider Build(string contentRoot, Dictionary<string, string?> settings, TestDatabase? database = null, TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (clock is not null) services.AddSingleton(clock);
        if (database is not null)
        {
            services.AddDbContext<RecordsDbContext>(o => database.Configure(o));
        }
        services.AddRecordsMail(configuration, contentRoot);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void WithoutHostMailGoesToPickupFolderUnderAppData()
    {
        var root = databases.NewFolder();
        using var provider = Build(root, []);

        var sender = Assert.IsType<PickupFolderMailSender>(provider.GetRequiredService<IMailSender>());
        Assert.Equal(Path.Combine(root, "App_Data", "mail-pickup"), sender.Folder);
        var options = provider.GetRequiredService<IOptions<MailOptions>>().Value;
        Assert.Equal(25, options.Port);
        Assert.Equal("Records <records@localhost>", options.From);
        Assert.Equal(20, options.BatchSize);
        Assert.Equal(5, options.PollSeconds);
    }

    [Fact]
    public void WithHostMailGoesOverSmtpWithConfiguredSettings()
    {
        using var provider = Build(databases.NewFolder(), new()
        {
            ["Records:Mail:Host"] = "smtp.example.org",
            ["Records:Mail:Port"] = "587",
            ["Records:Mail:UseStartTls"] = "true",
            ["Records:Mail:UserName"] = "records",
            ["Records:Mail:RetryBaseSeconds"] = "10",
        });

        Assert.IsType<SmtpMailSender>(provider.GetRequiredService<IMailSender>());
        var options = provider.GetRequiredService<IOptions<MailOptions>>().Value;
        Assert.Equal(("smtp.example.org", 587, true, "records", 10),
            (options.Host, options.Port, options.UseStartTls, options.UserName, options.RetryBaseSeconds));
        Assert.Single(provider.GetServices<IHostedService>(), s => s is OutboxWorker);
    }

    [Fact]
    public async Task WorkerDeliversQueuedMessageWithoutBeingAskedAndKeepsRunning()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await databases.CreateDatabaseAsync();
        var root = databases.NewFolder();
        var clock = new Records.Tests.Infrastructure.ManualClock(new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero));
        await using var provider = Build(root, new()
        {
            ["Records:Mail:PickupFolder"] = "outgoing",
            ["Records:Mail:PollSeconds"] = "1",
        }, database, clock);

        var worker = Assert.Single(provider.GetServices<IHostedService>().OfType<OutboxWorker>());
        await worker.StartAsync(ct);
        try
        {
            // No request ever reaches this worker alone: its first pass comes when the clock has moved on that far.
            clock.Advance(FirstRequest.FirstPassAfter);
            await worker.PassedAsync(1).WaitAsync(ct);
            int id;
            await using (var db = database.Open())
            {
                var message = OutboxMessage.Create(["fellows@example.org"], "Welcome", "Welcome aboard.", clock.GetUtcNow().UtcDateTime);
                db.Outbox.Add(message);
                await db.SaveChangesAsync(ct);
                id = message.Id;
            }

            clock.Advance(TimeSpan.FromSeconds(1));
            await worker.PassedAsync(2).WaitAsync(ct);

            await using (var db = database.Open())
            {
                Assert.Equal(OutboxStatus.Sent, (await db.Outbox.SingleAsync(m => m.Id == id, ct)).Status);
            }
            var file = Assert.Single(Directory.GetFiles(Path.Combine(root, "outgoing"), "*.eml"));
            Assert.Equal("Welcome", (await MimeKit.MimeMessage.LoadAsync(file, ct)).Subject);
            Assert.False(worker.ExecuteTask!.IsCompleted);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
    }
}
