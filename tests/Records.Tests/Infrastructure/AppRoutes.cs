using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Records.Core.Accounts;
using Records.Core.Donations;
using Records.Core.Nominations;
using Records.Core.People;
using Records.Core.Posts;

namespace Records.Tests.Infrastructure;

/// <summary>
/// The app's routes as its endpoint data lists them, who may use each (<see cref="Rules"/>), real records for their
/// parameters, and a fingerprint of the database: what the route × role matrix and the bad-input corpus share.
/// </summary>
public static class AppRoutes
{
    [Flags]
    public enum Who
    {
        Nobody = 0, Anonymous = 1, Admin = 2, Staff = 4, Board = 8, Member = 16, Chair = 32,
        WorkGroup = Member | Chair, SignedIn = Admin | Staff | Board | Member | Chair, Everyone = Anonymous | SignedIn,
    }

    public static readonly (Who Identity, string? Email)[] Identities =
    [
        (Who.Anonymous, null), (Who.Admin, "admin@records.local"), (Who.Staff, "staff@records.local"),
        (Who.Board, "board@records.local"), (Who.Member, "workgroup@records.local"), (Who.Chair, "chair@records.local"),
    ];

    /// <summary>Who may GET and who may POST, by page (or page and handler); the first rule that matches a route decides.</summary>
    public static readonly (string Route, Who Get, Who Post)[] Rules =
    [
        ("/health", Who.Everyone, Who.Nobody),
        ("/Accounts/Login", Who.Everyone, Who.Everyone),
        ("/Accounts/", Who.SignedIn, Who.SignedIn),
        ("/Admin/", Who.Admin, Who.Admin),
        ("/Donations/Edit", Who.Staff, Who.Staff),
        ("/Donations/Campaigns/Edit", Who.Staff, Who.Staff),
        ("/Donations/Import", Who.Staff, Who.Staff),
        ("/Donations/", Who.Staff | Who.Board, Who.Staff),
        ("/Error", Who.Everyone, Who.Everyone),
        ("/Status", Who.Everyone, Who.Everyone),
        ("/Fellows/Index", Who.Everyone, Who.Nobody),
        ("/Fellows/", Who.Staff, Who.Staff),
        ("/History/", Who.Staff | Who.Chair, Who.Staff | Who.Chair),
        ("/Index", Who.Everyone, Who.Nobody),
        ("/Nominate/", Who.Everyone, Who.Everyone),
        ("/Nominations/Rounds/", Who.Chair, Who.Chair),
        ("/Nominations/", Who.WorkGroup, Who.WorkGroup),
        ("/Posts/", Who.Staff, Who.Staff),
        ("/Reports/Budget", Who.Staff | Who.Board, Who.Staff),
        ("/Reports/Financial", Who.Staff | Who.Board, Who.Staff | Who.Board),
        ("/Reports/Quarter", Who.WorkGroup | Who.Board, Who.Nobody),
        ("/ServiceAwards/Details?handler=Payment", Who.Staff | Who.Board, Who.Staff),
        ("/ServiceAwards/Details?handler=", Who.Staff | Who.Board, Who.Board),
        ("/ServiceAwards/Past", Who.Staff, Who.Staff),
        ("/ServiceAwards/Propose", Who.Everyone, Who.Everyone),
        ("/ServiceAwards/Proposed", Who.Everyone, Who.Nobody),
        ("/ServiceAwards/Recipients", Who.Everyone, Who.Nobody),
        ("/ServiceAwards/", Who.Staff | Who.Board, Who.Staff | Who.Board),
        ("/Setup/", Who.Everyone, Who.Everyone),
        ("/Sponsors/Edit", Who.Staff, Who.Staff),
        ("/Sponsors/Programs/Package", Who.Staff, Who.Staff),
        ("/Sponsors/Sponsorships/Edit", Who.Staff, Who.Staff),
        ("/Sponsors/", Who.Staff | Who.Board, Who.Staff),
    ];

    /// <summary>
    /// Written whatever the requests do (the mail worker's outbox, the sign-in sessions a cookie renews, the key ring's
    /// first key, made by whichever request first signs a cookie or a form), so left out of "nothing changed".
    /// </summary>
    public static readonly string[] Busy = ["Outbox", "OutboxAttempts", "OutboxAttachments", "UserSessions", "DataProtectionKeys"];

    public sealed record Route(string Page, string Method, string? Handler, string Template);

