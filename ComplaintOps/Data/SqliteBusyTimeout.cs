using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace ComplaintOps.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock instead of returning SQLITE_BUSY at once, which Microsoft.Data.Sqlite answers
/// by sleeping 150 ms before trying again (under concurrent writes those sleeps, not the work, set the latency;
/// docs/benchmarks.md, intake over HTTP). The wait retries every millisecond, for up to <see cref="Milliseconds"/>:
/// SQLite's own busy handler (PRAGMA busy_timeout) backs off to sleeps of 25–100 ms, so the intake writer, kept waiting
/// by a scheduler transaction of a few milliseconds on the same file, slept ~50 ms at BEGIN (docs/benchmarks.md, intake
/// round 7). Set once per physical connection (the pool keeps the handle and its handler).
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 5000;

    private readonly ConditionalWeakTable<object, object> _configured = [];
    private static long _retries;

    /// <summary>Times any connection of the process retried a lock so far (tests: how finely a wait polls).</summary>
    internal static long Retries => Interlocked.Read(ref _retries);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    private void Configure(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || !_configured.TryAdd(handle, handle)) return;
        var rc = sqlite3_busy_handler(handle.DangerousGetHandle(), Retry, IntPtr.Zero);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, handle);
    }

    /// <summary>SQLite's busy handler: <paramref name="tries"/> is how many times it was called already for this wait.</summary>
    private static int RetryEveryMillisecond(IntPtr user, int tries)
    {
        Interlocked.Increment(ref _retries);
        if (tries >= Milliseconds) return 0;
        Thread.Sleep(1);
        return 1;
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyHandler(IntPtr user, int tries);

    /// <summary>Kept in a static field: native code holds a pointer to it for as long as the process runs.</summary>
    private static readonly BusyHandler Retry = RetryEveryMillisecond;

    // SQLitePCLRaw 2.1 does not wrap sqlite3_busy_handler; the same native library it loads ("e_sqlite3") has it.
    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_busy_handler(IntPtr db, BusyHandler handler, IntPtr user);
}
