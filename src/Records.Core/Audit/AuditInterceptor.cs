using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
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
        typeof(AuditEntry), typeof(OutboxMessage), typeof(OutboxAttempt), typeof(OutboxAttachment), typeof(Accounts.UserSession), typeof(Accounts.DataProtectionKey),
        typeof(IdentityUserToken<string>), typeof(IdentityUserLogin<string>),
        typeof(IdentityUserClaim<string>), typeof(IdentityRoleClaim<string>),
    ];

    /// <summary>Secrets, and Identity's bookkeeping that says nothing to a person reading the log.</summary>
    private static readonly HashSet<string> Redacted =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", nameof(IVersioned.Version), "AccessFailedCount", "LockoutEnd",
        "NormalizedEmail", "NormalizedUserName", "NormalizedName", "EmailConfirmed", "PhoneNumberConfirmed",
        "TwoFactorEnabled", "LockoutEnabled", "SubmissionKey",
    ];

    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private sealed class Pending
    {
        public required List<Draft> Drafts { get; init; }
        public IDbContextTransaction? OwnedTransaction { get; set; }
        public bool Writing { get; set; }
    }

    /// <summary>
    /// What a save changes, taken before it runs. Values after the save are read once it has run: new records'
    /// keys, and the foreign keys that point at them, are EF's temporary negative numbers until then.
    /// </summary>
    private sealed record Draft(EntityEntry Entry, string Action, Dictionary<string, object?> Before, List<string> Changed);

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

        var drafts = new List<Draft>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (Unaudited.Contains(entry.Metadata.ClrType)) continue;
            var audited = entry.Properties.Where(p => IsAudited(p.Metadata)).ToList();
            switch (entry.State)
            {
                case EntityState.Added:
                    drafts.Add(new Draft(entry, "Added", [], audited.Select(p => p.Metadata.Name).ToList()));
                    break;
                case EntityState.Modified:
                    var changed = audited.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (changed.Count > 0)
                    {
                        drafts.Add(new Draft(entry, "Modified", changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue), changed.Select(p => p.Metadata.Name).ToList()));
                    }
                    break;
                case EntityState.Deleted:
                    drafts.Add(new Draft(entry, "Deleted", audited.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue), audited.Select(p => p.Metadata.Name).ToList()));
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

    private IEnumerable<AuditEntry> Entries(DbContext context, Pending pending)
    {
        var user = context is RecordsDbContext records ? records.AuditUserName : "system";
        var now = clock.GetUtcNow().UtcDateTime;
        var names = new AuditNames(context);
        return pending.Drafts.Select(d =>
        {
            var changes = new Dictionary<string, object?[]>();
            foreach (var name in d.Changed)
            {
                var before = d.Before.GetValueOrDefault(name);
                var after = d.Action == "Deleted" ? null : d.Entry.Property(name).CurrentValue;
                if (d.Action == "Added" && after is null) continue;
                changes[name] = [before, after];
            }
            return new AuditEntry
            {
                At = now,
                UserName = user,
                EntityType = RecordName(d.Entry.Metadata.ClrType),
                EntityId = AuditNames.KeyOf(d.Entry),
                Action = d.Action,
                Summary = names.Describe(d.Entry),
                Changes = JsonSerializer.Serialize(changes, Json),
            };
        }).ToList();
    }

    private static bool IsAudited(IReadOnlyProperty property) => !property.IsPrimaryKey() && !Redacted.Contains(property.Name);

    /// <summary>
    /// The changes in the entry of a record added, as a save writes them: each audited property that has a value, from
    /// nothing. The bulk writers of imports write their rows' entries with it, so they read like those of EF's saves.
    /// </summary>
    public static string AddedChanges(IEntityType type, object record) =>
        JsonSerializer.Serialize(type.GetProperties().Where(IsAudited)
            .Select(p => (p.Name, Value: p.GetGetter().GetClrValue(record)))
            .Where(v => v.Value is not null)
            .ToDictionary(v => v.Name, v => new[] { null, v.Value }), Json);

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
