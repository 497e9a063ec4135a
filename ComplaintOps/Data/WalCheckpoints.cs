using System.Data.Common;
using ComplaintOps.Infrastructure;
using ComplaintOps.Infrastructure.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Data;

/// <summary>
/// Copies the write-ahead log back into the database file on a background thread, instead of inside whichever commit
/// crosses SQLite's 1,000-page mark. That commit was usually the intake writer's: its group then also wrote the checkpoint
/// and fsynced the database file while 50 callers waited (round 6 of the intake benchmark, docs/benchmarks.md). A PASSIVE
/// checkpoint never blocks the writer or readers; the WAL is reset by the next write once everything is copied, and
/// <c>journal_size_limit</c> keeps the file from staying large. <see cref="StorageOptions.CheckpointMilliseconds"/> = 0
/// leaves SQLite's own automatic checkpoints.
/// </summary>
public sealed class WalCheckpointer(IOptions<StorageOptions> options, IHostEnvironment host, ILogger<WalCheckpointer> log)
    : BackgroundService
{
    private volatile bool _running;

    /// <summary>Whether checkpoints are taken here now (connections opened meanwhile turn SQLite's own off).</summary>
    public bool Running => _running;

    /// <summary>Checkpoints taken and pages copied so far (tests, diagnostics).</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);
    private long _checkpoints;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CheckpointMilliseconds;
        if (interval <= 0) return Task.CompletedTask;
        // Its own thread at a lower priority: the copy and the database file's fsync are slow and never urgent.
        return Task.Factory.StartNew(() => Loop(TimeSpan.FromMilliseconds(interval), stoppingToken), stoppingToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Loop(TimeSpan interval, CancellationToken ct)
    {
        BackgroundThreadPriority.LowerCurrentThread();
        // The app's database file (as the context factory opens it; not through it, which would need this to exist first).
        using var connection = new SqliteConnection($"Data Source={options.Value.ResolveDatabasePath(host.ContentRootPath)}");
        connection.Open();
        _running = true;
        try
        {
            while (!ct.WaitHandle.WaitOne(interval))
            {
                try
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    using var reader = command.ExecuteReader();
                    if (reader.Read() && reader.GetInt64(2) > 0) Interlocked.Increment(ref _checkpoints);
                }
                catch (SqliteException e)
                {
                    // A checkpoint that could not run now runs next time; nothing is lost (the WAL keeps every page).
                    log.LogWarning(e, "WAL checkpoint failed; retrying in {Interval} ms", interval.TotalMilliseconds);
                }
            }
        }
        finally
        {
            _running = false;
        }
    }
}

/// <summary>Turns SQLite's own automatic checkpoint off on each connection while <see cref="WalCheckpointer"/> takes them.</summary>
public sealed class SqliteCheckpointMode(WalCheckpointer checkpointer) : DbConnectionInterceptor
{
    /// <summary>After a reset, the WAL file is cut back to 64 MB.</summary>
    private const string Limit = "PRAGMA journal_size_limit = 67108864;";

    private string Pragmas => $"PRAGMA wal_autocheckpoint = {(checkpointer.Running ? 0 : 1000)}; {Limit}";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
