using System.Runtime.InteropServices;

namespace ComplaintOps.Infrastructure.Scheduling;

/// <summary>
/// Lets a background job's own thread yield the CPU to request handling. .NET does not change thread priorities on Linux,
/// so this asks the kernel directly: on Linux <c>setpriority(PRIO_PROCESS, 0, n)</c> applies to the calling thread only,
/// and raising one's own niceness needs no privilege. Elsewhere, or if refused, nothing changes (the job still runs).
/// </summary>
public static class BackgroundThreadPriority
{
    private const int PrioProcess = 0;

    private const int Niceness = 10;

    /// <summary>Niceness 10 (or the thread's own, if already nicer): runs when request handling leaves a core idle.</summary>
    public static void LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            if (GetPriority(PrioProcess, 0) < Niceness) _ = SetPriority(PrioProcess, 0, Niceness);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc setpriority: leave the thread as it is.
        }
    }

    [DllImport("libc", EntryPoint = "getpriority")]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
