using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Records.Core.Donations;

/// <summary>The daily sums of <see cref="DonationDay"/>: how they are changed, rebuilt and read.</summary>
public static class DonationDays
{
    public readonly record struct Key(DateOnly Day, string Currency, DonationChannel Channel, int CampaignId);

    public readonly record struct Change(int Gifts, long AmountMinor, long FeeMinor)
    {
        public static Change operator +(Change a, Change b) => new(a.Gifts + b.Gifts, a.AmountMinor + b.AmountMinor, a.FeeMinor + b.FeeMinor);
        public static Change operator -(Change a) => new(-a.Gifts, -a.AmountMinor, -a.FeeMinor);
        public bool IsNone => Gifts == 0 && AmountMinor == 0 && FeeMinor == 0;
    }

    /// <summary>
    /// Adds each change to its day's row, making the row if there is none, and drops a row left with no gifts, so the
    /// table holds exactly the days that have gifts. INSERT … ON CONFLICT reads the same on SQLite and PostgreSQL.
    /// </summary>
    public static async Task ApplyAsync(DatabaseFacade database, IEnumerable<KeyValuePair<Key, Change>> changes, CancellationToken ct = default)
    {
        foreach (var (k, c) in changes.Where(c => !c.Value.IsNone))
        {
            var (day, currency, channel, campaign) = (k.Day, k.Currency, k.Channel.ToString(), k.CampaignId);
            await database.ExecuteSqlAsync($"""
                INSERT INTO "DonationDays" ("Day", "Currency", "Channel", "CampaignId", "Gifts", "AmountMinor", "FeeMinor")
                VALUES ({day}, {currency}, {channel}, {campaign}, {c.Gifts}, {c.AmountMinor}, {c.FeeMinor})
                ON CONFLICT ("Day", "Currency", "Channel", "CampaignId") DO UPDATE SET
                    "Gifts" = "DonationDays"."Gifts" + excluded."Gifts",
                    "AmountMinor" = "DonationDays"."AmountMinor" + excluded."AmountMinor",
                    "FeeMinor" = "DonationDays"."FeeMinor" + excluded."FeeMinor"
                """, ct);
            if (c.Gifts < 0)
            {
                await database.ExecuteSqlAsync($"""
                    DELETE FROM "DonationDays" WHERE "Day" = {day} AND "Currency" = {currency} AND "Channel" = {channel} AND "CampaignId" = {campaign} AND "Gifts" = 0
                    """, ct);
            }
        }
    }

    public static void Apply(DatabaseFacade database, IEnumerable<KeyValuePair<Key, Change>> changes) =>
        ApplyAsync(database, changes).GetAwaiter().GetResult();

    /// <summary>Every day's sums from the gifts themselves: the migration's backfill and the volume generator's last step.</summary>
    public const string RebuildSql = """
        DELETE FROM "DonationDays";
        INSERT INTO "DonationDays" ("Day", "Currency", "Channel", "CampaignId", "Gifts", "AmountMinor", "FeeMinor")
        SELECT "ReceivedOn", "Currency", "Channel", COALESCE("CampaignId", 0), COUNT(*), SUM("AmountMinor"), SUM("FeeMinor")
        FROM "Donations"
        GROUP BY "ReceivedOn", "Currency", "Channel", COALESCE("CampaignId", 0);
        """;

    internal static (Key Key, Change Change) Of(Donation d) =>
        (new Key(d.ReceivedOn, d.Currency, d.Channel, d.CampaignId ?? 0), new Change(1, d.AmountMinor, d.FeeMinor));

    internal static (Key Key, Change Change) Original(EntityEntry entry) =>
        (new Key(entry.OriginalValue<DateOnly>(nameof(Donation.ReceivedOn)), entry.OriginalValue<string>(nameof(Donation.Currency)),
            entry.OriginalValue<DonationChannel>(nameof(Donation.Channel)), entry.OriginalValue<int?>(nameof(Donation.CampaignId)) ?? 0),
         new Change(1, entry.OriginalValue<long>(nameof(Donation.AmountMinor)), entry.OriginalValue<long>(nameof(Donation.FeeMinor))));

    private static T OriginalValue<T>(this EntityEntry entry, string property) => (T)entry.Property(property).OriginalValue!;
}

/// <summary>
/// Keeps <see cref="DonationDay"/> in step with every save that adds, changes or deletes a <see cref="Donation"/>, in
/// the save's own transaction. What a gift was is taken before the save; what it is now, after it, when the keys of
/// a campaign added in the same save are known. The sums are written once the save has succeeded and before its
/// transaction commits: the audit log's, the caller's, or EF's own (hence the transaction hook), so a failed save
/// changes no sum.
/// </summary>
public sealed class DonationDaysInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed record Pending(List<EntityEntry> Now, Dictionary<DonationDays.Key, DonationDays.Change> Changes);

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } changes) DonationDays.Apply(eventData.Context!.Database, changes);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } changes) await DonationDays.ApplyAsync(eventData.Context!.Database, changes, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context) _pending.Remove(context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (Take(eventData.Context) is { } changes) DonationDays.Apply(eventData.Context!.Database, changes);
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } changes) await DonationDays.ApplyAsync(eventData.Context!.Database, changes, cancellationToken);
        return result;
    }

    private void Capture(DbContext? context)
    {
        if (context is null) return;
        var now = new List<EntityEntry>();
        var changes = new Dictionary<DonationDays.Key, DonationDays.Change>();
        foreach (var entry in context.ChangeTracker.Entries<Donation>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                var (key, change) = DonationDays.Original(entry);
                changes[key] = changes.GetValueOrDefault(key) + -change;
            }
            if (entry.State is EntityState.Added or EntityState.Modified) now.Add(entry);
        }
        if (now.Count > 0 || changes.Count > 0) _pending.AddOrUpdate(context, new Pending(now, changes));
    }

    /// <summary>The save's changes to the sums, once: the first of its commit or its end takes them.</summary>
    private Dictionary<DonationDays.Key, DonationDays.Change>? Take(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) return null;
        _pending.Remove(context);
        var changes = pending.Changes;
        foreach (var entry in pending.Now)
        {
            var (key, change) = DonationDays.Of((Donation)entry.Entity);
            changes[key] = changes.GetValueOrDefault(key) + change;
        }
        return changes;
    }
}
