using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Records.Core.Data;

namespace Records.Migrations;

/// <summary>Lets `dotnet ef` build the model without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RecordsDbContext>
{
    public RecordsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RecordsDbContext>();
        RecordsDatabase.Configure(options, Path.Combine(Path.GetTempPath(), "records-design.db"), TimeProvider.System);
        return new RecordsDbContext(options.Options);
    }
}
