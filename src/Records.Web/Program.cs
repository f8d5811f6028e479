using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Accounts;
using Records.Core.Data;
using Records.Core.Reports;
using Records.Web.Infrastructure;
using Records.Web.Mail;

StartupTimings.Mark("Main");
if (MoveDataCommand.Asked(args)) return await MoveDataCommand.RunAsync(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = LaunchEnvironment.Choose(Environment.GetEnvironmentVariable, args) });
if (LaunchEnvironment.ChooseUrls(Environment.GetEnvironmentVariable, args) is { } launchUrls) builder.WebHost.UseUrls(launchUrls);

StartupTimings.Mark("builder created");
IReadOnlyList<System.Net.IPAddress> proxies;
try
{
    proxies = ForwardedProxies.Read(builder.Configuration);
}
catch (SettingException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
// Outside Development every cookie is Secure, and the login cookie a __Host- one (Path=/, no Domain): it never travels
// over plain http and no other host under the same domain can set or read it. Development keeps http on localhost working.
var secureCookies = !builder.Environment.IsDevelopment();
var cookieSecurity = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

builder.Services.AddRecordsSettings(builder.Configuration);
builder.Services.AddSingleton(sp => BenchmarkClock.Choose(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
builder.Services.AddSingleton(sp => new DatabaseLocation(
    sp.GetRequiredService<IOptions<RecordsOptions>>().Value.ResolveDatabasePath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
    sp.GetRequiredService<IOptions<RecordsOptions>>().Value.DatabaseBusyTimeoutSeconds));
// Contexts are pooled: setting up a new one's services cost each request more than its queries' translation. The
// options are built once: they hold only the file, the clock and interceptors that keep their per-save state by context.
builder.Services.AddSingleton(sp => sp.GetRequiredService<DatabaseLocation>().Target(sp.GetRequiredService<IOptions<RecordsOptions>>().Value, sp.GetRequiredService<IConfiguration>()));
builder.Services.AddPooledDbContextFactory<RecordsDbContext>((sp, options) =>
    RecordsDatabase.Configure(options, sp.GetRequiredService<DatabaseTarget>(), sp.GetRequiredService<TimeProvider>()));
// Keys that sign logins and antiforgery tokens live in the database, so every instance on it accepts the others'.
builder.Services.AddDataProtection().SetApplicationName("Records");
builder.Services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
    .Configure<IServiceProvider>((o, services) =>
    {
        o.XmlRepository = new DatabaseKeyRing(services);
        // The keys are kept as the records they protect are, in the database, and no certificate is configured to
        // encrypt them; said here rather than warned at every start.
        o.XmlEncryptor = new Microsoft.AspNetCore.DataProtection.XmlEncryption.NullXmlEncryptor();
    });
builder.Services.AddScoped(sp =>
{
    var db = sp.GetRequiredService<IDbContextFactory<RecordsDbContext>>().CreateDbContext();
    db.CurrentUser = sp.GetService<ICurrentUser>();
    return db;
});

builder.Services.AddSingleton(sp => new FinancialReportCache(sp.GetRequiredService<IServiceScopeFactory>()));
builder.Services.AddSingleton(new VersionedCache());
builder.Services.AddSingleton<UploadStore>();
builder.Services.AddSingleton<ImportJobs>();
builder.Services.AddSingleton<FirstRequest>();
builder.Services.AddSingleton<DatabasePreparation>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabasePreparation>());
// The server opens its port while the database is made ready (DatabasePreparation) instead of after.
builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
builder.Services.AddHostedService<ImportWorker>();
builder.Services.AddRecordsMail(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddHostedService<Records.Web.Nominations.ReminderWorker>();
builder.Services.AddHostedService<Records.Web.Sponsors.EndingReminderWorker>();

builder.Services.AddIdentity<AppUser, IdentityRole>(options =>
    {
        options.User.RequireUniqueEmail = true;
        // Length and strength are HardToGuessPasswordValidator's (zxcvbn), not character classes.
        options.Password.RequiredLength = 1;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        // Failed logins are held back per address by LoginThrottle; Identity's lockout would let anyone lock anyone out.
        options.Lockout.AllowedForNewUsers = true;
    })
    .AddEntityFrameworkStores<RecordsDbContext>()
    .AddClaimsPrincipalFactory<RecordsClaimsFactory>()
    .AddPasswordValidator<HardToGuessPasswordValidator>()
    .AddDefaultTokenProviders();
builder.Services.AddSingleton(sp =>
{
    var login = sp.GetRequiredService<IOptions<RecordsOptions>>().Value.Login;
    return new LoginThrottle(sp.GetRequiredService<TimeProvider>(), login.FailuresPerAccountAndAddress, login.FailuresPerAddress, TimeSpan.FromMinutes(login.HoldMinutes));
});
builder.Services.AddSingleton<DatabaseTicketStore>();
builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
    .Configure<DatabaseTicketStore>((options, store) => options.SessionStore = store);
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = secureCookies ? "__Host-Records.Auth" : "Records.Auth";
    options.Cookie.Path = "/";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = cookieSecurity;
    options.LoginPath = "/Account/Login";
    options.LogoutPath = "/Account/Logout";
    options.AccessDeniedPath = "/Status/403";
    options.SlidingExpiration = true;
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    // A signed-in user without the role gets a 403 page with a way back, never a redirect loop through the login.
    options.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = secureCookies ? "__Host-Records.Antiforgery" : "Records.Antiforgery";
    o.Cookie.Path = "/";
});
// Any other cookie (antiforgery's, TempData's) gets the same flag here: antiforgery's own "Always" would refuse every
// form with a 500 when a proxy forwards https as plain http.
builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = cookieSecurity);
builder.Services.AddRecordsAuthorization();
builder.Services.AddRecordsRateLimits();
builder.Services.AddRazorPages(options => options.Conventions.AddRecordsConventions());
// Validators say what is required, in the users' words; MVC's implicit "field is required" would duplicate them.
builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new BindingErrors()));
builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    // Only the proxies named in the setting; the framework's default would believe any loopback client.
    o.KnownIPNetworks.Clear();
    o.KnownProxies.Clear();
    foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
});

