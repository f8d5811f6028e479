using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Records.Core.Accounts;

/// <summary>
/// Holds back guessing at the login. Failures are counted per email and network address together, so five wrong
/// passwords from one place hold back that place only: nobody can lock an account (the Admin's, say) for everyone
/// else. Failures are also counted per address across all emails, so one address cannot try a password on many
/// accounts. Unknown emails are counted exactly as known ones, so being held back says nothing about an account.
/// Counts live in memory: a restart forgets them, which only lets a guesser start over.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, int perAccountAndAddress = 5, int perAddress = 20, TimeSpan? window = null)
{
    private const int PruneAbove = 10_000;
    private readonly TimeSpan window = window ?? TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, Failures> failures = new();

    public enum Hold { None, AccountFromAddress, Address }

    public readonly record struct Verdict(Hold Hold, TimeSpan Wait)
    {
        public int Minutes => Math.Max(1, (int)Math.Ceiling(Wait.TotalMinutes));
    }

    public Verdict Check(string email, string address)
    {
        var now = clock.GetUtcNow();
        if (Find(AddressKey(address))?.HeldUntil(now, perAddress, window) is { } addressUntil) return new(Hold.Address, addressUntil - now);
        if (Find(AccountKey(email, address))?.HeldUntil(now, perAccountAndAddress, window) is { } accountUntil) return new(Hold.AccountFromAddress, accountUntil - now);
        return new(Hold.None, TimeSpan.Zero);
    }

    public void Failed(string email, string address)
    {
        var now = clock.GetUtcNow();
        if (failures.Count > PruneAbove) Prune(now);
        failures.GetOrAdd(AddressKey(address), _ => new()).Add(now, window);
        failures.GetOrAdd(AccountKey(email, address), _ => new()).Add(now, window);
    }

    /// <summary>A right password clears that email's count from that address; the address's own count stays.</summary>
    public void Succeeded(string email, string address) => failures.TryRemove(AccountKey(email, address), out _);

    /// <summary>One key per client: an IPv4 address, or an IPv6 /64 (one household or server gets a whole /64 to roam in).</summary>
    public static string AddressOf(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address)) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private Failures? Find(string key) => failures.TryGetValue(key, out var found) ? found : null;

    private static string AddressKey(string address) => "a|" + address;

    private static string AccountKey(string email, string address) => "e|" + email.Trim().ToUpperInvariant() + "|" + address;

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in failures)
        {
            if (entry.IsStale(now, window)) failures.TryRemove(key, out _);
        }
    }

    private sealed class Failures
    {
        private readonly Queue<DateTimeOffset> times = new();

        public void Add(DateTimeOffset now, TimeSpan window)
        {
            lock (times)
            {
                Drop(now, window);
                times.Enqueue(now);
            }
        }

        /// <summary>When the oldest counted failure leaves the window, if there are as many as the limit; else null.</summary>
        public DateTimeOffset? HeldUntil(DateTimeOffset now, int limit, TimeSpan window)
        {
            lock (times)
            {
                Drop(now, window);
                return times.Count >= limit ? times.ElementAt(times.Count - limit) + window : null;
            }
        }

        public bool IsStale(DateTimeOffset now, TimeSpan window)
        {
            lock (times)
            {
                Drop(now, window);
                return times.Count == 0;
            }
        }

        private void Drop(DateTimeOffset now, TimeSpan window)
        {
            while (times.Count > 0 && times.Peek() + window <= now) times.Dequeue();
        }
    }
}
