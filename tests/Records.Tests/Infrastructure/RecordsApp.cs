using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Records.Core.Accounts;
using Records.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Collections.Concurrent;
using Records.Core.Data;

namespace Records.Tests.Infrastructure;

/// <summary>
/// The app on the test server, owning a real SQLite file in its own folder with the migrations applied and the
/// seed loaded by the app's own start-up. One per test class (IClassFixture), so classes never share data.
/// </summary>
public class RecordsApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "records-tests", Guid.NewGuid().ToString("N"));
    /// <summary>The SQLite file (its uploads folder sits beside it on either engine).</summary>
    public string DatabasePath => Path.Combine(Folder, "records.db");

    /// <summary>The app's database on the run's engine: <see cref="DatabasePath"/>, or a PostgreSQL database's connection string.</summary>
    public string DatabaseLocation { get; private set; } = "";

    public DatabaseTarget DatabaseTarget => TestDatabases.Target(DatabaseLocation);
    public string PickupFolder => Path.Combine(Folder, "mail-pickup");

    /// <summary>Settings a test class adds or overrides (for example a first Admin, or no development users).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual string EnvironmentName => "Testing";

    /// <summary>
    /// Rounds of the password hash in the test host. Identity's 100,000 cost a tenth of a second for each of the eight
    /// development accounts made at start-up and for every sign-in, which over a run of a hundred hosts is most of its
    /// time; the count the app really uses is checked with null here (<c>PasswordHashStrengthTests</c>).
    /// </summary>
    protected virtual int? PasswordHashRounds => 1_000;

    /// <summary>
    /// Whether hosts of this exact type start from a copy of a database their start-up prepared once per run
    /// (migrated, seeded, the accounts made) rather than preparing their own: true only for a type whose settings and
    /// clock are the same in every instance. Start-up still runs on the copy and finds nothing left to do.
    /// </summary>
    protected virtual bool StartsFromPreparedCopy => StartupType == typeof(RecordsApp);

    /// <summary>
    /// The type whose start-up this host's is: the nearest, from this type up, that changes a setting, the environment,
    /// the host or the password's rounds. A type that only adds records after start-up (InitializeAsync) starts as its
    /// base does, so hosts of one start-up type share one prepared copy.
    /// </summary>
    protected Type StartupType
    {
        get
        {
            var type = GetType();
            while (type != typeof(RecordsApp) && !ChangesStartup(type)) type = type.BaseType!;
            return type;
        }
    }

    private static readonly string[] StartupMembers = [nameof(Settings), nameof(EnvironmentName), nameof(ConfigureWebHost), nameof(PasswordHashRounds)];

    private static bool ChangesStartup(Type type) =>
        type.GetMembers(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly)
            .Any(m => StartupMembers.Contains(m.Name));

    private static readonly ConcurrentDictionary<Type, Lazy<Task<string>>> Prepared = new();

    /// <summary>Set on the one host that prepares the copy: it runs start-up and nothing else, so no worker writes.</summary>
    private bool preparing;

    /// <summary>
    /// Where the host's clock stands unless a test class registers its own: noon in New York on a Tuesday. It does
    /// not move by itself, so "today" is the same in every test and no worker wakes unless a test moves it on.
    /// </summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);

    /// <summary>The foundation's day at <see cref="DefaultNow"/>, for data written before the host is up.</summary>
    public static readonly DateOnly DefaultToday = Records.Core.Nominations.RoundCalendar.LocalDate(DefaultNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

    /// <summary>The host's clock: the one registered last, the default <see cref="ManualClock"/> or a test class's own.</summary>
    public TimeProvider Time => Services.GetRequiredService<TimeProvider>();

    /// <summary>The instant now on the host's clock, as stored.</summary>
    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>Today in the foundation's time zone, as the pages read it.</summary>
    public DateOnly Today => Services.GetRequiredService<FoundationClock>().Today;

    /// <summary>Counts the SQL of requests sent through it: the proof that list pages do not query once per row.</summary>
    public SqlCounter Sql { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Folder);
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Records:DatabasePath", DatabasePath);
        builder.UseSetting("Records:Database:Provider", TestDatabases.Provider.Name);
        if (TestDatabases.OnPostgreSql) builder.UseSetting("ConnectionStrings:Records", DatabaseLocation);
        builder.UseSetting("Records:Mail:PickupFolder", PickupFolder);
        builder.UseSetting("Records:Mail:PollSeconds", "1");
        builder.UseSetting("Records:SeedDevelopmentUsers", "true");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            if (preparing)
            {
                foreach (var worker in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == typeof(AppStartup).Assembly).ToList()) services.Remove(worker);
            }
            services.AddSingleton<TimeProvider>(new ManualClock(DefaultNow));
            if (PasswordHashRounds is { } rounds) services.Configure<PasswordHasherOptions>(o => o.IterationCount = rounds);
            services.AddSingleton<IStartupFilter>(Sql);
            services.ConfigureDbContext<RecordsDbContext>(options => options.AddInterceptors(Sql));
        });
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });

    public async Task<T> WithDbAsync<T>(Func<RecordsDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<RecordsDbContext>());
    }

    public async Task WithDbAsync(Func<RecordsDbContext, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<RecordsDbContext>());
    }

    public async Task CreateUserAsync(string email, string password, params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await AppStartup.CreateUserAsync(users, Time, email, email.Split('@')[0], password, roles);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public virtual async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        // The migrations alone, applied once per run: start-up then seeds and makes its accounts as on a new database.
        var from = StartsFromPreparedCopy && !preparing
            ? await Prepared.GetOrAdd(StartupType, type => new Lazy<Task<string>>(() => PrepareAsync(type))).Value
            : await DatabaseFixture.MigratedTemplateLocationAsync();
        await CopyDatabaseAsync(from);
        _ = Server;
    }

    private async Task CopyDatabaseAsync(string from)
    {
        if (TestDatabases.OnPostgreSql)
        {
            DatabaseLocation = await TestDatabases.CreatePostgreSqlAsync("records_app", from);
        }
        else
        {
            File.Copy(from, DatabasePath);
            DatabaseLocation = DatabasePath;
        }
    }

    private static async Task<string> PrepareAsync(Type type)
    {
        await using var app = (RecordsApp)Activator.CreateInstance(type)!;
        app.preparing = true;
        Directory.CreateDirectory(app.Folder);
        await app.CopyDatabaseAsync(await DatabaseFixture.MigratedTemplateLocationAsync());
        _ = app.Server;
        if (TestDatabases.OnPostgreSql)
        {
            // The prepared database itself is the template the hosts copy: it outlives this host, dropped at the run's end.
            var prepared = app.DatabaseLocation;
            app.DatabaseLocation = "";
            AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDatabases.DropPostgreSqlAsync(prepared).GetAwaiter().GetResult();
            return prepared;
        }
        var copy = Path.Combine(Path.GetTempPath(), "records-tests", $"prepared-{type.Name}-{Guid.NewGuid():N}.db");
        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            // Everything into the main file, so that a copy of it alone is the whole database.
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        File.Copy(app.DatabasePath, copy);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(copy);
        return copy;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabases.ClearPools();
        if (TestDatabases.OnPostgreSql && DatabaseLocation.Length > 0) await TestDatabases.DropPostgreSqlAsync(DatabaseLocation);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
