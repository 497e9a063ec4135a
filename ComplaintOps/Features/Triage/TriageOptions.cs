using System.ComponentModel.DataAnnotations;

namespace ComplaintOps.Features.Triage;

/// <summary>The "Triage" section: thresholds of the risk grading rules (R8, R10).</summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>A compensation demand of at least this many yuan raises the risk level to Medium. 0 turns the rule off.</summary>
    [Range(0, 1_000_000_000)]
    public long CompensationThresholdYuan { get; set; } = 5000;

    /// <summary>A caller with at least this many earlier complaints from the same phone in the window is a repeat complainant. 0 turns the rule off.</summary>
    [Range(0, 1000)]
    public int RepeatComplaintCount { get; set; } = 2;

    [Range(1, 3650)]
    public int RepeatWindowDays { get; set; } = 30;
}
