using ComplaintOps.Infrastructure.Scheduling;

namespace ComplaintOps.Tests.Features.CrisisBoard;

/// <summary>The SLA watchdog's thread yields the CPU to request handling: its niceness is raised, the caller's alone.</summary>
public sealed class BackgroundThreadPriorityTests
{
    /// <summary>Field 19 of /proc/thread-self/stat (after the parenthesised command name): the thread's niceness.</summary>
    private static int Niceness()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Lowering_a_background_thread_changes_that_thread_only()
    {
        if (!OperatingSystem.IsLinux()) return;
        var before = Niceness();
        var (inside, outsideAfter) = (0, 0);
        var thread = new Thread(() =>
        {
            BackgroundThreadPriority.LowerCurrentThread();
            inside = Niceness();
        });
        thread.Start();
        thread.Join();
        outsideAfter = Niceness();

        Assert.Equal(Math.Max(before, 10), inside);
        Assert.Equal(before, outsideAfter);
    }
}
