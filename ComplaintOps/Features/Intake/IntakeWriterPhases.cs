using System.Diagnostics;

namespace ComplaintOps.Features.Intake;

/// <summary>
/// Where the single writer's time goes, phase by phase, summed since start (for the intake benchmark: the writer is serial,
/// so its time per complaint bounds intake's throughput whatever the cores). Two timestamps per phase per group: negligible.
/// </summary>
public sealed class IntakeWriterPhases
{
    public enum Phase { Gate, Begin, Reads, Build, Detect, Route, Alarms, Insert, Save, Commit }

    private readonly long[] _ticks = new long[Enum.GetValues<Phase>().Length];
    /// <summary>CPU time of the writer's thread per phase (ns), where the phase ran on one thread (Linux only; else 0).</summary>
    private readonly long[] _cpu = new long[Enum.GetValues<Phase>().Length];
    private long _cpuMark;
    private int _threadMark;
    private readonly long[] _group = new long[Enum.GetValues<Phase>().Length];
    private readonly System.Collections.Concurrent.ConcurrentQueue<SlowGroup> _slow = new();
    private long _mark;
    private long _groupStart;

    /// <summary>A write that took longer than <see cref="SlowMilliseconds"/>: when it started (Stopwatch timestamp) and its phases (ms).</summary>
    public sealed record SlowGroup(long StartedAt, double TotalMilliseconds, IReadOnlyDictionary<Phase, double> Phases);

    /// <summary>Writes slower than this are kept (the latest 200) for the benchmark's timeline.</summary>
    public const double SlowMilliseconds = 40;

    public IReadOnlyCollection<SlowGroup> SlowGroups => _slow;

    /// <summary>Starts timing a write (its first phase).</summary>
    public void Start()
    {
        _mark = _groupStart = Stopwatch.GetTimestamp();
        (_cpuMark, _threadMark) = (ThreadCpu.Nanoseconds(), Environment.CurrentManagedThreadId);
        Array.Clear(_group);
    }

    /// <summary>Ends timing a write: keeps it if it was slow.</summary>
    public void Finish()
    {
        var total = Stopwatch.GetElapsedTime(_groupStart).TotalMilliseconds;
        if (total < SlowMilliseconds) return;
        _slow.Enqueue(new SlowGroup(_groupStart, total,
            Enum.GetValues<Phase>().ToDictionary(p => p, p => _group[(int)p] * 1000.0 / Stopwatch.Frequency)));
        while (_slow.Count > 200) _slow.TryDequeue(out _);
    }

    /// <summary>Ends <paramref name="phase"/> and starts the next.</summary>
    public void End(Phase phase)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _ticks[(int)phase], now - _mark);
        _group[(int)phase] += now - _mark;
        _mark = now;
        var cpu = ThreadCpu.Nanoseconds();
        if (Environment.CurrentManagedThreadId == _threadMark) Interlocked.Add(ref _cpu[(int)phase], cpu - _cpuMark);
        (_cpuMark, _threadMark) = (cpu, Environment.CurrentManagedThreadId);
    }

    /// <summary>Milliseconds of the writer thread's CPU in each phase so far (what of <see cref="Snapshot"/> was not waiting).</summary>
    public IReadOnlyDictionary<Phase, double> CpuSnapshot() =>
        Enum.GetValues<Phase>().ToDictionary(p => p, p => Interlocked.Read(ref _cpu[(int)p]) / 1e6);

    /// <summary>The calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID), or 0 where that clock is not available.</summary>
    private static class ThreadCpu
    {
        private static bool _unavailable = !OperatingSystem.IsLinux();

        public static long Nanoseconds()
        {
            if (_unavailable) return 0;
            try
            {
                return ClockGetTime(3, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : 0;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _unavailable = true;
                return 0;
            }
        }

        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
        private struct Timespec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out Timespec time);
    }

    /// <summary>Milliseconds spent in each phase so far.</summary>
    public IReadOnlyDictionary<Phase, double> Snapshot() =>
        Enum.GetValues<Phase>().ToDictionary(p => p, p => Interlocked.Read(ref _ticks[(int)p]) * 1000.0 / Stopwatch.Frequency);
}
