namespace ComplaintOps.Domain.Complaints;

/// <summary>General or high-risk (R10).</summary>
public enum ComplaintSeverity
{
    General = 0,
    HighRisk = 1,
}

/// <summary>Why a complaint is high-risk (R10). A complaint may have several.</summary>
[Flags]
public enum HighRiskTriggers
{
    None = 0,
    NationalMediaExposure = 1,
    GovernmentAttention = 2,
    MultiProvinceBatch = 4,
    DangerToLifeOrProperty = 8,
    MajorSocialImpact = 16,
}

/// <summary>Risk level graded at acceptance; each has its own response time from configuration (R8).</summary>
public enum RiskLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

/// <summary>Special groups that are flagged and routed first (R5).</summary>
public enum SpecialGroup
{
    None = 0,
    Elderly = 1,
    Minor = 2,
    AssistanceRequested = 3,
}

/// <summary>Handling tier matched to severity (R19, §5.4.3).</summary>
public enum Tier
{
    Agent = 1,
    Expert = 2,
    Coach = 3,
}

public enum RespondentKind
{
    Merchant = 0,
    Partner = 1,
    InternalDepartment = 2,
}