// Data protection's hosted service only reads the ring ahead of the first request, and would hold the server's start until the
// database is ready; the first request reads it instead, after the database is.
foreach (var warmUp in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
{
    builder.Services.Remove(warmUp);
}
StartupTimings.Mark("services registered");
var app = builder.Build();
StartupTimings.Mark("host built");

// The database is made ready on the other core while this thread maps the pages and the server starts; no request
// that needs the database is served before it is ready.
app.Services.GetRequiredService<DatabasePreparation>().Begin(async () =>
{
    var target = app.Services.GetRequiredService<DatabaseTarget>();
    target.Provider.EnsureWritable(target.Location);
    StartupTimings.Mark("database writable");
    await AppStartup.PrepareAsync(app.Services);
    StartupTimings.Mark("prepared (migrations, seed, roles)");
    app.Services.GetRequiredService<UploadStore>().SweepExpired();
},
// The key ring's first key is made now rather than by the first request, which could find the database busy with
// another's long write (an import) and fail for want of a key to sign its form with.
then: () => app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Records.KeyRing").Protect("ready"));

app.UseStartupTimings();
app.UseFirstRequestSignal();
app.Lifetime.ApplicationStarted.Register(() => StartupTimings.Mark("listening"));
if (proxies.Count > 0) app.UseForwardedHeaders();
app.UseCookiePolicy();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}
app.Use((context, next) =>
{
    // No inline script anywhere: scripts come from wwwroot/js. Inline style attributes remain in a few pages.
    var headers = context.Response.Headers;
    headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    headers.XContentTypeOptions = "nosniff";
    headers["Referrer-Policy"] = "same-origin";
    return next(context);
});
app.UseStatusCodePagesWithReExecute("/Status/{0}");
app.UseStaticFiles();
app.UseRouting();
app.UseDatabaseReady();
// An address that matches no page is a 404 for everyone; without this the fallback policy would send strangers to the login.
app.Use((context, next) =>
{
    if (context.GetEndpoint() is null)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
    return next(context);
});
app.UseAuthentication();
app.UseAuthorization();
app.UseUploadLimits();
app.UseRateLimiter();
app.MapRazorPages();
app.MapHealth();
// The pages' endpoints are built here, beside the database work, instead of in the first request.
var endpoints = ((IEndpointRouteBuilder)app).DataSources.Sum(d => d.Endpoints.Count);
StartupTimings.Mark($"{endpoints} endpoints built");
var started = app.StartAsync();
try
{
    await app.Services.GetRequiredService<DatabasePreparation>().Ready;
    await started;
}
catch (Exception e) when (DatabasePreparation.IsRefusal(e))
{
    // A person starting the app needs the path or the setting, not a stack trace.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

await app.WaitForShutdownAsync();
return 0;

public partial class Program;
