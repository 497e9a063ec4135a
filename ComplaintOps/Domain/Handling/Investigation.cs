using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Handling;

/// <summary>Risks that send a case to legal and compliance for a joint risk assessment (R13, §8.3.3).</summary>
[Flags]
public enum LegalRisks
{
    None = 0,
    /// <summary>重大负面舆情.</summary>
    PublicOpinion = 1,
    /// <summary>法律诉讼.</summary>
    Lawsuit = 2,
    /// <summary>行政处罚.</summary>
    AdministrativePenalty = 4,
}

/// <summary>Which cases need what before they are answered (R12, R13).</summary>
public static class InvestigationRules
{
    /// <summary>
    /// Reports and infringement (§8.3.2 first bullet) need the business department's verification before they are answered.
    /// Infringement is the IP type (patent, copyright, trademark); reports are the qualification type (an unlicensed or
    /// unpermitted merchant is reported, not experienced). Product, consumer-rights and operations cases are investigated instead.
    /// </summary>
    public static bool RequiresDepartmentVerification(ProblemType type) =>
        type is ProblemType.IntellectualProperty or ProblemType.Qualification;

    /// <summary>
    /// What the case itself suggests: media, public-opinion platforms and national-media or social-impact triggers
    /// are public-opinion risk; a regulator's referral or government attention is penalty risk. The handler confirms.
    /// </summary>
    public static LegalRisks Suggest(Channel channel, HighRiskTriggers triggers)
    {
        var risks = LegalRisks.None;
        if (channel is Channel.Media or Channel.PublicOpinion
            || triggers.HasFlag(HighRiskTriggers.NationalMediaExposure) || triggers.HasFlag(HighRiskTriggers.MajorSocialImpact))
            risks |= LegalRisks.PublicOpinion;
        if (channel is Channel.Regulator || triggers.HasFlag(HighRiskTriggers.GovernmentAttention))
            risks |= LegalRisks.AdministrativePenalty;
        return risks;
    }

    /// <summary>The departments whose opinion a joint risk assessment needs (R13).</summary>
    public static readonly IReadOnlyList<Department> RiskAssessors = [Department.Legal, Department.Compliance];
}
