using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Records.Tests.Infrastructure;
using Records.Tests.Nominations;
using Records.Web.Infrastructure;
using static Records.Tests.Donations.GiftData;

namespace Records.Tests.Data;

/// <summary>
/// A write that cannot get the database's write lock, because another connection holds it, within a busy timeout of
/// one second: the page comes back with a 503, Retry-After, a message and everything that was typed.
/// </summary>
public class BusyDatabaseTests(BusyDatabaseTests.App app) : IClassFixture<BusyDatabaseTests.App>
{
    public sealed class App : NominateApp
    {
        public int Person, Campaign;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Records:DatabaseBusyTimeoutSeconds"] = "1" };

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Person = await PersonAsync(this, "Edith Existing", "edith@example.org");
            Campaign = await CampaignAsync(this, "Busy Appeal");
        }
    }

    /// <summary>
    /// Another connection's open write transaction, as a long import's would be: SQLite's one write lock, or on
    /// PostgreSQL a lock on the audit log, which every save writes to, that lets reads through.
    /// </summary>
    private IDisposable HoldWriteLock()
    {
        if (TestDatabases.OnPostgreSql)
        {
            var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.DatabaseLocation) { Pooling = false }.ConnectionString);
            server.Open();
            using var take = new NpgsqlCommand("""BEGIN; LOCK TABLE "AuditEntries" IN EXCLUSIVE MODE;""", server);
            take.ExecuteNonQuery();
            return server;
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = app.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        return connection;
    }

    [Fact]
    public async Task APublicNominationDuringAnotherWriteAnswers503WithRetryAfterAndKeepsTheForm()
    {
        var client = app.Browser();
        var form = Nominate.Form("busy.nominee@example.org", "Bea Busy");

        HttpResponseMessage response;
        using (HoldWriteLock()) response = await client.SendAsync(form);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseBusyFilter.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        var page = await response.ReadPageAsync();
        Assert.Equal(DatabaseBusyFilter.Message, page.QuerySelector(".flash.error")?.TextContent.Trim());
        Assert.Equal("Bea Busy", page.QuerySelector("input[name='Input.NomineeName']")?.GetAttribute("value"));
        Assert.Equal(Nominate.Statement, page.QuerySelector("textarea[name='Input.Statement']")?.TextContent.Trim());
        Assert.Equal(0, await app.WithDbAsync(db => db.Nominations.CountAsync(n => n.Nominee.Email == "busy.nominee@example.org")));

        // Sent again once the other write is done, it is saved.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(form)).StatusCode);
    }

    [Fact]
    public async Task AGiftEnteredDuringAnotherWriteAnswers503AndTheFormStillHasItsChoices()
    {
        var client = await AsAsync(app, "Staff");
        var fields = GiftFields(app.Campaign, ("Input.TransactionId", "busy_1"), ("Input.Amount", "123.45"));

        HttpResponseMessage response;
        using (HoldWriteLock()) response = await client.SubmitAsync("/Donations/Edit", fields);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var page = await response.ReadPageAsync();
        Assert.Equal(DatabaseBusyFilter.Message, page.QuerySelector(".flash.error")?.TextContent.Trim());
        Assert.Equal("123.45", page.QuerySelector("input[name='Input.Amount']")?.GetAttribute("value"));
        Assert.Equal("Busy Appeal", page.QuerySelector($"select[name='Input.CampaignId'] option[value='{app.Campaign}']")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"select[name='Input.CampaignId'] option[value='{app.Campaign}'][selected]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Donations.CountAsync(d => d.TransactionId == "busy_1")));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/Donations/Edit", fields)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Donations.CountAsync(d => d.TransactionId == "busy_1")));
    }
}
