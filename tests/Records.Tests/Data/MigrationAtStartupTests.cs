using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Records.Core.Data;
using Records.Tests.Infrastructure;

namespace Records.Tests.Data;

/// <summary>Start-up migrates a database that needs it and only reads one that does not.</summary>
public class MigrationAtStartupTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task AnUpToDateDatabaseIsOnlyReadAtStartUp()
    {
        var database = await fixture.CreateDatabaseAsync();
        var commands = new CommandLog();
        await using var db = Open(database, commands);

        await RecordsDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(commands.Texts, t => t.Contains("CREATE", StringComparison.OrdinalIgnoreCase) || t.Contains("__EFMigrationsLock", StringComparison.Ordinal));
        Assert.True(commands.Texts.Count <= 3, string.Join("\n", commands.Texts));
    }

    [Fact]
    public async Task AnEmptyDatabaseIsMigratedToTheLatest()
    {
        await using var db = Open(await fixture.CreateEmptyDatabaseAsync(), new CommandLog());

        await RecordsDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).Count());
    }

    private static RecordsDbContext Open(TestDatabase database, CommandLog commands)
    {
        var options = new DbContextOptionsBuilder<RecordsDbContext>();
        database.Configure(options).AddInterceptors(commands);
        return new RecordsDbContext(options.Options);
    }

    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
