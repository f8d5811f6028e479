using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Records.Core.Data;
using Records.Core.Donations.Import;

namespace Records.Web.Infrastructure;

public enum ImportStage { Mapping, Checking, Checked, Committing, Committed, Failed }

/// <summary>One uploaded processor file on its way through mapping, dry run and commit; its token is the upload's.</summary>
public sealed class ImportJob(string token, string fileName, long totalBytes, DateTime startedAt)
{
    public string Token { get; } = token;
    public string FileName { get; } = fileName;
    public DateTime StartedAt { get; } = startedAt;
    public ImportLayout? Layout { get; set; }
    public IReadOnlyList<string> Headers { get; init; } = [];
    public ImportProgress Progress { get; } = new() { TotalBytes = totalBytes };
    public volatile ImportStage Stage = ImportStage.Mapping;
    public ImportReport? DryRun { get; set; }
    public ImportReport? Committed { get; set; }
    public string? Error { get; set; }
    public bool IsRunning => Stage is ImportStage.Checking or ImportStage.Committing;
}

public enum CommitStart { Started, NotFound, NotChecked, AlreadyCommitted }

/// <summary>
/// The imports in progress, in memory (a restart forgets them and people check their file again). The dry run and the
/// commit run in the background on their own DbContext, so the page can show how far they have got.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, UploadStore uploads, TimeProvider clock, IOptions<RecordsOptions> options, ILogger<ImportJobs> log)
{
    private readonly ConcurrentDictionary<string, ImportJob> jobs = new(StringComparer.Ordinal);

    public ImportJob? Find(string? token) => token is not null && jobs.TryGetValue(token, out var job) ? job : null;

    public ImportJob Add(string token, string fileName, long totalBytes, IReadOnlyList<string> headers)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in jobs.Values.Where(j => !j.IsRunning && j.StartedAt < now - UploadStore.KeptFor)) jobs.TryRemove(old.Token, out _);
        return jobs[token] = new ImportJob(token, fileName, totalBytes, now) { Headers = headers };
    }

    public void StartDryRun(ImportJob job, ImportLayout layout)
    {
        job.Layout = layout;
        job.Stage = ImportStage.Checking;
        Run(job, async (db, file, today, zone) =>
        {
            job.DryRun = await DonationImporter.DryRunAsync(db, file, layout, today, zone, job.Progress);
            job.Stage = ImportStage.Checked;
        });
    }

    /// <summary>Starts the commit once per upload: a second post of the same form finds the token used.</summary>
    public CommitStart StartCommit(string? token, string by)
    {
        var job = Find(token);
        if (job is null) return CommitStart.NotFound;
        lock (job)
        {
            if (job.Stage is ImportStage.Committing or ImportStage.Committed) return CommitStart.AlreadyCommitted;
            if (job.Stage != ImportStage.Checked) return CommitStart.NotChecked;
            job.Stage = ImportStage.Committing;
        }
        var commit = new ImportCommit(job.FileName, by, clock.GetUtcNow().UtcDateTime);
        Run(job, async (db, file, today, zone) =>
        {
            job.Committed = await DonationImporter.CommitAsync(db, file, job.Layout!, commit, today, zone, job.Progress);
            job.Stage = ImportStage.Committed;
            uploads.Delete(job.Token);
        });
        return CommitStart.Started;
    }

    private void Run(ImportJob job, Func<RecordsDbContext, Stream, DateOnly, TimeZoneInfo, Task> work) => _ = Task.Run(async () =>
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
            await using var file = uploads.Open(job.Token) ?? throw new DonationFileException("The uploaded file is no longer here (files are kept for a day). Choose it again.");
            var zone = options.Value.Zone;
            await work(db, file, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime), zone);
        }
        catch (DonationFileException e)
        {
            job.Error = e.Message;
            job.Stage = ImportStage.Failed;
        }
        catch (Exception e)
        {
            log.LogError(e, "Import of {File} failed", job.FileName);
            job.Error = "The import failed and nothing was saved. Check the file again; if it fails again, tell the administrator.";
            job.Stage = ImportStage.Failed;
        }
    });
}
