using Microsoft.Data.Sqlite;

namespace Records.Benchmarks.Capture;

/// <summary>One SQL command as EF Core sent it, with its parameter values, to be run again without EF.</summary>
public sealed class CapturedCommand(string text, IReadOnlyList<CapturedParameter> parameters)
{
    public string Text { get; } = text;

    public IReadOnlyList<CapturedParameter> Parameters { get; } = parameters;

    /// <summary>How many times EF called Read on its reader (known once the reader is disposed), to check a replay against.</summary>
    public int? ReadCalls { get; set; }

    public SqliteCommand CreateCommand(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Text;
        // Size is not copied: unset it reads as 0, and an explicit 0 would truncate every text value to nothing.
        foreach (var p in Parameters) command.Parameters.Add(new SqliteParameter(p.Name, p.Value) { SqliteType = p.Type });
        return command;
    }
}

/// <summary>A parameter's name, value and the SQLite type it was bound as.</summary>
public sealed record CapturedParameter(string Name, object? Value, SqliteType Type);
