using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Records.Benchmarks.Capture;

/// <summary>
/// Records the text and parameter values of every query EF Core runs while <paramref name="capturing"/> says so.
/// Writes are only counted: a baseline that replays reads must never repeat a write.
/// </summary>
public sealed class CommandCapture(Func<bool> capturing) : DbCommandInterceptor
{
    private readonly ConcurrentQueue<CapturedCommand> commands = new();
    private readonly ConditionalWeakTable<DbCommand, CapturedCommand> open = new();
    private int writes;

    public IReadOnlyList<CapturedCommand> Commands => commands.ToArray();

    public int Writes => Volatile.Read(ref writes);

    public void Clear()
    {
        commands.Clear();
        open.Clear();
        Interlocked.Exchange(ref writes, 0);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (capturing()) Interlocked.Increment(ref writes);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (capturing()) Interlocked.Increment(ref writes);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (open.TryGetValue(command, out var captured))
        {
            captured.ReadCalls = eventData.ReadCount;
            open.Remove(command);
        }
        return result;
    }

    private void Record(DbCommand command)
    {
        if (!capturing()) return;
        var parameters = command.Parameters.Cast<DbParameter>()
            .Select(p => new CapturedParameter(p.ParameterName, p.Value, p is SqliteParameter s ? s.SqliteType : SqliteType.Text))
            .ToList();
        var captured = new CapturedCommand(command.CommandText, parameters);
        open.AddOrUpdate(command, captured);
        commands.Enqueue(captured);
    }
}
