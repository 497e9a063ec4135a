using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Triage;

namespace ComplaintOps.Features.Triage;

/// <summary>A keyword classification rule administrators edit (R9): any of <see cref="Keywords"/> suggests <see cref="SubType"/>.</summary>
public sealed class ClassificationRule
{
    public int Id { get; set; }
    public ProblemSubType SubType { get; set; }
    /// <summary>Keywords separated by commas, 、 or new lines; matched case-insensitively.</summary>
    public string Keywords { get; set; } = "";
    public int Weight { get; set; } = 1;
    public bool Enabled { get; set; } = true;
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }

    public KeywordRule ToDomain() => new(SubType, KeywordClassifier.SplitKeywords(Keywords), Weight);
}

/// <summary>A risk keyword administrators edit (R8, R10): found in the text, it gives its level and trigger.</summary>
public sealed class RiskRule
{
    public int Id { get; set; }
    public string Keyword { get; set; } = "";
    public RiskLevel Level { get; set; } = RiskLevel.Medium;
    public HighRiskTriggers Trigger { get; set; }
    public bool Enabled { get; set; } = true;
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }

    public RiskKeyword ToDomain() => new(Keyword, Level, Trigger);
}
