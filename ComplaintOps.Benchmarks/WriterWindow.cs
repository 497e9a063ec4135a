using ComplaintOps.Features.Intake;

namespace ComplaintOps.Benchmarks;

/// <summary>
/// The intake writer's counters at one moment; <see cref="Since"/> gives its time by phase over a window, per complaint and
/// per transaction. The writer is serial, so its time per complaint bounds throughput whatever the cores.
/// </summary>
internal sealed record WriterWindow(long Written, long Commits, IReadOnlyDictionary<IntakeWriterPhases.Phase, double> Phases,
    IReadOnlyDictionary<IntakeWriterPhases.Phase, double> Cpu)
{
    public static WriterWindow Of(IntakeWriter writer) => new(writer.Written, writer.Commits, writer.Phases.Snapshot(), writer.Phases.CpuSnapshot());

    public string Since(WriterWindow start)
    {
        var complaints = Math.Max(1, Written - start.Written);
        var commits = Math.Max(1, Commits - start.Commits);
        var spent = Phases.ToDictionary(p => p.Key, p => p.Value - start.Phases[p.Key]);
        var total = spent.Values.Sum();
        var cpu = Cpu.ToDictionary(p => p.Key, p => p.Value - start.Cpu[p.Key]);
        return $"writer (measured window): {total / complaints:F3} ms per complaint (ceiling {1000 * complaints / Math.Max(1, total):F0}/s), "
            + $"{complaints / (double)commits:F1} per transaction, {total / commits:F2} ms per transaction: "
            + string.Join(", ", spent.Select(p => $"{p.Key} {p.Value / complaints:F3}"))
            + "; per transaction: " + string.Join(", ", spent.Select(p => $"{p.Key} {p.Value / commits:F2}"))
            + $"; on CPU {cpu.Values.Sum() / Math.Max(1e-9, total):P0} of it: " + string.Join(", ", cpu.Select(p => $"{p.Key} {p.Value / commits:F2}"));
    }
}
