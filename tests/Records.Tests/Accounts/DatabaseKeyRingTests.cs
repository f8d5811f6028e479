using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Records.Core.Data;
using Records.Tests.Infrastructure;
using Records.Web.Infrastructure;

namespace Records.Tests.Accounts;

/// <summary>The key ring in the database: what one instance of the app protects (a login, a form's token) another on the same database reads.</summary>
public class DatabaseKeyRingTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static ServiceProvider Instance(TestDatabase database) =>
        new ServiceCollection()
            .AddPooledDbContextFactory<RecordsDbContext>(options => database.Configure(options))
            .AddDataProtection().SetApplicationName("Records").Services
            .AddLogging()
            .AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, services) => o.XmlRepository = new DatabaseKeyRing(services)).Services
            .BuildServiceProvider();

    [Fact]
    public async Task WhatOneInstanceProtectsAnotherOnTheSameDatabaseReads()
    {
        var database = await fixture.CreateDatabaseAsync();
        await using var first = Instance(database);
        await using var second = Instance(database);

        var sealedByFirst = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("login").Protect("ada@records.local");

        Assert.Equal("ada@records.local", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("login").Unprotect(sealedByFirst));
        await using var db = database.Open();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.AuditEntries.Where(a => a.EntityType.Contains("DataProtection")).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnInstanceOnAnotherDatabaseCannotReadIt()
    {
        await using var first = Instance(await fixture.CreateDatabaseAsync());
        await using var stranger = Instance(await fixture.CreateDatabaseAsync());

        var sealedByFirst = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("login").Protect("ada@records.local");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => stranger.GetRequiredService<IDataProtectionProvider>().CreateProtector("login").Unprotect(sealedByFirst));
    }
}
