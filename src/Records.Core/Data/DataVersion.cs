using System.Runtime.CompilerServices;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Records.Core.Budget;
using Records.Core.Donations;
using Records.Core.Sponsors;

namespace Records.Core.Data;

/// <summary>
/// A number that goes up in the same transaction as every change to a set of records, so that anything computed
/// from them (in this process or another) can tell whether it is still current by reading one row.
/// </summary>
public class DataVersion
{
    public required string Name { get; set; }
    public long Version { get; set; }
}

public class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> b)
    {
        b.HasKey(v => v.Name);
        b.Property(v => v.Name).HasMaxLength(64);
        b.HasData(new DataVersion { Name = DataVersions.Finance, Version = 0 });
    }
}

public static class DataVersions
{
    /// <summary>The records the financial report reads: gifts, campaigns, sponsors, their sponsorships and payments, the budget lines.</summary>
    public const string Finance = "Finance";

    public static readonly IReadOnlySet<Type> FinanceRecords = new HashSet<Type>
    {
        typeof(Donation), typeof(Campaign), typeof(Payment), typeof(Sponsorship), typeof(Sponsor),
        typeof(SponsorPackage), typeof(SponsorProgram), typeof(BudgetLine),
    };

    /// <summary>The same statement for the bulk writers that change those records without EF's saves.</summary>
    public const string BumpFinanceSql = """UPDATE "DataVersions" SET "Version" = "Version" + 1 WHERE "Name" = 'Finance'""";

    public static Task<long> ReadAsync(RecordsDbContext db, string name, CancellationToken ct = default) =>
        db.DataVersions.AsNoTracking().Where(v => v.Name == name).Select(v => v.Version).SingleAsync(ct);

    public static Task BumpAsync(DatabaseFacade database, string name, CancellationToken ct = default) =>
        database.ExecuteSqlAsync($"""UPDATE "DataVersions" SET "Version" = "Version" + 1 WHERE "Name" = {name}""", ct);

    public static void Bump(DatabaseFacade database, string name) =>
        database.ExecuteSql($"""UPDATE "DataVersions" SET "Version" = "Version" + 1 WHERE "Name" = {name}""");
}

/// <summary>
/// Bumps the finance version when a save adds, changes or deletes any of <see cref="DataVersions.FinanceRecords"/>,
/// once the save has succeeded and before its transaction commits (the audit log's, the caller's or EF's own), as
/// <see cref="DonationDaysInterceptor"/> writes the daily sums: a failed save bumps nothing.
/// </summary>
public sealed class DataVersionsInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Pending;

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
        if (Take(eventData.Context)) DataVersions.Bump(eventData.Context!.Database, DataVersions.Finance);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context)) await DataVersions.BumpAsync(eventData.Context!.Database, DataVersions.Finance, cancellationToken);
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
        if (Take(eventData.Context)) DataVersions.Bump(eventData.Context!.Database, DataVersions.Finance);
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context)) await DataVersions.BumpAsync(eventData.Context!.Database, DataVersions.Finance, cancellationToken);
        return result;
    }

    private void Capture(DbContext? context)
    {
        if (context is null) return;
        if (context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                                                      && DataVersions.FinanceRecords.Contains(e.Metadata.ClrType)))
        {
            _pending.AddOrUpdate(context, new Pending());
        }
    }

    /// <summary>Whether the save changed finance records, once: the first of its commit or its end takes it.</summary>
    private bool Take(DbContext? context) => context is not null && _pending.Remove(context);
}
