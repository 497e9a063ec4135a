using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintOps.Data;

/// <summary>
/// Reads the database through a memory map and gives each connection a larger page cache. An intake inserts into the
/// complaints table and its ~20 indexes; with SQLite's defaults (no map, 2 MB cache per connection) every index page
/// touched is copied in from the file by a read() each time, which showed as a large share of the intake writer's time
/// (docs/benchmarks.md, intake round 4). Set once per physical connection: the pool reuses connections and both
/// settings last as long as the connection does.
/// </summary>
public sealed class SqliteMemoryMap : DbConnectionInterceptor
{
    /// <summary>Up to 1 GiB of the file mapped (the OS page cache, shared by all connections; not extra memory of the process).</summary>
    private const string Pragmas = "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -16384;";

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether this physical connection (its native handle, kept across pooled opens) is seen for the first time.</summary>
    private bool FirstOpen(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _configured.TryAdd(handle, handle);
}
