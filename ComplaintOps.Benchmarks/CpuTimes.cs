namespace ComplaintOps.Benchmarks;

/// <summary>
/// The machine's CPU time by kind from /proc/stat, so a run can say how busy the cores were and how much the hypervisor
/// took (steal) while it measured: on this shared VM the same build's throughput moves by up to 2× between runs.
/// </summary>
internal readonly record struct CpuTimes(long Busy, long Idle, long Steal)
{
    public static CpuTimes Read()
    {
        if (!File.Exists("/proc/stat")) return default;
        // cpu  user nice system idle iowait irq softirq steal ...
        var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        return new CpuTimes(f[0] + f[1] + f[2] + f[5] + f[6], f[3] + f[4], f.Length > 7 ? f[7] : 0);
    }

    public static CpuTimes operator -(CpuTimes a, CpuTimes b) => new(a.Busy - b.Busy, a.Idle - b.Idle, a.Steal - b.Steal);

    public override string ToString()
    {
        var total = Math.Max(1, Busy + Idle + Steal);
        return $"busy {100.0 * Busy / total:F0} %, idle {100.0 * Idle / total:F0} %, steal {100.0 * Steal / total:F0} %";
    }
}
