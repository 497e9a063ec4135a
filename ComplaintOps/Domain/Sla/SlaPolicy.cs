using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Sla;

/// <summary>The time limits of §9.1 and the per-risk-level response times of §8.1, as configured.</summary>
public sealed record SlaPolicy
{
    /// <summary>R15: first reply to web, app and email complaints, in clock hours.</summary>
    public TimeSpan FirstReply { get; init; } = TimeSpan.FromHours(24);

    /// <summary>R16: paper letters are answered within this many working days.</summary>
    public int LetterReplyWorkingDays { get; init; } = 15;

    /// <summary>R17: the user hears about progress at least every this many working days.</summary>
    public int ProgressFeedbackWorkingDays { get; init; } = 2;

    /// <summary>R8: time to the first response for each risk level.</summary>
    public IReadOnlyDictionary<RiskLevel, TimeSpan> RiskResponse { get; init; } = new Dictionary<RiskLevel, TimeSpan>
    {
        [RiskLevel.Low] = TimeSpan.FromHours(24),
        [RiskLevel.Medium] = TimeSpan.FromHours(8),
        [RiskLevel.High] = TimeSpan.FromHours(2),
        [RiskLevel.Critical] = TimeSpan.FromMinutes(30),
    };
}
