using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Records.Core.Amounts;
using Records.Core.Donations;

namespace Records.Core.Data;

/// <summary>A move refused or stopped for a reason the person running it can act on; the message is one line.</summary>
public sealed class DataMoveException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Moves an installation from its SQLite file into an empty PostgreSQL database: every table of the model, in one
/// transaction, each value read as the SQLite model stores it and written as the PostgreSQL model does; then the
/// identity sequences continue after the copied ids, and the row counts and donation totals of both sides are compared.
/// Any difference rolls the whole move back. The SQLite file is only read.
/// </summary>
public sealed class DataMove(string sourcePath, string targetConnectionString, TextWriter log)
{
    /// <summary>Refuses a connection string that cannot be read, a server that does not answer, or a database that already holds records; null when the move may go ahead. Writes nothing.</summary>
    public static async Task<string?> RefusalAsync(string targetConnectionString, CancellationToken ct = default)
    {
        try
        {
            var target = Target(targetConnectionString);
            await RefuseFilledAsync(target, SeedRows(target), ct);
            return null;
        }
        catch (DataMoveException e)
        {
            return e.Message;
        }
    }

    /// <summary>Moves the records; throws <see cref="DataMoveException"/> when refused. A report that does not match means nothing was kept.</summary>
    public async Task<DataMoveReport> RunAsync(CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var target = Target(targetConnectionString);
        var source = Path.GetFullPath(sourcePath);
        await using var sourceDb = await OpenSourceAsync(source, ct);

        await using var targetDb = Context(new DatabaseTarget(DatabaseProvider.PostgreSql, target.ConnectionString));
        var seedRows = SeedRows(targetDb);
        await RefuseFilledAsync(target, seedRows, ct);
        try
        {
            await RecordsDatabase.MigrateAsync(targetDb, ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new DataMoveException($"The PostgreSQL database {Describe(target)} could not be created or migrated: {FirstLine(e)}", e);
        }
        log.WriteLine($"{Describe(target)} is migrated ({clock.Elapsed.TotalSeconds:F1} s).");

        var tables = CopyOrder(targetDb.Model.GetRelationalModel().Tables.ToList());
        var plans = tables.Select(t => TablePlan.For(t, sourceDb.Model)).ToList();

        await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await from.OpenAsync(ct);
        // One read transaction: every table and every count is read from the same snapshot of the file.
        await using var reading = from.BeginTransaction(IsolationLevel.Serializable, deferred: true);
        var sourceSide = await Side.ReadAsync(from, plans, sourceDb.Model, ct);

        await using var to = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
        await to.OpenAsync(ct);
        await using var writing = await to.BeginTransactionAsync(ct);
        var names = string.Join(", ", plans.Select(p => Quote(p.Table)));
        try
        {
            // Held to the end: no instance started early writes between the check and the commit.
            await ExecuteAsync(to, $"SET LOCAL lock_timeout = '30s'; LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE; SET LOCAL lock_timeout = 0;", ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new DataMoveException($"The PostgreSQL database {Describe(target)} is in use by another connection (an app instance?); stop it and move again. Nothing was written.", e);
        }
        await RefuseFilledAsync(to, target, plans.Select(p => p.Table).ToList(), seedRows, ct);
        // The migrations' own rows (model seed data) give way to the installation's.
        await ExecuteAsync(to, $"TRUNCATE {names};", ct);

        long copied = 0;
        foreach (var plan in plans)
        {
            var started = clock.Elapsed;
            var rows = await CopyAsync(from, to, plan, ct);
            copied += rows;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{plan.Table,-28} {rows,12:N0} rows {(clock.Elapsed - started).TotalSeconds,7:F1} s"));
        }
        await ContinueSequencesAsync(to, plans, ct);

        var targetSide = await Side.ReadAsync(to, plans, targetDb.Model, ct);
        await reading.CommitAsync(ct);
        var report = DataMoveReport.Compare(sourceSide, targetSide, copied, clock.Elapsed);
        if (report.Matches) await writing.CommitAsync(ct);
        else await writing.RollbackAsync(ct);
        return report;
    }

    private static NpgsqlConnectionStringBuilder Target(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) throw new DataMoveException("No PostgreSQL connection string was given.");
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DataMoveException($"The PostgreSQL connection string cannot be read: {FirstLine(e)}", e);
        }
        if (string.IsNullOrWhiteSpace(builder.Host)) throw new DataMoveException("The PostgreSQL connection string names no server (Host=…).");
        if (string.IsNullOrWhiteSpace(builder.Database)) throw new DataMoveException("The PostgreSQL connection string names no database (Database=…); the move fills a database of its own.");
        return builder;
    }

