namespace ComplaintOps.Infrastructure;

/// <summary>
/// Starts the thread pool with enough workers for SQLite. Microsoft.Data.Sqlite's "async" calls complete synchronously, so
/// a background query (the owner counts' refresh, the SLA watchdog's pages, the routing sweep) holds a pool thread for its
/// whole run; on a 2-core machine the pool starts with 2 workers and adds one about every half second when they are all
/// held, and every request in the process waited that long — a stall of 0.12–0.35 s once a minute in the intake benchmark
/// (docs/benchmarks.md, intake round 6). Section "Hosting", key <c>MinThreadPoolThreads</c> (0: the runtime's default).
/// </summary>
public static class ThreadPoolFloor
{
    public const int Default = 32;

    /// <summary>Raises the pool's minimum worker and I/O threads to <paramref name="configuration"/>'s value (never lowers it).</summary>
    public static void Apply(IConfiguration configuration)
    {
        var wanted = configuration.GetValue("Hosting:MinThreadPoolThreads", Default);
        if (wanted <= 0) return;
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, wanted), Math.Max(io, wanted));
    }
}
