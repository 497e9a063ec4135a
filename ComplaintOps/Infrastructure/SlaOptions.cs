using System.ComponentModel.DataAnnotations;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Sla;

namespace ComplaintOps.Infrastructure;

/// <summary>Section "Sla" of appsettings.json, validated at start-up (R8, R15–R17).</summary>
public sealed class SlaOptions : IValidatableObject
{
    public const string Section = "Sla";

    [Range(1, 720)]
    public double FirstReplyHours { get; set; } = 24;

    [Range(1, 60)]
    public int LetterReplyWorkingDays { get; set; } = 15;

    [Range(1, 30)]
    public int ProgressFeedbackWorkingDays { get; set; } = 2;

    /// <summary>Minutes to the first response per risk level (R8).</summary>
    public Dictionary<RiskLevel, double> RiskResponseMinutes { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var level in Enum.GetValues<RiskLevel>())
        {
            if (!RiskResponseMinutes.TryGetValue(level, out var minutes) || minutes <= 0)
                yield return new ValidationResult($"Sla:RiskResponseMinutes:{level} must be a positive number of minutes.", [nameof(RiskResponseMinutes)]);
        }
    }

    public SlaPolicy ToPolicy() => new()
    {
        FirstReply = TimeSpan.FromHours(FirstReplyHours),
        LetterReplyWorkingDays = LetterReplyWorkingDays,
        ProgressFeedbackWorkingDays = ProgressFeedbackWorkingDays,
        RiskResponse = RiskResponseMinutes.ToDictionary(kv => kv.Key, kv => TimeSpan.FromMinutes(kv.Value)),
    };
}
