using Microsoft.Data.Sqlite;

namespace Records.Benchmarks.Capture;

/// <summary>One SQL command as EF Core sent it, with its parameter values, to be run again without EF.</summary>
public sealed record CapturedCommand(string Text, IReadOnlyList<CapturedParameter> Parameters)
{
    public SqliteCommand CreateCommand(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Text;
        foreach (var p in Parameters)
        {
            command.Parameters.Add(new SqliteParameter(p.Name, p.Value) { SqliteType = p.Type, Size = p.Size });
        }
        return command;
    }
}

/// <summary>A parameter's name, value and the SQLite type it was bound as.</summary>
public sealed record CapturedParameter(string Name, object? Value, SqliteType Type, int Size);