    public static (Who Get, Who Post)? RuleFor(Route route)
    {
        var key = route.Handler is null ? route.Page : $"{route.Page}?handler={route.Handler}";
        foreach (var (prefix, get, post) in Rules)
        {
            if (key == prefix || (prefix.EndsWith('/') || prefix.EndsWith('=') ? key.StartsWith(prefix, StringComparison.Ordinal) : key.StartsWith(prefix + "?", StringComparison.Ordinal)))
                return (get, post);
        }
        return null;
    }

    /// <summary>Every page with each of its handlers and HTTP methods, and every other endpoint, from the app's endpoint data.</summary>
    public static async Task<List<Route>> RoutesAsync(RecordsApp app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var routes = new List<Route>();
        var seen = new HashSet<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                if (!seen.Add(page.ViewEnginePath)) continue;
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    routes.Add(new Route(page.ViewEnginePath, handler.HttpMethod.ToUpperInvariant(), handler.Name, template));
                }
                if (!compiled.HandlerMethods.Any(h => h.HttpMethod == "Get" && h.Name is null)) routes.Add(new Route(page.ViewEnginePath, "GET", null, template));
            }
            else if (seen.Add(template))
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                routes.AddRange(methods.Select(m => new Route(template, m, null, template)));
            }
        }
        return routes;
    }

    public static string? Url(Route route, IReadOnlyDictionary<string, string> values, List<string> problems)
    {
        var path = new StringBuilder();
        foreach (var segment in route.Template.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!segment.StartsWith('{'))
            {
                path.Append('/').Append(segment);
                continue;
            }
            var name = segment.Trim('{', '}').Split(':', '?')[0];
            if (values.TryGetValue($"{route.Page}:{name}", out var value)) path.Append('/').Append(Uri.EscapeDataString(value));
            else if (!segment.Contains('?'))
            {
                problems.Add($"{route.Page}: give an example value for {{{name}}} in RouteValuesAsync.");
                return null;
            }
        }
        var url = path.Length == 0 ? "/" : path.ToString();
        return route.Handler is null ? url : $"{url}?handler={route.Handler}";
    }

    /// <summary>Real records for each route parameter, so a handler that checks roles after loading its record is reached.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> RouteValuesAsync(RecordsApp app) => await app.WithDbAsync(async db =>
    {
        var round = await db.Rounds.OrderBy(r => r.Id).FirstAsync();
        var person = await db.People.OrderBy(p => p.Id).FirstAsync();
        if (!await db.Nominations.AnyAsync(n => n.NominatorEmail == "matrix@example.org"))
        {
            db.Nominations.Add(new Nomination { RoundId = round.Id, FirstRoundId = round.Id, Nominee = new Person { Name = "Matrix Nominee" }, NominatorName = "Matrix", NominatorEmail = "matrix@example.org", Statement = "A statement long enough to be a statement about the nominee.", ReceivedAt = DateTime.UtcNow });
            db.Donations.Add(new Donation { PersonId = person.Id, AmountMinor = 100_00, Currency = "USD", ReceivedOn = new DateOnly(2020, 1, 2), Channel = DonationChannel.Card, TransactionId = "matrix-1" });
            db.Posts.Add(new Post { Kind = PostKind.Thanks, Title = "Matrix post", Markdown = "Thanks.", Status = PostStatus.Draft, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        if (!await db.Users.AnyAsync(u => u.Email == "matrix.target@example.org")) await app.CreateUserAsync("matrix.target@example.org", "Violet-harbor-quartz-71", Roles.Board);
        var sponsorship = await db.Sponsorships.OrderBy(s => s.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["/Admin/EmailTemplates/Edit:key"] = Records.Core.Mail.EmailTemplates.NominationReceived,
            ["/Admin/Users/Edit:id"] = (await db.Users.SingleAsync(u => u.Email == "matrix.target@example.org")).Id,
            ["/Donations/Campaigns/Edit:id"] = (await db.Campaigns.OrderBy(c => c.Id).FirstAsync()).Id.ToString(),
            ["/Donations/Donor:id"] = person.Id.ToString(),
            ["/Donations/Edit:id"] = (await db.Donations.FirstAsync(d => d.TransactionId == "matrix-1")).Id.ToString(),
            ["/Donations/Letter:donationId"] = (await db.Donations.FirstAsync(d => d.TransactionId == "matrix-1")).Id.ToString(),
            ["/Donations/Statement:personId"] = person.Id.ToString(),
            ["/Fellows/Edit:id"] = (await db.Fellows.OrderBy(f => f.Id).FirstAsync()).Id.ToString(),
            ["/Nominations/Details:id"] = (await db.Nominations.FirstAsync(n => n.NominatorEmail == "matrix@example.org")).Id.ToString(),
            ["/Nominations/Rounds/Close:id"] = round.Id.ToString(),
            ["/Nominations/Rounds/Edit:id"] = round.Id.ToString(),
            ["/Posts/Details:id"] = (await db.Posts.FirstAsync(p => p.Title == "Matrix post")).Id.ToString(),
            ["/Posts/Templates/Edit:kind"] = nameof(PostKind.Fellows),
            ["/ServiceAwards/Details:id"] = (await db.ServiceAwards.OrderBy(a => a.Id).FirstAsync()).Id.ToString(),
            ["/Sponsors/Details:id"] = sponsorship.SponsorId.ToString(),
            ["/Sponsors/Edit:id"] = sponsorship.SponsorId.ToString(),
            ["/Sponsors/Programs/Package:id"] = (sponsorship.PackageId ?? (await db.SponsorPackages.OrderBy(p => p.Id).FirstAsync()).Id).ToString(),
            ["/Sponsors/Sponsorships/Details:id"] = sponsorship.Id.ToString(),
            ["/Sponsors/Sponsorships/Edit:id"] = sponsorship.Id.ToString(),
            ["/Status:code"] = "404",
        };
    });

    public static async Task<string> TokenAsync(HttpClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>A hash of every row of every table but the workers' own, whatever order the engine returns the rows in.</summary>
    private static async Task<string> HashAsync(DbConnection connection)
    {
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = connection is SqliteConnection
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables.Except(Busy))
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            hash.AppendData(Encoding.UTF8.GetBytes(table));
            var rows = new List<string>();
            var row = new StringBuilder();
            while (await reader.ReadAsync())
            {
                row.Clear();
                for (var i = 0; i < reader.FieldCount; i++) row.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
                rows.Add(row.ToString());
            }
            // PostgreSQL may return an updated row in another place; the same rows in another order are the same table.
            rows.Sort(StringComparer.Ordinal);
            foreach (var line in rows) hash.AppendData(Encoding.UTF8.GetBytes(line + "\u001e"));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// The fingerprint of the app's database, read on a connection of its own and hashed again only when something may
    /// have been committed since the last hash. SQLite moves a connection's <c>PRAGMA data_version</c> on every commit
    /// but its own; PostgreSQL's write-ahead log insert position moves on every commit on the server (other tests' included,
    /// which only costs another hash). An unmoved mark means not one row changed, and no table needs reading.
    /// </summary>
    public sealed class Fingerprint : IAsyncDisposable
    {
        private readonly DbConnection connection;
        private string mark = "";
        private string hash = "";

        private Fingerprint(DbConnection connection) => this.connection = connection;

        /// <summary>
        /// Opens once the background workers have made their first pass (which follows the app's first answer and may
        /// write, a reminder's mark for one), so that what they write is never taken for a request's doing.
        /// </summary>
        public static async Task<Fingerprint> OpenAsync(RecordsApp app)
        {
            using (await app.Browser().GetAsync("/health")) { }
            foreach (var worker in app.Services.GetServices<IHostedService>())
            {
                var first = worker switch
                {
                    Records.Web.Infrastructure.PollingWorker polling => polling.PassedAsync(1),
                    Records.Web.Mail.OutboxWorker outbox => outbox.PassedAsync(1),
                    _ => Task.CompletedTask,
                };
                await first.WaitAsync(TestContext.Current.CancellationToken);
            }
            DbConnection connection = TestDatabases.OnPostgreSql
                ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.DatabaseLocation) { Pooling = false }.ConnectionString)
                : new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            return new Fingerprint(connection);
        }

        public async Task<string> CurrentAsync()
        {
            await using var read = connection.CreateCommand();
            // The insert position, not the written one: with asynchronous commit a committed change may not be written yet.
            read.CommandText = connection is SqliteConnection ? "PRAGMA data_version" : "SELECT pg_current_wal_insert_lsn()::text";
            // Read before hashing: a commit landing during the hash moves the mark again, so the next call hashes anew.
            var now = Convert.ToString(await read.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
            if (now != mark)
            {
                hash = await HashAsync(connection);
                mark = now;
            }
            return hash;
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
