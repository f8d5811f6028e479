using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Data;

public class DatabaseTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    /// <summary>SQLite in WAL mode with foreign keys on; PostgreSQL waiting for another's lock as long as SQLite's busy timeout.</summary>
    [Fact]
    public async Task DatabaseRunsWithTheEnginesSettingsForRecords()
    {
        await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            using var command = connection.CreateCommand();
            if (TestDatabases.OnPostgreSql)
            {
                command.CommandText = "SHOW lock_timeout;";
                Assert.Equal($"{RecordsDatabase.DefaultBusyTimeoutSeconds}s", (string?)await command.ExecuteScalarAsync());
                return;
            }
            command.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
            command.CommandText = "PRAGMA foreign_keys;";
            Assert.Equal(1L, (long?)await command.ExecuteScalarAsync());
        });
    }

    /// <summary>
    /// Both engines' migrations projects are made from the one model: a model change without a migration for either
    /// fails here in every run, with or without a PostgreSQL server (no connection is opened).
    /// </summary>
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSQL")]
    public void EachEnginesMigrationsHaveEveryModelChange(string engine)
    {
        var provider = DatabaseProvider.Named(engine)!;
        var location = provider == DatabaseProvider.Sqlite ? Path.Combine(Path.GetTempPath(), $"records-model-{Guid.NewGuid():N}.db") : "Host=localhost;Database=records_model";
        var options = new DbContextOptionsBuilder<RecordsDbContext>();
        RecordsDatabase.Configure(options, new DatabaseTarget(provider, location), TimeProvider.System);
        using var db = new RecordsDbContext(options.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {engine} migrations lack a model change: add one with the README's dotnet ef command for {engine}.");
    }

    [Fact]
    public async Task AllMigrationsAreApplied()
    {
        await app.WithDbAsync(async db => Assert.Empty(await db.Database.GetPendingMigrationsAsync()));
    }

    /// <summary>The provider writes the model's hand-written SQL as the migrations have it, so no migration is owed.</summary>
    [Fact]
    public async Task TheModelIsTheOneTheMigrationsBuild()
    {
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));
    }

    [Fact]
    public async Task StaleSaveIsRefused()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var sponsor = new Sponsor { Name = "Stale Ltd", CreatedAt = DateTime.UtcNow };
            db.Sponsors.Add(sponsor);
            await db.SaveChangesAsync();
            return sponsor.Id;
        });

        await app.WithDbAsync(async first =>
        {
            await app.WithDbAsync(async second =>
            {
                var mine = await first.Sponsors.SingleAsync(s => s.Id == id);
                var theirs = await second.Sponsors.SingleAsync(s => s.Id == id);
                var versionBefore = mine.Version;

                theirs.Notes = "saved first";
                await second.SaveChangesAsync();
                Assert.NotEqual(versionBefore, theirs.Version);

                mine.Notes = "saved second, from a stale copy";
                await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
            });
        });

        var notes = await app.WithDbAsync(db => db.Sponsors.AsNoTracking().Where(s => s.Id == id).Select(s => s.Notes).SingleAsync());
        Assert.Equal("saved first", notes);
    }

    [Fact]
    public async Task StaleVersionFromAFormIsRefused()
    {
        var (id, version) = await app.WithDbAsync(async db =>
        {
            var sponsor = new Sponsor { Name = "Form Ltd", CreatedAt = DateTime.UtcNow };
            db.Sponsors.Add(sponsor);
            await db.SaveChangesAsync();
            return (sponsor.Id, sponsor.Version);
        });
        await app.WithDbAsync(async db =>
        {
            var sponsor = await db.Sponsors.SingleAsync(s => s.Id == id);
            sponsor.Website = "https://example.org";
            await db.SaveChangesAsync();
        });
        await app.WithDbAsync(async db =>
        {
            var sponsor = await db.Sponsors.SingleAsync(s => s.Id == id);
            db.Entry(sponsor).Property(s => s.Version).OriginalValue = version;
            sponsor.Website = "https://stale.example.org";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        });
    }

    [Fact]
    public void UnwritableDatabasePathStopsStartupWithAMessageNamingThePath()
    {
        var blocker = Path.Combine(app.Folder, "a-file-not-a-folder");
        File.WriteAllText(blocker, "x");
        var path = Path.Combine(blocker, "records.db");

        var error = Assert.Throws<DatabasePathException>(() => RecordsDatabase.EnsureWritable(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("Records:DatabasePath", error.Message);
    }

    [Fact]
    public void WritablePathGetsItsFolderCreated()
    {
        var path = Path.Combine(app.Folder, "nested", "deeper", "records.db");
        RecordsDatabase.EnsureWritable(path);
        Assert.True(File.Exists(path));
    }
}
