namespace Records.Core.Data;

/// <summary>
/// Results that read every record of a kind (a list's order, its totals), kept until the data version they were read
/// at moves (<see cref="DataVersions"/>): a list page then reads the version, one row, and only its own page of records.
/// The version is read before the result, so a result is never kept under a version older than the records it read.
/// </summary>
public sealed class VersionedCache(int capacity = VersionedCache.DefaultCapacity)
{
    public const int DefaultCapacity = 64;

    private sealed record Entry(long Version, object Value)
    {
        public long LastRead { get; set; }
    }

    private readonly Dictionary<string, Entry> entries = [];
    private readonly Lock gate = new();
    private long reads;
    private int computations;

    /// <summary>How many results have been computed rather than read from here.</summary>
    public int Computations => Volatile.Read(ref computations);

    /// <summary>The result for <paramref name="key"/> at the current version of <paramref name="versionName"/>, computed by <paramref name="compute"/> when there is none.</summary>
    public async Task<T> GetAsync<T>(RecordsDbContext db, string versionName, string key, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
        where T : class
    {
        var version = await DataVersions.ReadAsync(db, versionName, ct);
        var fullKey = versionName + "\n" + typeof(T).FullName + "\n" + key;
        lock (gate)
        {
            if (entries.TryGetValue(fullKey, out var kept) && kept.Version == version && kept.Value is T value)
            {
                kept.LastRead = ++reads;
                return value;
            }
        }
        var computed = await compute(ct);
        Interlocked.Increment(ref computations);
        lock (gate)
        {
            if (!entries.TryGetValue(fullKey, out var kept) || kept.Version <= version)
            {
                entries[fullKey] = new Entry(version, computed) { LastRead = ++reads };
                while (entries.Count > capacity) entries.Remove(entries.MinBy(e => e.Value.LastRead).Key);
            }
        }
        return computed;
    }
}
