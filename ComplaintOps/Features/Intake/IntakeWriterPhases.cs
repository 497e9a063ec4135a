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
    private long _mark;

    /// <summary>Starts timing the next phase.</summary>
    public void Start() => _mark = Stopwatch.GetTimestamp();

    /// <summary>Ends <paramref name="phase"/> and starts the next.</summary>
    public void End(Phase phase)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _ticks[(int)phase], now - _mark);
        _mark = now;
    }

    /// <summary>Milliseconds spent in each phase so far.</summary>
    public IReadOnlyDictionary<Phase, double> Snapshot() =>
        Enum.GetValues<Phase>().ToDictionary(p => p, p => Interlocked.Read(ref _ticks[(int)p]) * 1000.0 / Stopwatch.Frequency);
}
