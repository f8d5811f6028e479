using Microsoft.EntityFrameworkCore;
using Records.Core.Data;

namespace Records.Core.Accounts;

/// <summary>Who is written to for a role: each account holding it that is enabled and has an email address.</summary>
public static class Recipients
{
    /// <summary>The Fellow Work Group's roles: a Chair is a member too.</summary>
    public static readonly IReadOnlyCollection<string> WorkGroup = [Roles.WorkGroup, Roles.Chair];

    /// <summary>The enabled accounts with an email address that hold any of these roles.</summary>
    public static IQueryable<AppUser> Holding(RecordsDbContext db, IReadOnlyCollection<string> roles) =>
        db.Users.Where(u => u.DisabledAt == null && u.Email != null
            && (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                where ur.UserId == u.Id && roles.Contains(r.Name!)
                select ur).Any());

    /// <summary>The email addresses of the enabled accounts holding the role, in address order.</summary>
    public static Task<List<string>> WithRoleAsync(RecordsDbContext db, string role, CancellationToken ct = default) =>
        WithRoleAsync(db, [role], ct);

    /// <summary>The email addresses of the enabled accounts holding any of these roles, each once, in address order.</summary>
    public static Task<List<string>> WithRoleAsync(RecordsDbContext db, IReadOnlyCollection<string> roles, CancellationToken ct = default) =>
        Holding(db, roles).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync(ct);
}
