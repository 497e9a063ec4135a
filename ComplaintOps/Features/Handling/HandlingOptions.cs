using System.ComponentModel.DataAnnotations;

namespace ComplaintOps.Features.Handling;

/// <summary>The "Collaboration" section: task deadlines and the history look-ups' limits (R18, R21).</summary>
public sealed class CollaborationOptions
{
    public const string Section = "Collaboration";

    /// <summary>The deadline a new task form proposes, in working days.</summary>
    [Range(1, Domain.Handling.CollaborationTask.MaxWorkingDays)]
    public int DefaultWorkingDays { get; set; } = 3;

    /// <summary>Legal's and compliance's deadline for a risk-assessment opinion (R13), in working days.</summary>
    [Range(1, Domain.Handling.CollaborationTask.MaxWorkingDays)]
    public int RiskAssessmentWorkingDays { get; set; } = 2;

    /// <summary>How many past complaints each history list shows (newest first).</summary>
    [Range(1, 100)]
    public int HistoryListSize { get; set; } = 10;

    /// <summary>Counts stop here ("1000+"), so a respondent with a huge history costs no more than this.</summary>
    [Range(10, 1_000_000)]
    public int HistoryCountCap { get; set; } = 1000;
}
