using Microsoft.EntityFrameworkCore;

namespace Records.Core.Data;

/// <summary>
/// What a load balancer or a person asks of an instance: can it reach its database, and does the database's schema
/// match the migrations this instance knows. Behind means an upgrade is due; ahead means another instance on the same
/// database runs a newer version of Records than this one.
/// </summary>
public sealed record DatabaseHealth(string Provider, bool Reachable, string Schema, int Pending, IReadOnlyList<string> Unknown)
{
    public bool Healthy => Reachable && Schema == Current;

    public const string Current = "current";
    public const string Behind = "behind";
    public const string Ahead = "ahead";
    public const string Unreachable = "unreachable";

    /// <summary>Never throws for a database that cannot be reached; says so instead.</summary>
    public static async Task<DatabaseHealth> CheckAsync(RecordsDbContext db, CancellationToken ct = default)
    {
        var provider = DatabaseProvider.For(db).Name;
        IReadOnlyList<string> applied;
        try
        {
            if (!await db.Database.CanConnectAsync(ct)) return new(provider, false, Unreachable, 0, []);
            applied = [.. await db.Database.GetAppliedMigrationsAsync(ct)];
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new(provider, false, Unreachable, 0, []);
        }
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        var pending = known.Except(applied, StringComparer.Ordinal).Count();
        var schema = unknown.Count > 0 ? Ahead : pending > 0 ? Behind : Current;
        return new(provider, true, schema, pending, unknown);
    }
}
