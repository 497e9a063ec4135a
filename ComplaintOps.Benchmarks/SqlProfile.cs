using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintOps.Benchmarks;

/// <summary>
/// Elapsed time per SQL statement shape and per transaction step, summed over a run (intake --profile):
/// where a request's time goes, wall-clock, including waits for the write lock.
/// </summary>
internal sealed partial class SqlProfile : DbCommandInterceptor, IDbTransactionInterceptor
{
    private sealed class Stat
    {
        public long Count;
        public long Ticks;
    }

    private readonly ConcurrentDictionary<string, Stat> _stats = new();
    private readonly ConditionalWeakTable<object, StrongBox<long>> _started = [];

    public void Reset() => _stats.Clear();

    private void Begin(object key) => _started.AddOrUpdate(key, new StrongBox<long>(Stopwatch.GetTimestamp()));

    private void End(object key, string label)
    {
        if (!_started.TryGetValue(key, out var start)) return;
        _started.Remove(key);
        var stat = _stats.GetOrAdd(label, _ => new Stat());
        Interlocked.Increment(ref stat.Count);
        Interlocked.Add(ref stat.Ticks, Stopwatch.GetTimestamp() - start.Value);
    }

    private static string Label(DbCommand command)
    {
        var sql = Whitespace().Replace(command.CommandText, " ").Trim();
        // Long column lists hide what tells two statements apart: keep the head and what follows FROM.
        var from = sql.IndexOf(" FROM ", StringComparison.Ordinal);
        if (sql.StartsWith("SELECT", StringComparison.Ordinal) && from > 60) sql = sql[..50] + " … " + sql[from..];
        return sql.Length > 160 ? sql[..160] + "…" : sql;
    }

    public string Report(long requests)
    {
        var text = new StringBuilder();
        text.AppendLine($"| statement / step (EF, app side) | count | per request | total ms per request | mean ms |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (label, stat) in _stats.OrderByDescending(s => s.Value.Ticks))
        {
            var ms = stat.Ticks * 1000.0 / Stopwatch.Frequency;
            text.AppendLine($"| `{label.Replace("|", "\\|", StringComparison.Ordinal)}` | {stat.Count:N0} | {stat.Count / (double)requests:F2} | {ms / requests:F2} | {ms / stat.Count:F2} |");
        }
        return text.ToString();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Begin(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Begin(command);
        return result;
    }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        End(command, Label(command));
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        End(command, Label(command));
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        End(command, Label(command));
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Begin(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        End(command, Label(command));
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Begin(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        End(command, Label(command));
        return ValueTask.FromResult(result);
    }

    // Transactions: BEGIN (waits for the write lock when another writer holds it), held time, COMMIT (the WAL write and fsync).
    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Begin(connection);
        return ValueTask.FromResult(result);
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        End(connection, "[tx] BEGIN (incl. wait for the write lock)");
        Begin(result);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        End(transaction, "[tx] held from BEGIN to COMMIT");
        Begin(transaction);
        return ValueTask.FromResult(result);
    }

    public ValueTask TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        End(transaction, "[tx] COMMIT");
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
