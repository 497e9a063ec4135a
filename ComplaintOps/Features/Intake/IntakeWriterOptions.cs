using System.ComponentModel.DataAnnotations;

namespace ComplaintOps.Features.Intake;

/// <summary>Section "IntakeWriter": the single in-process writer that commits queued intakes together (group commit).</summary>
public sealed class IntakeWriterOptions
{
    public const string Section = "IntakeWriter";

    /// <summary>Most complaints committed in one transaction; the writer takes what is queued at that moment, up to this.</summary>
    [Range(1, 1000)]
    public int MaxGroupSize { get; set; } = 64;

    /// <summary>How often the in-memory open-complaint count per agent (owner assignment, R34) is reloaded from the database.</summary>
    [Range(1, 86_400)]
    public int OwnerRefreshSeconds { get; set; } = 30;
}
