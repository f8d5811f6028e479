using System.Collections.Concurrent;
using System.Threading.Channels;
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
    /// <summary>Where the file's header is and what it names, found at upload; a generic file's can be pointed at again.</summary>
    public ImportHeader? Header { get; set; }
    public IReadOnlyList<string> Headers => Header?.Headers ?? [];
    public ImportProgress Progress { get; } = new() { TotalBytes = totalBytes };
    private volatile ImportStage stage = ImportStage.Mapping;
    public ImportStage Stage { get => stage; set => stage = value; }
    public ImportReport? DryRun { get; set; }
    public ImportReport? Committed { get; set; }
    public string? Error { get; set; }
    public bool IsRunning => Stage is ImportStage.Checking or ImportStage.Committing;

    private TaskCompletionSource done = Finished();

    /// <summary>Completes once the dry run or commit in progress has ended, whichever way; tests wait on it, not on a clock.</summary>
    public Task Done => Volatile.Read(ref done).Task;

    internal void Begin(ImportStage stage)
    {
        Volatile.Write(ref done, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        Stage = stage;
    }

    internal void End() => Volatile.Read(ref done).TrySetResult();

    private static TaskCompletionSource Finished()
    {
        var source = new TaskCompletionSource();
        source.SetResult();
        return source;
    }
}

public enum CommitStart { Started, NotFound, NotChecked, AlreadyCommitted, DatesUnconfirmed }

/// <summary>A dry run or commit waiting for the <see cref="ImportWorker"/>.</summary>
public sealed record ImportWork(ImportJob Job, bool Committing, Func<RecordsDbContext, Stream, DateOnly, TimeZoneInfo, CancellationToken, Task> Work);

/// <summary>
/// The imports in progress, in memory (a restart forgets them and people check their file again). The dry run and the
/// commit are queued for the <see cref="ImportWorker"/>, which runs them on their own DbContext, so the page can show
/// how far they have got.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, UploadStore uploads, FoundationClock clock, ILogger<ImportJobs> log)
{
    /// <summary>Dry runs and commits waiting for their turn; one more is refused rather than held in memory without end.</summary>
    public const int QueueLength = 32;

    internal const string Stopped = "The import stopped before it finished and nothing was saved. Check the file again.";

    private readonly ConcurrentDictionary<string, ImportJob> jobs = new(StringComparer.Ordinal);
    private readonly Channel<ImportWork> queue = Channel.CreateBounded<ImportWork>(new BoundedChannelOptions(QueueLength) { SingleReader = true });

    internal ChannelReader<ImportWork> Queue => queue.Reader;

    public ImportJob? Find(string? token) => token is not null && jobs.TryGetValue(token, out var job) ? job : null;

    public ImportJob Add(string token, string fileName, long totalBytes, ImportHeader header)
    {
        var now = clock.Now.UtcDateTime;
        foreach (var old in jobs.Values.Where(j => !j.IsRunning && j.StartedAt < now - UploadStore.KeptFor)) jobs.TryRemove(old.Token, out _);
        return jobs[token] = new ImportJob(token, fileName, totalBytes, now) { Header = header };
    }

    public void StartDryRun(ImportJob job, ImportLayout layout)
    {
        job.Layout = job.Header is { } header ? layout with { HeaderLine = header.Line, Separator = header.Separator } : layout;
        layout = job.Layout;
        job.Begin(ImportStage.Checking);
        Run(job, async (db, file, today, zone, ct) =>
        {
            job.DryRun = await DonationImporter.DryRunAsync(db, file, layout, today, zone, job.Progress, ct);
            job.Stage = ImportStage.Checked;
        });
    }

    /// <summary>
    /// Settles the order of a checked file's dates as a person read them on the dry run: the same order is confirmed as
    /// it stands; the other order checks the file again, read that way, and counts as confirmed.
    /// </summary>
    public bool ConfirmDates(ImportJob job, DateOrder order)
    {
        lock (job)
        {
            if (job is not { Stage: ImportStage.Checked, Layout: { } layout, DryRun.Dates: { } dates }) return false;
            if (dates.Order == order)
            {
                job.Layout = layout with { ConfirmedOrder = order };
                job.DryRun.ConfirmDates();
                return true;
            }
            StartDryRun(job, layout with { ConfirmedOrder = order });
            return true;
        }
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
            if (job.DryRun?.Dates?.NeedsConfirmation == true) return CommitStart.DatesUnconfirmed;
            job.Begin(ImportStage.Committing);
        }
        var commit = new ImportCommit(job.FileName, by, clock.Now.UtcDateTime);
        Run(job, async (db, file, today, zone, ct) =>
        {
            job.Committed = await DonationImporter.CommitAsync(db, file, job.Layout!, commit, today, zone, job.Progress, ct);
            job.Stage = ImportStage.Committed;
        });
        return CommitStart.Started;
    }

    /// <summary>Queues the work for the worker; with the queue full the job ends at once, saying so.</summary>
    internal void Run(ImportJob job, Func<RecordsDbContext, Stream, DateOnly, TimeZoneInfo, CancellationToken, Task> work)
    {
        var item = new ImportWork(job, job.Stage == ImportStage.Committing, work);
        if (!queue.Writer.TryWrite(item)) Abandon(item, "Too many imports are waiting their turn and nothing was saved. Check the file again in a few minutes.");
    }

    /// <summary>
    /// Runs one queued job. Whatever happens, the job ends in a stage that is not running (a page that follows it must
    /// never wait for ever) and its upload is deleted once committed or refused as a whole.
    /// </summary>
    internal async Task RunAsync(ImportWork item, CancellationToken ct)
    {
        var job = item.Job;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
            await using var file = uploads.Open(job.Token) ?? throw new DonationFileException("The uploaded file is no longer here (files are kept for a day). Choose it again.");
            await item.Work(db, file, clock.Today, clock.Zone, ct);
        }
        catch (DonationFileException e)
        {
            Fail(job, e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Fail(job, Stopped);
        }
        catch (Exception e)
        {
            Fail(job, "The import failed and nothing was saved. Check the file again; if it fails again, tell the administrator.");
            log.LogError(e, "Import of {File} failed", job.FileName);
        }
        finally
        {
            End(item);
        }
    }

    /// <summary>Ends a queued job the worker will not run.</summary>
    internal void Abandon(ImportWork item, string error)
    {
        Fail(item.Job, error);
        End(item);
    }

    private void End(ImportWork item)
    {
        var job = item.Job;
        if (job.IsRunning) Fail(job, Stopped);
        // A generic file's columns can be mapped again after a failed dry run; every other ending needs a new upload.
        if (item.Committing || job.Stage != ImportStage.Checked && job.Layout?.Kind != ImportLayoutKind.Generic) DeleteUpload(job);
        job.End();
    }

    private static void Fail(ImportJob job, string error)
    {
        job.Error = error;
        job.Stage = ImportStage.Failed;
    }

    private void DeleteUpload(ImportJob job)
    {
        try { uploads.Delete(job.Token); }
        catch (IOException e) { log.LogWarning(e, "The upload of {File} could not be deleted; it goes once it is a day old", job.FileName); }
        catch (UnauthorizedAccessException e) { log.LogWarning(e, "The upload of {File} could not be deleted; it goes once it is a day old", job.FileName); }
    }
}
