using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Records.Core.Data;
using Records.Core.Data.CompiledModel;

namespace Records.Tests.Data;

/// <summary>
/// The app runs on the compiled model in Records.Core/Data/CompiledModel; when the entity configurations change
/// without regenerating it (README, "Changing the data model"), these fail instead of the app running on a stale model.
/// </summary>
public class CompiledModelTests
{
    [Fact]
    public void TheAppRunsOnTheCompiledModel()
    {
        using var db = Open();

        Assert.IsType<RecordsDbContextModel>(db.Model);
    }

    [Fact]
    public void APostgreSqlContextBuildsItsOwnModel()
    {
        var options = new DbContextOptionsBuilder<RecordsDbContext>();
        RecordsDatabase.Configure(options, new DatabaseTarget(DatabaseProvider.PostgreSql, "Host=localhost;Database=records_model"), TimeProvider.System);
        using var db = new RecordsDbContext(options.Options);

        Assert.IsNotType<RecordsDbContextModel>(db.Model);
        var name = db.Model.GetRelationalModel().FindTable("People", null)!.FindColumn("Name")!;
        Assert.Equal("text", name.StoreType);
    }

    [Fact]
    public void TheCompiledModelHasTheTablesOfTheConfigurations()
    {
        using var db = Open();
        var configured = db.GetService<IDesignTimeModel>().Model;

        Assert.Equal(Tables(configured), Tables(db.Model));
    }

    [Fact]
    public void TheCompiledModelHasTheEntitiesOfTheConfigurations()
    {
        using var db = Open();
        var configured = db.GetService<IDesignTimeModel>().Model;

        // Properties with their types, conversions, lengths, concurrency tokens and value generation; keys, relationships
        // with their delete behaviour, indexes and navigations.
        Assert.Equal(Lines(configured.ToDebugString(MetadataDebugStringOptions.ShortDefault)), Lines(db.Model.ToDebugString(MetadataDebugStringOptions.ShortDefault)));
    }

    /// <summary>
    /// What the app reads and writes through: filters, check constraints and collations are left out, since only
    /// migrations use them and migrations are made from the configurations, never from the compiled model.
    /// </summary>
    private static List<string> Tables(IModel model) =>
    [
        .. model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(table => (IEnumerable<string>)
        [
            $"table {table.Name} key {table.PrimaryKey?.Name}({Names(table.PrimaryKey?.Columns)})",
            .. table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => $"  column {c.Name} {c.StoreType}{(c.IsNullable ? " null" : "")}{(c.IsRowVersion ? " rowversion" : "")}"),
            .. table.UniqueConstraints.OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => $"  unique {u.Name}({Names(u.Columns)})"),
            .. table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => $"  index {i.Name}({Names(i.Columns)}){(i.IsUnique ? " unique" : "")}"),
            .. table.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => $"  foreign key {f.Name}({Names(f.Columns)}) -> {f.PrincipalTable.Name}({Names(f.PrincipalColumns)}) on delete {f.OnDeleteAction}"),
        ]),
    ];

    private static string Names(IEnumerable<IColumn>? columns) => string.Join(", ", columns?.Select(c => c.Name) ?? []);

    /// <summary>The ad-hoc entity types that raw SQL queries add to the shared compiled model as the tests run are left out.</summary>
    private static List<string> Lines(string text) => [.. text.Split('\n').TakeWhile(line => line != "  Ad-hoc entity types:")];

    private static RecordsDbContext Open()
    {
        // Building either model opens no connection, so the file is never made.
        var options = new DbContextOptionsBuilder<RecordsDbContext>();
        RecordsDatabase.Configure(options, Path.Combine(Path.GetTempPath(), $"records-model-{Guid.NewGuid():N}.db"), TimeProvider.System);
        return new RecordsDbContext(options.Options);
    }
}
