using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Records.Core.Data;

namespace Records.Migrations.PostgreSQL;

/// <summary>Lets `dotnet ef` build the PostgreSQL model without a server: adding a migration never connects.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RecordsDbContext>
{
    public RecordsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RecordsDbContext>();
        RecordsDatabase.Configure(options, new DatabaseTarget(DatabaseProvider.PostgreSql, "Host=localhost;Database=records_design"), TimeProvider.System);
        return new RecordsDbContext(options.Options);
    }
}
