using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Records.Tests.Infrastructure;
using Records.Web.Infrastructure;

namespace Records.Tests.Donations.Import;

/// <summary>Dry runs and commits are queued for a hosted worker that runs them and, at shutdown, cancels them cleanly.</summary>
public class ImportWorkerTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private static async Task<ImportJob> CheckingAsync(RecordsApp host)
    {
        await using var content = new MemoryStream("Date,Amount\n"u8.ToArray());
        var token = await host.Services.GetRequiredService<UploadStore>().SaveAsync(content, 1024, TestContext.Current.CancellationToken);
        var job = new ImportJob(token!, "queued.csv", content.Length, host.Now);
        job.Begin(ImportStage.Checking);
        return job;
    }

    [Fact]
    public async Task AQueuedJobRunsOnTheFoundationsDayAndEnds()
    {
        var job = await CheckingAsync(app);
        var ran = new TaskCompletionSource<(DateOnly Today, string Zone)>(TaskCreationOptions.RunContinuationsAsynchronously);

        app.Services.GetRequiredService<ImportJobs>().Run(job, (db, file, today, zone, ct) =>
        {
            ran.SetResult((today, zone.Id));
            job.Stage = ImportStage.Checked;
            return Task.CompletedTask;
        });
        await job.Done.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Equal((RecordsApp.DefaultToday, "America/New_York"), await ran.Task);
        Assert.Equal(ImportStage.Checked, job.Stage);
        Assert.False(job.IsRunning);
    }

    [Fact]
    public async Task StoppingTheAppCancelsARunningJobWhichEndsSayingSo()
    {
        var host = new RecordsApp();
        ImportJob job;
        ImportWorker worker;
        try
        {
            await host.InitializeAsync();
            worker = host.Services.GetServices<IHostedService>().OfType<ImportWorker>().Single();
            job = await CheckingAsync(host);
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            host.Services.GetRequiredService<ImportJobs>().Run(job, async (db, file, today, zone, ct) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            });
            await started.Task.WaitAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            await host.DisposeAsync();
        }

        Assert.True(job.Done.IsCompletedSuccessfully);
        Assert.Equal((ImportStage.Failed, "The import stopped before it finished and nothing was saved. Check the file again."), (job.Stage, job.Error));
        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
    }
}
