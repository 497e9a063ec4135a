using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Handling;

/// <summary>Who mediates (R23, §9.3.1, §5.1.2).</summary>
public enum MediationLevel
{
    Junior = 1,
    MidSenior = 2,
    Committee = 3,
}

/// <summary>
/// §9.3.1: general cases go to a junior mediator, major urgent ones to a mid/senior mediator, public-opinion
/// crises to the company's mediation body. Read onto the case's grade:
/// <list type="bullet">
/// <item>Committee — a high-risk case with a public-opinion trigger: national media exposure, government
/// attention or major social impact, or a case that came in through the media / public-opinion channels.</item>
/// <item>MidSenior — any other high-risk case, or a general one graded High/Critical (major or urgent).</item>
/// <item>Junior — everything else.</item>
/// </list>
/// </summary>
public static class MediationRule
{
    public const HighRiskTriggers PublicOpinionTriggers =
        HighRiskTriggers.NationalMediaExposure | HighRiskTriggers.GovernmentAttention | HighRiskTriggers.MajorSocialImpact;

    public static MediationLevel LevelFor(ComplaintSeverity severity, RiskLevel level, HighRiskTriggers triggers, Channel channel)
    {
        var publicOpinion = (triggers & PublicOpinionTriggers) != 0 || channel is Channel.Media or Channel.PublicOpinion;
        if (severity == ComplaintSeverity.HighRisk && publicOpinion) return MediationLevel.Committee;
        if (severity == ComplaintSeverity.HighRisk || level >= RiskLevel.High) return MediationLevel.MidSenior;
        return MediationLevel.Junior;
    }

    public static MediationLevel LevelFor(Complaint c) => LevelFor(c.Severity, c.RiskLevel, c.HighRiskTriggers, c.Channel);
}

/// <summary>A mediation session on a case: who mediated at which level, and what came of it (R23).</summary>
public sealed class MediationRecord
{
    public long Id { get; private set; }
    public int ComplaintId { get; private set; }
    public MediationLevel Level { get; private set; }
    /// <summary>The level the rule asked for; a different <see cref="Level"/> needs an override reason.</summary>
    public MediationLevel RequiredLevel { get; private set; }
    public string MediatorName { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string? OverrideReason { get; private set; }
    public string RecordedById { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";
    public DateTime AtUtc { get; private set; }

    private MediationRecord() { }

    /// <summary>
    /// Records a mediation. A lower level than the rule asks for is refused (a public-opinion crisis is never
    /// left to a junior); a higher one is allowed with a reason.
    /// </summary>
    public static MediationRecord Record(Complaint complaint, MediationLevel level, string mediatorName, string summary, string? overrideReason, Actor by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var required = MediationRule.LevelFor(complaint);
        if (string.IsNullOrWhiteSpace(mediatorName) || string.IsNullOrWhiteSpace(summary))
            throw new DomainException("MediationIncomplete", "Name the mediator (or body) and summarise the mediation.");
        if (level < required)
            throw new DomainException("MediationLevelTooLow", $"This case needs mediation at level {required} or above.");
        if (level > required && string.IsNullOrWhiteSpace(overrideReason))
            throw new DomainException("MediationOverrideReason", "Say why a higher mediation level than the rule asks for is used.");
        return new MediationRecord
        {
            ComplaintId = complaint.Id,
            Level = level,
            RequiredLevel = required,
            MediatorName = mediatorName.Trim(),
            Summary = summary.Trim(),
            OverrideReason = level == required ? null : overrideReason!.Trim(),
            RecordedById = by.Id,
            RecordedByName = by.Name,
            AtUtc = UtcInstant.Require(nowUtc),
        };
    }
}
