namespace ComplaintOps.Data;

/// <summary>
/// Turn-taking, inside the process, for the database's single write lock. SQLite lets one transaction write at a time, and a
/// writer that finds the lock taken waits by polling (Microsoft.Data.Sqlite retries every 150 ms, SQLite's busy handler in
/// growing steps): under intake load that sleep, not the work, made the slowest answers (the intake writer waiting behind a
/// routing batch; docs/benchmarks.md, intake round 5). The busy writers — the intake writer, the routing dispatcher and the
/// alarm service (the SLA watchdog's and call-back job's alarms) — take turns here first, so each waits exactly as long as
/// another holds the lock and no longer. Writers that rarely meet them (an agent's save) still rely on SQLite's busy handler.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for the turn; dispose the result (after commit or rollback) to pass it on.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken ct = default)
    {
        await _turn.WaitAsync(ct);
        return new Turn(_turn);
    }

    public readonly struct Turn(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}
