using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Records.Core.Data;
using Records.Core.Mail;

namespace Records.Core.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every record added, changed or deleted. Keys of new records are known
/// only after the insert, so the entries are written by a second save inside the same transaction.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Unaudited =
    [
        typeof(AuditEntry), typeof(OutboxMessage), typeof(OutboxAttempt),
        typeof(IdentityUserToken<string>), typeof(IdentityUserLogin<string>),
        typeof(IdentityUserClaim<string>), typeof(IdentityRoleClaim<string>),
    ];

    private static readonly HashSet<string> Redacted =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", nameof(IVersioned.Version), "AccessFailedCount", "LockoutEnd"];

    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private sealed class Pending
    {
        public required List<(EntityEntry Entry, string Action, Dictionary<string, object?[]> Changes)> Drafts { get; init; }
        public IDbContextTransaction? OwnedTransaction { get; set; }
        public bool Writing { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Begin(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Begin(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && !pending.Writing)
        {
            pending.Writing = true;
            try
            {
                context.AddRange(Entries(context, pending));
                context.SaveChanges();
                pending.OwnedTransaction?.Commit();
            }
            finally
            {
                End(context, pending);
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && !pending.Writing)
        {
            pending.Writing = true;
            try
            {
                context.AddRange(Entries(context, pending));
                await context.SaveChangesAsync(cancellationToken);
                if (pending.OwnedTransaction is not null) await pending.OwnedTransaction.CommitAsync(cancellationToken);
            }
            finally
            {
                End(context, pending);
            }
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && !pending.Writing)
        {
            End(context, pending);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Begin(DbContext? context)
    {
        if (context is null) return;
        if (_pending.TryGetValue(context, out var existing) && existing.Writing) return;

        var drafts = new List<(EntityEntry, string, Dictionary<string, object?[]>)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (Unaudited.Contains(entry.Metadata.ClrType)) continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    drafts.Add((entry, "Added", Values(entry, p => [null, p.CurrentValue])));
                    break;
                case EntityState.Modified:
                    var changed = Values(entry, p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) ? [p.OriginalValue, p.CurrentValue] : null);
                    if (changed.Count > 0) drafts.Add((entry, "Modified", changed));
                    break;
                case EntityState.Deleted:
                    drafts.Add((entry, "Deleted", Values(entry, p => [p.OriginalValue, null])));
                    break;
            }
        }
        if (drafts.Count == 0) return;

        var pending = new Pending { Drafts = drafts };
        if (context.Database.CurrentTransaction is null)
        {
            pending.OwnedTransaction = context.Database.BeginTransaction();
        }
        _pending.AddOrUpdate(context, pending);
    }

    private static Dictionary<string, object?[]> Values(EntityEntry entry, Func<PropertyEntry, object?[]?> pick)
    {
        var values = new Dictionary<string, object?[]>();
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() || Redacted.Contains(property.Metadata.Name)) continue;
            if (pick(property) is { } pair) values[property.Metadata.Name] = pair;
        }
        return values;
    }

    private IEnumerable<AuditEntry> Entries(DbContext context, Pending pending)
    {
        var user = context is RecordsDbContext records ? records.AuditUserName : "system";
        var now = clock.GetUtcNow().UtcDateTime;
        return pending.Drafts.Select(d => new AuditEntry
        {
            At = now,
            UserName = user,
            EntityType = RecordName(d.Entry.Metadata.ClrType),
            EntityId = string.Join("/", d.Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(d.Entry.Property(p.Name).CurrentValue ?? d.Entry.Property(p.Name).OriginalValue, System.Globalization.CultureInfo.InvariantCulture))),
            Action = d.Action,
            Changes = JsonSerializer.Serialize(d.Changes, Json),
        }).ToList();
    }

    /// <summary>The record's name as people say it; Identity's generic types read badly in a log.</summary>
    public static string RecordName(Type type) => type switch
    {
        _ when type == typeof(IdentityUserRole<string>) => "UserRole",
        _ when type == typeof(IdentityRole) => "Role",
        _ when type.Name == "AppUser" => "User",
        _ => type.Name,
    };

    private void End(DbContext context, Pending pending)
    {
        pending.OwnedTransaction?.Dispose();
        _pending.Remove(context);
    }
}