    private static string Describe(NpgsqlConnectionStringBuilder target) => $"'{target.Database}' on {target.Host}:{target.Port}";

    private static string FirstLine(Exception e)
    {
        var message = (e.InnerException is SocketException inner ? inner.Message : e.Message).Trim();
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        message = end < 0 ? message : message[..end].Trim();
        return message.EndsWith('.') ? message : message + ".";
    }

    private static RecordsDbContext Context(DatabaseTarget target)
    {
        var options = new DbContextOptionsBuilder<RecordsDbContext>();
        RecordsDatabase.Configure(options, target, TimeProvider.System);
        return new RecordsDbContext(options.Options);
    }

    /// <summary>The SQLite model on the file, which must exist and have every migration: the move reads it as the app would.</summary>
    private static async Task<RecordsDbContext> OpenSourceAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path)) throw new DataMoveException($"There is no SQLite database at '{path}'. Set Records:DatabasePath (environment variable Records__DatabasePath) to the installation's file.");
        var db = Context(new DatabaseTarget(DatabaseProvider.Sqlite, path));
        try
        {
            var applied = await db.Database.GetAppliedMigrationsAsync(ct);
            var missing = db.Database.GetMigrations().Except(applied).ToList();
            if (missing.Count > 0)
            {
                throw new DataMoveException(applied.Any()
                    ? $"The SQLite database at '{path}' lacks {missing.Count} migration(s) ({missing[^1]}): start the app on it once, which brings it up to date, then move it."
                    : $"'{path}' is not a Records database (it has no migrations applied).");
            }
            return db;
        }
        catch (SqliteException e)
        {
            await db.DisposeAsync();
            throw new DataMoveException($"'{path}' cannot be read as a SQLite database: {FirstLine(e)}", e);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Rows the migrations themselves put in a table (the model's seed data): a database holding only those is empty.</summary>
    private static Dictionary<string, int> SeedRows(RecordsDbContext db) =>
        db.GetService<IDesignTimeModel>().Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null)
            .GroupBy(t => t.GetTableName()!)
            .ToDictionary(g => g.Key, g => g.Sum(t => t.GetSeedData().Count()));

    private static Dictionary<string, int> SeedRows(NpgsqlConnectionStringBuilder target)
    {
        using var db = Context(new DatabaseTarget(DatabaseProvider.PostgreSql, target.ConnectionString));
        return SeedRows(db);
    }

    /// <summary>Before anything is written: a database that does not exist yet is empty; one with rows in any table but the migrations' history is refused.</summary>
    private static async Task RefuseFilledAsync(NpgsqlConnectionStringBuilder target, Dictionary<string, int> seedRows, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            throw new DataMoveException($"The PostgreSQL server at {target.Host}:{target.Port} cannot be reached: {FirstLine(e)} Check the connection string.", e);
        }
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() AND c.relname <> '__EFMigrationsHistory' ORDER BY c.relname", connection))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        }
        await RefuseFilledAsync(connection, target, tables, seedRows, ct);
    }

    private static async Task RefuseFilledAsync(NpgsqlConnection connection, NpgsqlConnectionStringBuilder target, IReadOnlyList<string> tables, Dictionary<string, int> seedRows, CancellationToken ct)
    {
        var filled = new List<string>();
        foreach (var table in tables)
        {
            var allowed = seedRows.GetValueOrDefault(table);
            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM (SELECT 1 FROM {Quote(table)} LIMIT {allowed + 1}) AS t", connection);
            if ((long)(await count.ExecuteScalarAsync(ct))! > allowed) filled.Add(table);
        }
        if (filled.Count > 0)
        {
            throw new DataMoveException($"The PostgreSQL database {Describe(target)} already holds records ({string.Join(", ", filled.Take(5))}{(filled.Count > 5 ? ", …" : "")}); " +
                "the move only fills an empty database. Nothing was written.");
        }
    }

    /// <summary>Parents before children, so each row's foreign keys find their rows; a table's references to itself are checked at the end of its COPY.</summary>
    internal static List<ITable> CopyOrder(List<ITable> tables)
    {
        var order = new List<ITable>();
        var done = new HashSet<ITable>();
        var visiting = new HashSet<ITable>();
        void Visit(ITable table)
        {
            if (done.Contains(table)) return;
            if (!visiting.Add(table)) throw new NotSupportedException($"The tables' foreign keys form a cycle through {table.Name}; the move cannot order them.");
            foreach (var parent in table.ForeignKeyConstraints.Select(f => f.PrincipalTable).Where(p => p != table).OrderBy(p => p.Name, StringComparer.Ordinal)) Visit(parent);
            visiting.Remove(table);
            done.Add(table);
            order.Add(table);
        }
        foreach (var table in tables.OrderBy(t => t.Name, StringComparer.Ordinal)) Visit(table);
        return order;
    }

    private static async Task<long> CopyAsync(SqliteConnection from, NpgsqlConnection to, TablePlan plan, CancellationToken ct)
    {
        await using var read = from.CreateCommand();
        read.CommandText = $"SELECT {string.Join(", ", plan.Columns.Select(c => Quote(c.SourceName)))} FROM {Quote(plan.SourceTable)}";
        await using var reader = await read.ExecuteReaderAsync(ct);
        try
        {
            await using var importer = await to.BeginBinaryImportAsync(
                $"COPY {Quote(plan.Table)} ({string.Join(", ", plan.Columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
            importer.Timeout = Timeout.InfiniteTimeSpan;
            while (await reader.ReadAsync(ct))
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < plan.Columns.Count; i++)
                {
                    var column = plan.Columns[i];
                    if (reader.IsDBNull(i)) await importer.WriteNullAsync(ct);
                    else await importer.WriteAsync(column.Convert(column.Read(reader, i)), column.TargetType, ct);
                }
            }
            return (long)await importer.CompleteAsync(ct);
        }
        catch (Exception e) when (e is PostgresException or FormatException or InvalidCastException)
        {
            throw new DataMoveException($"Copying {plan.Table} failed: {FirstLine(e)} Nothing was written.", e);
        }
    }

    /// <summary>Each identity column's sequence continues after the largest id copied, so new rows get new ids.</summary>
    private static async Task ContinueSequencesAsync(NpgsqlConnection to, IReadOnlyList<TablePlan> plans, CancellationToken ct)
    {
        var identities = new List<(string Table, string Column)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() " +
            "AND (is_identity = 'YES' OR column_default LIKE 'nextval(%') ORDER BY table_name, column_name", to))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) identities.Add((reader.GetString(0), reader.GetString(1)));
        }
        var tables = plans.Select(p => p.Table).ToHashSet();
        foreach (var (table, column) in identities.Where(i => tables.Contains(i.Table)))
        {
            var literal = Quote(table).Replace("'", "''", StringComparison.Ordinal);
            await ExecuteAsync(to, $"SELECT setval(pg_get_serial_sequence('{literal}', '{column.Replace("'", "''", StringComparison.Ordinal)}'), " +
                $"COALESCE(MAX({Quote(column)}), 0) + 1, false) FROM {Quote(table)};", ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>One table's columns: where each is read on SQLite, how it is typed there, and how PostgreSQL's model writes it.</summary>
    internal sealed record TablePlan(string Table, string SourceTable, IReadOnlyList<ColumnPlan> Columns)
    {
        public static TablePlan For(ITable table, IModel sourceModel)
        {
            string? sourceTable = null;
            var columns = new List<ColumnPlan>();
            foreach (var column in table.Columns)
            {
                var mapping = column.PropertyMappings[0];
                var entity = mapping.Property.DeclaringType as IReadOnlyEntityType
                    ?? throw new NotSupportedException($"{table.Name}.{column.Name} belongs to {mapping.Property.DeclaringType.Name}, which is not an entity; the move copies entities' columns.");
                var sourceEntity = sourceModel.FindEntityType(entity.Name)
                    ?? throw new InvalidOperationException($"The SQLite model has no {entity.Name}.");
                var sourceProperty = sourceEntity.FindProperty(mapping.Property.Name)
                    ?? throw new InvalidOperationException($"The SQLite model has no {entity.Name}.{mapping.Property.Name}.");
                sourceTable ??= sourceEntity.GetTableName();
                columns.Add(ColumnPlan.For(column.Name, sourceProperty.GetColumnName(), sourceProperty.GetRelationalTypeMapping(), mapping.TypeMapping));
            }
            return new TablePlan(table.Name, sourceTable ?? table.Name, columns);
        }
    }

    internal sealed record ColumnPlan(string Name, string SourceName, Func<DbDataReader, int, object> Read, Func<object, object> Convert, string TargetType)
    {
        public static ColumnPlan For(string name, string sourceName, RelationalTypeMapping source, RelationalTypeMapping target)
        {
            var stored = Nullable.GetUnderlyingType(source.Converter?.ProviderClrType ?? source.ClrType) ?? source.Converter?.ProviderClrType ?? source.ClrType;
            var fromSource = source.Converter;
            var toTarget = target.Converter;
            return new ColumnPlan(name, sourceName, Reader(stored), value =>
            {
                var model = fromSource is null ? value : fromSource.ConvertFromProvider(value)!;
                var written = toTarget is null ? model : toTarget.ConvertToProvider(model)!;
                // Npgsql writes timestamptz from UTC only; the instant is the same.
                return written is DateTimeOffset offset ? offset.ToUniversalTime() : written;
            }, target.StoreTypeNameBase);
        }

        private static readonly MethodInfo ReadAs = typeof(ColumnPlan).GetMethod(nameof(ReadValue), BindingFlags.NonPublic | BindingFlags.Static)!;

        private static Func<DbDataReader, int, object> Reader(Type type) =>
            ReadAs.MakeGenericMethod(type).CreateDelegate<Func<DbDataReader, int, object>>();

        private static object ReadValue<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;
    }

    /// <summary>What one side holds: rows per table and gifts per currency, each summed by the engine in SQL.</summary>
    public sealed record Side(IReadOnlyDictionary<string, long> Rows, IReadOnlyDictionary<string, Gifts> Donations)
    {
        internal static async Task<Side> ReadAsync(DbConnection connection, IReadOnlyList<TablePlan> plans, IModel model, CancellationToken ct)
        {
            var sqlite = connection is SqliteConnection;
            var rows = new Dictionary<string, long>();
            foreach (var plan in plans)
            {
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM {Quote(sqlite ? plan.SourceTable : plan.Table)}";
                rows[plan.Table] = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            }
            var donation = model.FindEntityType(typeof(Donation))!;
            string Column(string property) => Quote(donation.FindProperty(property)!.GetColumnName());
            var gifts = new Dictionary<string, Gifts>();
            await using (var sums = connection.CreateCommand())
            {
                sums.CommandText = $"SELECT {Column(nameof(Donation.Currency))}, COUNT(*), SUM({Column(nameof(Donation.AmountMinor))}), SUM({Column(nameof(Donation.FeeMinor))}) " +
                    $"FROM {Quote(donation.GetTableName()!)} GROUP BY {Column(nameof(Donation.Currency))}";
                await using var reader = await sums.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    gifts[reader.GetString(0)] = new Gifts(
                        Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
                        Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture),
                        Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture));
                }
            }
            return new Side(rows, gifts);
        }
    }

    /// <summary>Gifts in one currency: how many, their amounts and their processor fees, in minor units.</summary>
    public sealed record Gifts(long Count, long AmountMinor, long FeeMinor);
}

