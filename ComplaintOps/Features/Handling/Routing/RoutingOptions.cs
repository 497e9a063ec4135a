using System.ComponentModel.DataAnnotations;

namespace ComplaintOps.Features.Handling.Routing;

/// <summary>Section "Routing": the dispatcher that routes new complaints and re-escalates worsening ones (R19, R5).</summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>Run the dispatcher in the background. Tests turn it off and call it directly.</summary>
    public bool Background { get; set; } = true;

    /// <summary>Route new complaints in intake's own transaction (the dispatcher routes what intake could not).</summary>
    public bool AtIntake { get; set; } = true;

    /// <summary>How long intake routes on its copy of the handlers and their workloads before reading them again.</summary>
    [Range(1, 3600)]
    public int IntakeDirectorySeconds { get; set; } = 10;

    /// <summary>How often the dispatcher looks for complaints waiting to be routed.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 2;

    /// <summary>How often the re-escalation sweep runs (overdue clocks, risk rises, repeat contacts).</summary>
    [Range(1, 86400)]
    public int EscalationSweepSeconds { get; set; } = 30;

    /// <summary>
    /// Complaints per routing transaction; workloads are read once per batch. Small enough that intake's writer, which takes
    /// turns with routing at the write lock, never waits long behind one (docs/benchmarks.md, intake round 5).
    /// </summary>
    [Range(1, 10000)]
    public int BatchSize { get; set; } = 100;
}
