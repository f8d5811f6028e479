using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Records.Core.Accounts;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Mail;
using Records.Core.People;
using Records.Core.Seed;
using Records.Tests.Infrastructure;

namespace Records.Tests.Data;

/// <summary>An installation's SQLite file moved into PostgreSQL: every row of every table, totals compared on both sides.</summary>
public class DataMoveTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime Now = new(2026, 11, 20, 15, 30, 0, DateTimeKind.Utc);

    /// <summary>The seed, plus rows in tables the seed leaves empty: gifts in two currencies, mail with an attachment, a user.</summary>
    private async Task<TestDatabase> InstallationAsync()
    {
        var source = await databases.CreateSqliteDatabaseAsync();
        await using var db = source.Open();
        await SeedLoader.LoadIfEmptyAsync(db, Path.Combine(AppContext.BaseDirectory, "seed"), TimeProvider.System);
        var donor = new Person { Name = "Zoë Ünïcode-Donor", Email = "zoe@example.org" };
        db.People.Add(donor);
        db.Donations.AddRange(
            new Donation { Person = donor, AmountMinor = 12_345, FeeMinor = 67, Currency = "USD", ReceivedOn = new DateOnly(2026, 3, 1), Channel = DonationChannel.Card, TransactionId = "ch_move_1", IsRecurring = true },
            new Donation { Person = donor, AmountMinor = 50_000, Currency = "EUR", ReceivedOn = new DateOnly(2026, 4, 2), Channel = DonationChannel.Cheque, Notes = "Cheque, \"quoted\"\nsecond line" },
            new Donation { IsAnonymous = true, AmountMinor = 7_000, FeeMinor = 230, Currency = "USD", ReceivedOn = new DateOnly(2025, 12, 31), Channel = DonationChannel.PayPal });
        var message = OutboxMessage.Create(["board@example.org"], "Report", "Attached.", Now);
        message.Attachments.Add(new OutboxAttachment { FileName = "report.pdf", ContentType = "application/pdf", Content = [0x25, 0x50, 0x44, 0x46, 0x00, 0xff] });
        message.AttemptLog.Add(new OutboxAttempt { At = Now, Succeeded = false, Error = "421 try later" });
        db.Outbox.Add(message);
        db.Users.Add(new AppUser { UserName = "mover@example.org", Email = "mover@example.org", NormalizedEmail = "MOVER@EXAMPLE.ORG", NormalizedUserName = "MOVER@EXAMPLE.ORG", DisplayName = "Mover", CreatedAt = Now });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return source;
    }

    [Fact]
    public async Task EveryRowOfEveryTableArrivesWithItsValuesAndTheTotalsAgree()
    {
        var ct = TestContext.Current.CancellationToken;
        var source = await InstallationAsync();
        var target = await databases.CreateEmptyPostgreSqlDatabaseAsync();

        var report = await new DataMove(source.Path, target.Location, TextWriter.Null).RunAsync(ct);

        Assert.True(report.Matches, string.Join("; ", report.Mismatches));
        Assert.Equal(new DataMove.Gifts(2, 19_345, 297), report.Source.Donations["USD"]);
        Assert.Equal(new DataMove.Gifts(1, 50_000, 0), report.Source.Donations["EUR"]);
        Assert.Equal(report.Source.Donations, report.Target.Donations);
        await using var from = source.Open();
        await using var to = target.Open();
        var tables = from.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).ToList();
        Assert.Contains(tables, t => t.ClrType == typeof(OutboxAttachment));
        foreach (var type in tables)
        {
            var expected = await DumpAsync(from, type);
            Assert.Equal(expected, await DumpAsync(to, to.Model.FindEntityType(type.Name)!));
        }
        Assert.True(report.Source.Rows.Values.Sum() > 100);
    }

    [Fact]
    public async Task ANewRowOnTheMovedDatabaseGetsAnIdAfterTheMovedOnes()
    {
        var ct = TestContext.Current.CancellationToken;
        var source = await InstallationAsync();
        var target = await databases.CreateEmptyPostgreSqlDatabaseAsync();
        await new DataMove(source.Path, target.Location, TextWriter.Null).RunAsync(ct);

        await using var to = target.Open();
        var highest = await to.People.MaxAsync(p => p.Id, ct);
        var added = new Person { Name = "After The Move" };
        to.People.Add(added);
        await to.SaveChangesAsync(ct);

        Assert.True(added.Id > highest);
    }

    [Fact]
    public async Task ATargetThatAlreadyHoldsRecordsIsRefusedAndNothingIsWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        var source = await InstallationAsync();
        var target = await databases.CreatePostgreSqlDatabaseAsync();
        await using (var db = target.Open())
        {
            db.People.Add(new Person { Name = "Already Here" });
            await db.SaveChangesAsync(ct);
        }

        var refused = await Assert.ThrowsAsync<DataMoveException>(() => new DataMove(source.Path, target.Location, TextWriter.Null).RunAsync(ct));

        Assert.True(refused.Message.Contains("already holds records", StringComparison.Ordinal), refused.Message);
        Assert.Contains("People", refused.Message);
        Assert.Contains("Nothing was written", refused.Message);
        await using var check = target.Open();
        Assert.Equal(["Already Here"], await check.People.Select(p => p.Name).ToListAsync(ct));
        Assert.Equal(0, await check.Donations.CountAsync(ct));
    }

    [Fact]
    public async Task TheCommandPrintsBothSidesAndRefusesASecondMoveIntoTheSameDatabase()
    {
        var source = await InstallationAsync();
        var target = await databases.CreateEmptyPostgreSqlDatabaseAsync();
        var info = AppProcess.StartInfo();
        info.ArgumentList.Add("move-data");
        info.ArgumentList.Add("--to");
        info.ArgumentList.Add(target.Location);
        info.Environment["Records__DatabasePath"] = source.Path;

        var (exitCode, said) = await AppProcess.RunToEndAsync(info);

        Assert.True(exitCode == 0, said);
        Assert.Matches(@"Donations\s+3\s+3", said);
        Assert.Matches(@"USD amount\s+193\.45\s+193\.45", said);
        Assert.Matches(@"EUR amount\s+500\.00\s+500\.00", said);
        Assert.DoesNotContain("Now listening", said);

        var (again, refusal) = await AppProcess.RunToEndAsync(info);

        Assert.Equal(1, again);
        Assert.Contains("already holds records", refusal);
        Assert.DoesNotContain("   at ", refusal);
    }

    /// <summary>Each row as its properties' values in a form both engines give alike (instants to the microsecond, PostgreSQL's precision), sorted.</summary>
    private static async Task<List<string>> DumpAsync(RecordsDbContext db, IEntityType type)
    {
        Assert.False(type.HasSharedClrType, $"{type.Name} has no class of its own; read it through its table.");
        var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
        var rows = await set.ToListAsync(TestContext.Current.CancellationToken);
        var properties = type.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var dump = rows.Select(row => string.Join(" | ", properties.Select(p => $"{p.Name}={Text(db.Entry(row).Property(p.Name).CurrentValue)}"))).Order(StringComparer.Ordinal).ToList();
        db.ChangeTracker.Clear();
        return dump;
    }

    private static string Text(object? value) => value switch
    {
        null => "∅",
        DateTime instant => (instant.Ticks / 10).ToString(CultureInfo.InvariantCulture),
        DateTimeOffset instant => (instant.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