/// <summary>Both sides of a move, table by table and currency by currency; a move whose sides differ was rolled back.</summary>
public sealed record DataMoveReport(DataMove.Side Source, DataMove.Side Target, long RowsCopied, TimeSpan Elapsed)
{
    public static DataMoveReport Compare(DataMove.Side source, DataMove.Side target, long rowsCopied, TimeSpan elapsed) => new(source, target, rowsCopied, elapsed);

    public IReadOnlyList<string> Tables => Source.Rows.Keys.Union(Target.Rows.Keys).Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> Currencies => Source.Donations.Keys.Union(Target.Donations.Keys).Order(StringComparer.Ordinal).ToList();

    /// <summary>Each difference between the two sides, in words; none when the move was kept.</summary>
    public IReadOnlyList<string> Mismatches =>
    [
        .. Tables.Where(t => Source.Rows.GetValueOrDefault(t, -1) != Target.Rows.GetValueOrDefault(t, -1))
            .Select(t => $"{t}: {Count(Source.Rows, t)} rows in SQLite, {Count(Target.Rows, t)} in PostgreSQL"),
        .. Currencies.Where(c => Source.Donations.GetValueOrDefault(c) != Target.Donations.GetValueOrDefault(c))
            .Select(c => $"Donations in {c}: {Describe(Source.Donations.GetValueOrDefault(c), c)} in SQLite, {Describe(Target.Donations.GetValueOrDefault(c), c)} in PostgreSQL"),
    ];

