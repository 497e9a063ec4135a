using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Triage;
using static ComplaintOps.Tests.Domain.DomainSamples;

namespace ComplaintOps.Tests.Domain.Triage;

/// <summary>R8, R10: the grade on the complaint, the override with a reason, and the plans gate out of acceptance.</summary>
public sealed class GradingAndPlansTests
{
    private static Complaint HighRisk(ComplaintStatus status = ComplaintStatus.Accepted)
    {
        var complaint = Complaint.Receive(
            NewComplaint() with { Severity = ComplaintSeverity.HighRisk, HighRiskTriggers = HighRiskTriggers.NationalMediaExposure, RiskLevel = RiskLevel.High },
            "TS-0002", Agent, Agent, Shanghai("2026-11-27 09:00"));
        if (status != ComplaintStatus.Received) complaint.MoveTo(ComplaintStatus.Accepted, Agent, Shanghai("2026-11-27 09:05"));
        return complaint;
    }

    private static readonly DateTime Later = Shanghai("2026-11-27 10:00");

    [Fact]
    public void R8_the_rules_grade_at_receipt_is_set_and_its_reasons_are_on_the_timeline()
    {
        var complaint = Received();
        var grade = new RiskGrade(ComplaintSeverity.HighRisk, RiskLevel.Critical, HighRiskTriggers.NationalMediaExposure,
            [new GradeReason(GradeReasonKind.Keyword, "央视", RiskLevel.Critical, HighRiskTriggers.NationalMediaExposure)]);

        complaint.ApplyRuleGrade(grade, Actor.System, Later);

        Assert.Equal((ComplaintSeverity.HighRisk, RiskLevel.Critical, HighRiskTriggers.NationalMediaExposure),
            (complaint.Severity, complaint.RiskLevel, complaint.HighRiskTriggers));
        var e = complaint.Timeline[^1];
        Assert.Equal((TimelineEventKind.FieldChanged, "Grade", "General/Low", "HighRisk/Critical"), (e.Kind, e.Field, e.Before, e.After));
        Assert.Equal("Graded: High risk, Critical — 央视", e.Note);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void R8_an_override_without_a_reason_is_refused_and_changes_nothing(string? reason)
    {
        var complaint = In(ComplaintStatus.Accepted);
        var events = complaint.Timeline.Count;

        var error = Assert.Throws<DomainException>(() => complaint.OverrideGrade(ComplaintSeverity.General, RiskLevel.High, null, reason, Agent, Later));

        Assert.Equal("GradeReasonRequired", error.Code);
        Assert.Equal(RiskLevel.Low, complaint.RiskLevel);
        Assert.Equal(events, complaint.Timeline.Count);
    }

    [Fact]
    public void R8_an_override_with_a_reason_is_kept_on_the_timeline_before_and_after()
    {
        var complaint = In(ComplaintStatus.Accepted);

        complaint.OverrideGrade(ComplaintSeverity.HighRisk, RiskLevel.Critical, HighRiskTriggers.DangerToLifeOrProperty, " 用户电话中提到有人受伤 ", Supervisor, Later);

        Assert.Equal((ComplaintSeverity.HighRisk, RiskLevel.Critical, HighRiskTriggers.DangerToLifeOrProperty),
            (complaint.Severity, complaint.RiskLevel, complaint.HighRiskTriggers));
        var e = complaint.Timeline[^1];
        Assert.Equal((TimelineEventKind.FieldChanged, "Grade", "General/Low", "HighRisk/Critical", "用户电话中提到有人受伤", Supervisor.Name),
            (e.Kind, e.Field, e.Before, e.After, e.Note, e.ActorName));
    }

    [Fact]
    public void R10_overriding_to_high_risk_needs_a_trigger_and_back_to_general_clears_them()
    {
        var complaint = In(ComplaintStatus.Accepted);
        Assert.Equal("HighRiskTriggerRequired",
            Assert.Throws<DomainException>(() => complaint.OverrideGrade(ComplaintSeverity.HighRisk, RiskLevel.High, null, "媒体来电", Agent, Later)).Code);

        var high = HighRisk();
        high.OverrideGrade(ComplaintSeverity.General, RiskLevel.Medium, null, "经核实并无媒体介入", Agent, Later);
        Assert.Equal(HighRiskTriggers.None, high.HighRiskTriggers);
        Assert.False(high.NeedsHighRiskPlans);
    }

    [Fact]
    public void R10_a_high_risk_complaint_cannot_leave_acceptance_until_all_three_plans_are_on_record()
    {
        var complaint = HighRisk();
        Assert.True(complaint.NeedsHighRiskPlans);

        var refused = Assert.Throws<DomainException>(() => complaint.MoveTo(ComplaintStatus.Investigating, Agent, Later));
        Assert.Equal("HighRiskPlansRequired", refused.Code);
        Assert.Equal(ComplaintStatus.Accepted, complaint.Status);

        Assert.Equal("HighRiskPlansIncomplete", Assert.Throws<DomainException>(() =>
            complaint.RecordHighRiskPlans("专人对接", "统一口径", " ", Agent, Later)).Code);
        Assert.Equal("HighRiskPlansIncomplete", Assert.Throws<DomainException>(() =>
            complaint.RecordHighRiskPlans(null, "统一口径", "处理方案", Agent, Later)).Code);
        Assert.Null(complaint.PreHandlingPlan);
        Assert.Throws<DomainException>(() => complaint.MoveTo(ComplaintStatus.Investigating, Agent, Later));

        complaint.RecordHighRiskPlans("专人对接，当日回访", "高度重视，专项核查", "两个工作日内给出方案", Agent, Later);
        var note = complaint.Timeline[^1];
        Assert.Equal((TimelineEventKind.Note, "HighRiskPlans"), (note.Kind, note.Field));
        Assert.StartsWith("High-risk plans recorded — 预处理方案: 专人对接，当日回访", note.Note, StringComparison.Ordinal);
        Assert.Contains("应答口径: 高度重视，专项核查", note.Note, StringComparison.Ordinal);

        complaint.MoveTo(ComplaintStatus.Investigating, Agent, Later.AddMinutes(1));
        Assert.Equal(ComplaintStatus.Investigating, complaint.Status);
    }

    [Fact]
    public void R10_out_of_scope_is_still_allowed_without_plans()
    {
        var complaint = HighRisk();
        complaint.MoveTo(ComplaintStatus.OutOfScope, Agent, Later, "不属于本公司服务范围");
        Assert.Equal(ComplaintStatus.OutOfScope, complaint.Status);
    }

    [Fact]
    public void R10_general_complaints_and_acceptance_itself_are_not_gated()
    {
        Assert.Equal(ComplaintStatus.Investigating, In(ComplaintStatus.Investigating).Status);
        var high = HighRisk(ComplaintStatus.Received);
        high.MoveTo(ComplaintStatus.Accepted, Agent, Later);
        Assert.Equal(ComplaintStatus.Accepted, high.Status);
    }
}
