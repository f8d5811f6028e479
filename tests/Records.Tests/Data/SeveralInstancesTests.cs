using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Mail;
using Records.Tests.Infrastructure;

namespace Records.Tests.Data;

/// <summary>
/// Two processes of the app on one PostgreSQL database, started together on an empty database, behave as one: one
/// seed, one sign-in that works on both, forms from one posted to the other, and every message sent once.
/// </summary>
public class SeveralInstancesTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    [Fact]
    public async Task TwoInstancesOnOneDatabaseBehaveAsOne()
    {
        TestDatabases.RequirePostgreSql();
        await smtp.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var location = await TestDatabases.CreatePostgreSqlAsync("records_two");
        try
        {
            var database = new TestDatabase(location, DatabaseProvider.PostgreSql);
            var (a, b) = await StartBothAsync(location);
            await using var stopA = a;
            await using var stopB = b;
            var cookies = new CookieContainer();
            using var onA = Client(a, cookies);
            using var onB = Client(b, cookies);

            await using (var db = database.Open())
            {
                var people = await db.People.Select(p => p.Name).ToListAsync(ct);
                Assert.NotEmpty(people);
                Assert.Equal(people.Count, people.Distinct().Count());
                Assert.Equal(1, await db.Users.CountAsync(u => u.Email == "admin@records.local", ct));
            }

            await onA.LoginAsync("admin@records.local");
            var users = await onB.GetPageAsync("/Admin/Users");
            Assert.Contains("admin@records.local", users.Body!.TextContent);

            var form = await onB.GetPageAsync("/Admin/Users/Create");
            var created = await onA.SubmitFormAsync(form, "/Admin/Users/Create", new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Second Instance",
                ["Input.Email"] = "second-instance@example.org",
                ["Input.Password"] = "Quartz-lantern-harbour-91",
                ["Input.Roles"] = "Staff",
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Contains("second-instance@example.org", (await onB.GetPageAsync("/Admin/Users")).Body!.TextContent);

            await using (var db = database.Open())
            {
                var now = DateTime.UtcNow;
                for (var i = 1; i <= 30; i++) db.Outbox.Add(OutboxMessage.Create(["board@example.org"], $"Both instances {i:D2}", "Sent once.", now));
                await db.SaveChangesAsync(ct);
                // The instances deliver on their own polls; the test waits for the outbox to empty, however long that takes.
                while (await db.Outbox.AnyAsync(m => m.Status == OutboxStatus.Pending, ct)) await Task.Delay(100, ct);
            }
            await Task.WhenAll(a.StopAsync(), b.StopAsync());

            var delivered = smtp.Delivered().Select(d => d.Message.Subject).Where(s => s is not null && (s.StartsWith("Both instances", StringComparison.Ordinal) || s == "Your Records account")).ToList();
            Assert.Equal(31, delivered.Count);
            Assert.Equal(delivered.Count, delivered.Distinct().Count());
            await using (var db = database.Open())
            {
                Assert.All(await db.Outbox.Include(m => m.AttemptLog).ToListAsync(ct), m => Assert.Single(m.AttemptLog));
            }
        }
        finally
        {
            await TestDatabases.DropPostgreSqlAsync(location);
        }
    }

    /// <summary>Both at once, as a service manager starts them; one that started is stopped again if the other did not.</summary>
    private async Task<(AppProcess A, AppProcess B)> StartBothAsync(string location)
    {
        var starting = new[] { StartAsync(location), StartAsync(location) };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var start in starting.Where(t => t.IsCompletedSuccessfully)) await start.Result.DisposeAsync();
            throw;
        }
        return (starting[0].Result, starting[1].Result);
    }

    private Task<AppProcess> StartAsync(string location)
    {
        var info = AppProcess.StartInfo();
        info.Environment["Records__Database__Provider"] = "PostgreSQL";
        info.Environment["ConnectionStrings__Records"] = location;
        info.Environment["Records__Mail__Host"] = smtp.Host;
        info.Environment["Records__Mail__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Records__Mail__PollSeconds"] = "1";
        info.Environment["Records__Mail__BatchSize"] = "4";
        return AppProcess.StartAsync(info);
    }

    private static HttpClient Client(AppProcess app, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
}
