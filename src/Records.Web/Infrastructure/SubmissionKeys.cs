using System.Collections.Concurrent;

namespace Records.Web.Infrastructure;

/// <summary>
/// One-time keys of forms that create a record, so a form posted twice (a double click, a resent request) saves once.
/// Kept in memory for a day, claimed atomically: the second post finds the first one's record instead of making another.
/// </summary>
public sealed class SubmissionKeys(TimeProvider clock)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    private sealed record Entry(DateTimeOffset At, int? RecordId);

    public enum Claim { Claimed, InProgress, AlreadySaved }

    /// <summary>Claims the key for this post; otherwise says whether the first post is still saving or has saved (with its record).</summary>
    public (Claim Claim, int? RecordId) TryClaim(Guid key)
    {
        Sweep();
        if (entries.TryAdd(key, new Entry(clock.GetUtcNow(), null))) return (Claim.Claimed, null);
        var entry = entries.GetValueOrDefault(key);
        return entry?.RecordId is { } id ? (Claim.AlreadySaved, id) : (Claim.InProgress, null);
    }

    /// <summary>The record a post with this key already saved, if any.</summary>
    public int? Find(Guid key) => entries.GetValueOrDefault(key)?.RecordId;

    public void Saved(Guid key, int recordId) => entries[key] = new Entry(clock.GetUtcNow(), recordId);

    /// <summary>The save failed: the same form may be posted again.</summary>
    public void Release(Guid key) => entries.TryRemove(key, out _);

    private void Sweep()
    {
        var before = clock.GetUtcNow() - KeptFor;
        foreach (var (key, entry) in entries)
        {
            if (entry.At < before) entries.TryRemove(key, out _);
        }
    }
}
