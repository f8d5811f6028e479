using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Tests.Infrastructure;

namespace Records.Tests.Data;

public class DatabaseHealthTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task AMigratedDatabaseIsReachableAndCurrent()
    {
        var database = await databases.CreateDatabaseAsync();
        await using var db = database.Open();

        var health = await DatabaseHealth.CheckAsync(db, TestContext.Current.CancellationToken);

        Assert.True(health.Healthy);
        Assert.Equal(database.Target.Provider.Name, health.Provider);
        Assert.Equal(DatabaseHealth.Current, health.Schema);
        Assert.Equal(0, health.Pending);
    }

    [Fact]
    public async Task ADatabaseMigratedByANewerVersionIsReportedAhead()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await databases.CreateDatabaseAsync();
        await using var db = database.Open();
        await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29990101000000_FromANewerRecords', '10.0.0')", ct);

        var health = await DatabaseHealth.CheckAsync(db, ct);

        Assert.False(health.Healthy);
        Assert.Equal(DatabaseHealth.Ahead, health.Schema);
        Assert.Equal(["29990101000000_FromANewerRecords"], health.Unknown);
    }

    [Fact]
    public async Task ADatabaseWithoutTheLatestMigrationIsReportedBehind()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await databases.CreateDatabaseAsync();
        await using var db = database.Open();
        var latest = db.Database.GetMigrations().Last();
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {latest}", ct);

        var health = await DatabaseHealth.CheckAsync(db, ct);

        Assert.False(health.Healthy);
        Assert.Equal(DatabaseHealth.Behind, health.Schema);
        Assert.Equal(1, health.Pending);
    }

    [Fact]
    public async Task AnUnreachableServerIsReportedWithoutAnError()
    {
        var options = RecordsDatabase.Configure(new DbContextOptionsBuilder<RecordsDbContext>(),
            new DatabaseTarget(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Port=1;Database=records;Username=records;Timeout=3", 1), TimeProvider.System);
        await using var db = new RecordsDbContext((DbContextOptions<RecordsDbContext>)options.Options);

        var health = await DatabaseHealth.CheckAsync(db, TestContext.Current.CancellationToken);

        Assert.False(health.Reachable);
        Assert.Equal(DatabaseHealth.Unreachable, health.Schema);
        Assert.Equal("PostgreSQL", health.Provider);
    }
}

public class HealthEndpointTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task HealthSaysTheDatabaseIsReachableAndItsSchemaCurrentWithoutALogin()
    {
        using var response = await app.Browser().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        var database = body.RootElement.GetProperty("database");
        Assert.Equal(app.DatabaseTarget.Provider.Name, database.GetProperty("provider").GetString());
        Assert.True(database.GetProperty("reachable").GetBoolean());
        Assert.Equal("current", database.GetProperty("schema").GetString());
    }

    [Fact]
    public async Task HealthAnswers503WhenTheDatabaseRunsANewerVersion()
    {
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29990101000000_FromANewerRecords', '10.0.0')"));
        try
        {
            using var response = await app.Browser().GetAsync("/health", TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("\"schema\":\"ahead\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '29990101000000_FromANewerRecords'"));
        }
    }
}
