using Microsoft.Extensions.DependencyInjection;
using Records.Core.Data;

namespace Records.Core.Reports;

/// <summary>
/// The financial report computed once per period, month of the trend and finance data version
/// (<see cref="DataVersions.Finance"/>): Board members opening the same report together wait for one computation, and
/// later ones read it until a save changes the records it reads. The version is one row read per request, so a change
/// made through another instance of the app or the import is seen at once.
/// </summary>
public sealed class FinancialReportCache
{
    /// <summary>Enough for the periods the Board reads at one time; a newer version drops the older ones.</summary>
    public const int Capacity = 8;

    private readonly record struct Key(ReportPeriod Period, DateOnly TrendMonth, long Version);

    private sealed class Entry
    {
        public Task<FinancialReport> Report { get; set; } = Task.FromResult<FinancialReport>(null!);
        public long LastRead { get; set; }

        /// <summary>Callers waiting now; when the last of them gives up before the end, the computation stops too.</summary>
        public int Waiters { get; set; }
        public bool Abandoned { get; set; }
        public CancellationTokenSource Stop { get; } = new();
    }

    private readonly IServiceScopeFactory scopes;
    private readonly Func<Task>? computing;
    private readonly Dictionary<Key, Entry> entries = [];
    private readonly Lock gate = new();
    private long reads;
    private int computations;

    public FinancialReportCache(IServiceScopeFactory scopes) : this(scopes, null)
    {
    }

    /// <param name="scopes">Where each computation gets its own database context.</param>
    /// <param name="computing">Run at the start of each computation: lets a test hold one in progress or fail it.</param>
    internal FinancialReportCache(IServiceScopeFactory scopes, Func<Task>? computing)
    {
        this.scopes = scopes;
        this.computing = computing;
    }

    /// <summary>How many times a report has been computed rather than read from here.</summary>
    public int Computations => Volatile.Read(ref computations);

    /// <summary>Callers waiting for a computation now, across every period.</summary>
    internal int Waiting
    {
        get
        {
            lock (gate) return entries.Values.Sum(e => e.Waiters);
        }
    }

    /// <summary>
    /// The report of <paramref name="period"/> as it stands on <paramref name="today"/>. <paramref name="ct"/> ends
    /// this caller's wait: the computation goes on while anyone else waits for it, and stops when nobody does.
    /// </summary>
    public async Task<FinancialReport> LoadAsync(RecordsDbContext db, ReportPeriod period, DateOnly today, CancellationToken ct = default)
    {
        var version = await DataVersions.ReadAsync(db, DataVersions.Finance, ct);
        // The trend runs to today's month, or to the period's last month when it ended before.
        var month = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = new DateOnly(period.To.Year, period.To.Month, 1);
        var key = new Key(period, month < lastMonth ? month : lastMonth, version);
        Task<FinancialReport> report;
        Entry waiting;
        lock (gate)
        {
            // A failed computation may still be here for the moment before it is forgotten.
            if (!entries.TryGetValue(key, out var entry) || entry.Report.IsFaulted || entry.Report.IsCanceled || entry.Abandoned)
            {
                foreach (var older in entries.Keys.Where(k => k.Version < version).ToList()) entries.Remove(older);
                while (entries.Count >= Capacity) entries.Remove(entries.MinBy(e => e.Value.LastRead).Key);
                entry = new Entry();
                var stop = entry.Stop.Token;
                entry.Report = Task.Run(() => ComputeAsync(key, today, stop), CancellationToken.None);
                entries[key] = entry;
                var started = entry;
                _ = started.Report.ContinueWith(failed => Forget(key, started, failed), CancellationToken.None,
                    TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            entry.LastRead = ++reads;
            entry.Waiters++;
            report = entry.Report;
            waiting = entry;
        }
        try
        {
            return await report.WaitAsync(ct);
        }
        finally
        {
            var stop = false;
            lock (gate)
            {
                waiting.Waiters--;
                if (waiting.Waiters == 0 && !report.IsCompleted)
                {
                    waiting.Abandoned = true;
                    stop = true;
                }
            }
            if (stop) await waiting.Stop.CancelAsync();
        }
    }

    private async Task<FinancialReport> ComputeAsync(Key key, DateOnly today, CancellationToken stop)
    {
        Interlocked.Increment(ref computations);
        if (computing is not null) await computing();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        return await FinancialReport.LoadAsync(db, key.Period, today, stop);
    }

    /// <summary>A failed or stopped computation is not kept: the next request tries again.</summary>
    private void Forget(Key key, Entry entry, Task failed)
    {
        // Observed here, since every caller may have stopped waiting.
        _ = failed.Exception;
        lock (gate)
        {
            if (entries.TryGetValue(key, out var kept) && kept == entry) entries.Remove(key);
        }
    }
}
