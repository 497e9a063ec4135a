using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintOps.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock (its busy handler retries after 1, 2, 5, 10… ms) instead of returning
/// SQLITE_BUSY at once, which Microsoft.Data.Sqlite answers by sleeping 150 ms before trying again. Under concurrent
/// writes (the intake API) those 150 ms sleeps, not the work, set the latency (docs/benchmarks.md, intake over HTTP).
/// Microsoft.Data.Sqlite's own retry loop still bounds the total wait by the command timeout.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 5000;
    private const string Pragma = "PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