    public bool Matches => Mismatches.Count == 0;

    private static string Count(IReadOnlyDictionary<string, long> rows, string table) =>
        rows.TryGetValue(table, out var count) ? count.ToString("N0", CultureInfo.InvariantCulture) : "no table";

    private static string Describe(DataMove.Gifts? gifts, string currency) => gifts is null
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{gifts.Count:N0} gifts of {new Money(gifts.AmountMinor, currency).Number()} (fees {new Money(gifts.FeeMinor, currency).Number()})");

    /// <summary>The table the command prints: rows per table, then gifts per currency, for both sides.</summary>
    public IEnumerable<string> Lines()
    {
        var inv = CultureInfo.InvariantCulture;
        yield return string.Create(inv, $"{"table",-28} {"SQLite",14} {"PostgreSQL",14}");
        foreach (var table in Tables)
        {
            yield return string.Create(inv, $"{table,-28} {Count(Source.Rows, table),14} {Count(Target.Rows, table),14}{Mark(Source.Rows.GetValueOrDefault(table, -1) == Target.Rows.GetValueOrDefault(table, -1))}");
        }
        yield return "";
        yield return string.Create(inv, $"{"donations by currency",-28} {"SQLite",30} {"PostgreSQL",30}");
        foreach (var currency in Currencies)
        {
            var source = Source.Donations.GetValueOrDefault(currency);
            var target = Target.Donations.GetValueOrDefault(currency);
            yield return string.Create(inv, $"{currency + " gifts",-28} {source?.Count.ToString("N0", inv) ?? "none",30} {target?.Count.ToString("N0", inv) ?? "none",30}{Mark(source == target)}");
            yield return string.Create(inv, $"{currency + " amount",-28} {Amount(source?.AmountMinor, currency),30} {Amount(target?.AmountMinor, currency),30}");
            yield return string.Create(inv, $"{currency + " fees",-28} {Amount(source?.FeeMinor, currency),30} {Amount(target?.FeeMinor, currency),30}");
        }
    }

    private static string Amount(long? minor, string currency) => minor is { } m ? new Money(m, currency).Number() : "none";

    private static string Mark(bool same) => same ? "" : "  differs";
}
