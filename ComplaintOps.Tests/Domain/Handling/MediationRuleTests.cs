using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using static ComplaintOps.Tests.Domain.DomainSamples;

namespace ComplaintOps.Tests.Domain.Handling;

public sealed class MediationRuleTests
{
    [Theory]
    [InlineData(ComplaintSeverity.General, RiskLevel.Low, HighRiskTriggers.None, Channel.Web, MediationLevel.Junior)]
    [InlineData(ComplaintSeverity.General, RiskLevel.Medium, HighRiskTriggers.None, Channel.Phone, MediationLevel.Junior)]
    [InlineData(ComplaintSeverity.General, RiskLevel.High, HighRiskTriggers.None, Channel.Web, MediationLevel.MidSenior)]
    [InlineData(ComplaintSeverity.HighRisk, RiskLevel.Medium, HighRiskTriggers.MultiProvinceBatch, Channel.Web, MediationLevel.MidSenior)]
    [InlineData(ComplaintSeverity.HighRisk, RiskLevel.Critical, HighRiskTriggers.DangerToLifeOrProperty, Channel.Web, MediationLevel.MidSenior)]
    [InlineData(ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.NationalMediaExposure, Channel.Web, MediationLevel.Committee)]
    [InlineData(ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.GovernmentAttention, Channel.Web, MediationLevel.Committee)]
    [InlineData(ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.MajorSocialImpact, Channel.Web, MediationLevel.Committee)]
    [InlineData(ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.MultiProvinceBatch, Channel.PublicOpinion, MediationLevel.Committee)]
    [InlineData(ComplaintSeverity.General, RiskLevel.Low, HighRiskTriggers.None, Channel.Media, MediationLevel.Junior)] // a general media case is not a crisis
    public void R23_the_mediation_level_follows_severity_risk_and_public_opinion(
        ComplaintSeverity severity, RiskLevel level, HighRiskTriggers triggers, Channel channel, MediationLevel expected) =>
        Assert.Equal(expected, MediationRule.LevelFor(severity, level, triggers, channel));

    [Fact]
    public void R23_a_lower_level_than_the_rule_is_refused_and_a_higher_needs_a_reason()
    {
        var c = In(ComplaintStatus.Resolving);
        c.OverrideGrade(ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.NationalMediaExposure, "央视报道", Supervisor, Shanghai("2026-11-28 10:00"));
        var at = Shanghai("2026-11-28 11:00");

        Assert.Equal("MediationLevelTooLow", Assert.Throws<DomainException>(() => MediationRecord.Record(c, MediationLevel.MidSenior, "调解员甲", "调解", null, Agent, at)).Code);
        var record = MediationRecord.Record(c, MediationLevel.Committee, "企业调解委员会", "三方会谈，达成初步意见。", null, Agent, at);
        c.RecordMediation(record, Agent, at);

        Assert.Equal(MediationLevel.Committee, record.RequiredLevel);
        var e = c.Timeline[^1];
        Assert.Equal((TimelineEventKind.MediationRecorded, "Committee"), (e.Kind, e.After));

        var general = In(ComplaintStatus.Resolving);
        Assert.Equal("MediationOverrideReason", Assert.Throws<DomainException>(() => MediationRecord.Record(general, MediationLevel.MidSenior, "高级调解员乙", "调解", " ", Agent, at)).Code);
        Assert.Equal("用户要求", MediationRecord.Record(general, MediationLevel.MidSenior, "高级调解员乙", "调解", "用户要求", Agent, at).OverrideReason);
    }
}
