using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Accounts;
using Records.Core.Data;
using Records.Core.Seed;

namespace Records.Web.Infrastructure;

/// <summary>What runs once before the app serves: migrations, seed data, roles, the first Admin, development users.</summary>
public static class AppStartup
{
    public static readonly (string Email, string Name, string[] Roles)[] DevelopmentUsers =
    [
        ("admin@records.local", "Ada Admin", [Roles.Admin]),
        ("chair@records.local", "Chris Chair", [Roles.WorkGroup, Roles.Chair]),
        ("workgroup@records.local", "Wendy Workgroup", [Roles.WorkGroup]),
        // With the Chair, five Work Group members: the default quorum, so a newcomer can take a round through to its close.
        ("workgroup2@records.local", "Walter Workgroup", [Roles.WorkGroup]),
        ("workgroup3@records.local", "Winnie Workgroup", [Roles.WorkGroup]),
        ("workgroup4@records.local", "Wes Workgroup", [Roles.WorkGroup]),
        ("staff@records.local", "Sam Staff", [Roles.Staff]),
        ("board@records.local", "Bea Board", [Roles.Board]),
    ];

    public const string DevelopmentPassword = "Records-dev-2026!";

    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<RecordsOptions>>().Value;
        var environment = provider.GetRequiredService<IHostEnvironment>();
        var db = provider.GetRequiredService<RecordsDbContext>();
        var clock = provider.GetRequiredService<TimeProvider>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Records.Startup");

        StartupTimings.Mark("scope and services resolved");
        await RecordsDatabase.MigrateAsync(db, () => SetUpAsync(provider, options, environment, db, clock, logger, cancellationToken), cancellationToken);
    }

    /// <summary>The seed records, the roles and the first accounts, each made once whichever instance comes first.</summary>
    private static async Task SetUpAsync(IServiceProvider provider, RecordsOptions options, IHostEnvironment environment, RecordsDbContext db, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        StartupTimings.Mark("migrations checked");
        if (await SeedLoader.LoadIfEmptyAsync(db, options.ResolveSeedFolder(), clock, cancellationToken))
        {
            logger.LogInformation("Loaded the seed records from {Folder}", options.ResolveSeedFolder());
        }

        StartupTimings.Mark("seed checked");
        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        var existingRoles = await db.Roles.Where(r => r.Name != null).Select(r => r.Name!).ToListAsync(cancellationToken);
        foreach (var role in Roles.All.Except(existingRoles))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var users = provider.GetRequiredService<UserManager<AppUser>>();
        if (!string.IsNullOrWhiteSpace(options.Admin.Email) && !string.IsNullOrWhiteSpace(options.Admin.Password)
            && await users.FindByEmailAsync(options.Admin.Email) is null)
        {
            var created = await CreateUserAsync(users, clock, options.Admin.Email, "Administrator", options.Admin.Password, [Roles.Admin]);
            if (created.Succeeded) logger.LogInformation("Created the first Admin {Email} from configuration", options.Admin.Email);
            else logger.LogError("Could not create the first Admin {Email} from Records:Admin: {Errors}", options.Admin.Email, string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        if (MakesDevelopmentUsers(environment, options.SeedDevelopmentUsers))
        {
            var normalized = DevelopmentUsers.Select(u => (string?)users.NormalizeEmail(u.Email)).ToList();
            var existing = await db.Users.Where(u => normalized.Contains(u.NormalizedEmail)).Select(u => u.NormalizedEmail).ToListAsync(cancellationToken);
            foreach (var (email, name, userRoles) in DevelopmentUsers.Where(u => !existing.Contains(users.NormalizeEmail(u.Email))))
            {
                await CreateUserAsync(users, clock, email, name, DevelopmentPassword, userRoles);
            }
        }
    }

    /// <summary>
    /// The development accounts share the README's password, so they are made only in Development (unless switched
    /// off) and in the test hosts' "Testing" environment when asked for; never in Production or any other environment.
    /// </summary>
    public static bool MakesDevelopmentUsers(IHostEnvironment environment, bool? setting) =>
        environment.IsDevelopment() ? setting ?? true : environment.IsEnvironment("Testing") && setting == true;

    public static async Task<IdentityResult> CreateUserAsync(UserManager<AppUser> users, TimeProvider clock, string email, string name, string password, IEnumerable<string> roles)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) return result;
        var roleList = Roles.WithImplied(roles);
        return roleList.Count == 0 ? result : await users.AddToRolesAsync(user, roleList);
    }

    public static Task<bool> AdminExistsAsync(RecordsDbContext db) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Admin select ur).AnyAsync();
}
