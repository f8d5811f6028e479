using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Records.Volume;

/// <summary>
/// Inserts entities with one prepared statement per table, reading columns, converters and parameter types from the
/// EF model, so that rows written in bulk are stored exactly as EF would store them (enums as text, Guids as text, UTC).
/// </summary>
internal sealed class BulkTable<T> : IDisposable where T : class
{
    private readonly SqliteCommand command;
    private readonly Column[] columns;

    private sealed record Column(IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter);

    public BulkTable(SqliteConnection connection, SqliteTransaction transaction, IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => !p.IsShadowProperty()).ToArray();

        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(store)}\""))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
        columns = properties.Select((p, i) =>
        {
            var mapping = p.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, $"@p{i}", null, p.IsNullable);
            command.Parameters.Add(parameter);
            return new Column(p.GetGetter(), mapping.Converter, parameter);
        }).ToArray();
        command.Prepare();
    }

    public int Count { get; private set; }

    public void Insert(T row)
    {
        foreach (var column in columns)
        {
            var value = column.Getter.GetClrValueUsingContainingEntity(row);
            if (value is not null && column.Converter is not null) value = column.Converter.ConvertToProvider(value);
            column.Parameter.Value = value ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
        Count++;
    }

    public void InsertAll(IEnumerable<T> rows)
    {
        foreach (var row in rows) Insert(row);
    }

    public void Dispose() => command.Dispose();
}
