using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using static ComplaintOps.Tests.Domain.DomainSamples;
using static ComplaintOps.Tests.Domain.Handling.CollaborationTaskTests;

namespace ComplaintOps.Tests.Domain.Handling;

/// <summary>The investigation record (R20), the verification gate (R12) and legal/compliance escalation with the joint assessment (R13).</summary>
public sealed class InvestigationTests
{
    private static readonly DateTime At = Shanghai("2026-11-30 10:00");

    private static CollaborationTask Answered(Complaint complaint, Department department, CollaborationPurpose purpose, string answer)
    {
        var task = CollaborationTask.Open(complaint, department, purpose, "Question", 2, Clock(), Agent, At);
        complaint.RecordTaskOpened(task, Agent, At);
        task.AnswerWith(answer, Liaison, At.AddHours(1));
        complaint.RecordTaskAnswered(task, Liaison, At.AddHours(1));
        return task;
    }

    [Fact]
    public void R20_the_investigation_records_cause_damage_and_demand_on_the_timeline()
    {
        var complaint = Stored();
        complaint.RecordInvestigation("Merchant missed the refund window", "¥320 held for 14 days", "Refund plus apology", Agent, At);

        Assert.True(complaint.HasInvestigationRecord);
        Assert.Equal("Merchant missed the refund window", complaint.InvestigationCause);
        Assert.Equal("¥320 held for 14 days", complaint.InvestigationDamage);
        Assert.Equal("Refund plus apology", complaint.InvestigationDemand);
        var e = complaint.Timeline[^1];
        Assert.Equal(TimelineEventKind.InvestigationRecorded, e.Kind);
        Assert.Contains("¥320 held for 14 days", e.Note, StringComparison.Ordinal);
        Assert.Equal((int)TimelineEventKind.InvestigationRecorded, 30);
    }

    [Theory]
    [InlineData(null, "damage", "demand")]
    [InlineData("cause", " ", "demand")]
    [InlineData("cause", "damage", "")]
    public void R20_all_three_findings_are_required(string? cause, string? damage, string? demand)
    {
        var complaint = Stored();
        var e = Assert.Throws<DomainException>(() => complaint.RecordInvestigation(cause, damage, demand, Agent, At));
        Assert.Equal("InvestigationIncomplete", e.Code);
        Assert.False(complaint.HasInvestigationRecord);
    }

    [Fact]
    public void R20_the_not_established_reply_can_require_the_investigation_record()
    {
        var complaint = Stored();
        Assert.Equal("InvestigationRecordRequired", Assert.Throws<DomainException>(complaint.EnsureInvestigationRecorded).Code);
        complaint.RecordInvestigation("c", "none", "d", Agent, At);
        complaint.EnsureInvestigationRecorded();
    }

    [Theory]
    [InlineData(ProblemSubType.Copyright, true)]
    [InlineData(ProblemSubType.Trademark, true)]
    [InlineData(ProblemSubType.PatentOrKnowledge, true)]
    [InlineData(ProblemSubType.Licence, true)]
    [InlineData(ProblemSubType.Permit, true)]
    [InlineData(ProblemSubType.Malfunction, false)]
    [InlineData(ProblemSubType.ReturnOrRefund, false)]
    [InlineData(ProblemSubType.Renewal, false)]
    public void R12_reports_and_infringement_need_the_departments_verification(ProblemSubType subType, bool needed)
    {
        var complaint = Stored(subType);
        Assert.Equal(needed, complaint.RequiresDepartmentVerification);
        complaint.RecordInvestigation("c", "d", "x", Agent, At);
        if (needed)
            Assert.Equal("DepartmentVerificationRequired", Assert.Throws<DomainException>(complaint.EnsureReadyForResolution).Code);
        else
            complaint.EnsureReadyForResolution();
    }

    [Fact]
    public void R12_an_investigation_answer_does_not_count_as_verification_but_a_verification_answer_does()
    {
        var complaint = Stored(ProblemSubType.Copyright);
        complaint.RecordInvestigation("Pirated e-books sold", "Rights holder's sales lost", "Take the listings down", Agent, At);

        Answered(complaint, Department.Business, CollaborationPurpose.Investigation, "Looking into it");
        Assert.True(complaint.NeedsDepartmentVerification);
        Assert.Equal(["DepartmentVerificationRequired"], complaint.MissingBeforeResolution());

        Answered(complaint, Department.Business, CollaborationPurpose.Verification, "Verified: 12 listings infringe; removed.");
        Assert.False(complaint.NeedsDepartmentVerification);
        Assert.Equal(Department.Business, complaint.VerifiedByDepartment);
        Assert.Equal("Verified: 12 listings infringe; removed.", complaint.DepartmentVerification);
        Assert.Contains(complaint.Timeline, e => e.Kind == TimelineEventKind.DepartmentVerified && e.After == "Business");
        complaint.EnsureReadyForResolution();
    }

    [Fact]
    public void R12_R20_resolution_waits_for_the_investigation_record_first()
    {
        var complaint = Stored();
        Assert.Equal("InvestigationRecordRequired", Assert.Throws<DomainException>(complaint.EnsureReadyForResolution).Code);
    }

    [Theory]
    [InlineData(Channel.Media, HighRiskTriggers.None, LegalRisks.PublicOpinion)]
    [InlineData(Channel.PublicOpinion, HighRiskTriggers.None, LegalRisks.PublicOpinion)]
    [InlineData(Channel.Regulator, HighRiskTriggers.None, LegalRisks.AdministrativePenalty)]
    [InlineData(Channel.Web, HighRiskTriggers.NationalMediaExposure | HighRiskTriggers.GovernmentAttention, LegalRisks.PublicOpinion | LegalRisks.AdministrativePenalty)]
    [InlineData(Channel.Phone, HighRiskTriggers.MultiProvinceBatch, LegalRisks.None)]
    public void R13_the_case_suggests_its_legal_risks(Channel channel, HighRiskTriggers triggers, LegalRisks expected) =>
        Assert.Equal(expected, InvestigationRules.Suggest(channel, triggers));

    [Fact]
    public void R13_an_escalated_case_needs_legal_and_compliance_opinions_then_the_joint_assessment()
    {
        var complaint = Stored();
        complaint.RecordInvestigation("c", "d", "x", Agent, At);
        Assert.Equal("LegalRiskReasonRequired", Assert.Throws<DomainException>(() => complaint.EscalateForLegalRisk(LegalRisks.Lawsuit, "", Agent, At)).Code);
        Assert.Equal("LegalRiskRequired", Assert.Throws<DomainException>(() => complaint.EscalateForLegalRisk(LegalRisks.None, "r", Agent, At)).Code);

        complaint.EscalateForLegalRisk(LegalRisks.Lawsuit | LegalRisks.PublicOpinion, "User's lawyer sent a letter; posted on Weibo", Agent, At);
        Assert.Equal(TimelineEventKind.LegalRiskEscalated, complaint.Timeline[^1].Kind);
        Assert.Equal("JointRiskAssessmentRequired", Assert.Throws<DomainException>(complaint.EnsureReadyForResolution).Code);

        var legal = Answered(complaint, Department.Legal, CollaborationPurpose.RiskAssessment, "Litigation risk moderate");
        var e = Assert.Throws<DomainException>(() => complaint.RecordJointRiskAssessment("assessment", [legal.Department], Agent, At.AddHours(2)));
        Assert.Equal("RiskAssessorOpinionsMissing", e.Code);

        var compliance = Answered(complaint, Department.Compliance, CollaborationPurpose.RiskAssessment, "No regulatory breach");
        Assert.Equal("JointRiskAssessmentTextRequired", Assert.Throws<DomainException>(() =>
            complaint.RecordJointRiskAssessment(" ", [legal.Department, compliance.Department], Agent, At.AddHours(2))).Code);
        complaint.RecordJointRiskAssessment("Settle: refund in full, public statement agreed with PR", [legal.Department, compliance.Department], Agent, At.AddHours(2));

        Assert.Equal(TimelineEventKind.JointRiskAssessmentRecorded, complaint.Timeline[^1].Kind);
        Assert.Empty(complaint.MissingBeforeResolution());
        complaint.EnsureReadyForResolution();
    }

    [Fact]
    public void R13_a_new_risk_reopens_the_joint_assessment()
    {
        var complaint = Stored();
        complaint.RecordInvestigation("c", "d", "x", Agent, At);
        complaint.EscalateForLegalRisk(LegalRisks.Lawsuit, "lawyer letter", Agent, At);
        complaint.RecordJointRiskAssessment("ok", [Department.Legal, Department.Compliance], Agent, At);
        complaint.EnsureReadyForResolution();

        complaint.EscalateForLegalRisk(LegalRisks.AdministrativePenalty, "regulator now involved", Agent, At.AddHours(1));
        Assert.Equal(LegalRisks.Lawsuit | LegalRisks.AdministrativePenalty, complaint.LegalRisks);
        Assert.Equal("JointRiskAssessmentRequired", Assert.Throws<DomainException>(complaint.EnsureReadyForResolution).Code);
    }

    [Fact]
    public void R13_a_risk_assessment_is_asked_only_of_legal_or_compliance()
    {
        var e = Assert.Throws<DomainException>(() =>
            CollaborationTask.Open(Stored(), Department.PublicAffairs, CollaborationPurpose.RiskAssessment, "Q", 2, Clock(), Agent, At));
        Assert.Equal("RiskAssessmentNeedsLegalOrCompliance", e.Code);
    }

    [Fact]
    public void R21_an_answer_lands_on_the_timeline_of_its_own_case_only()
    {
        var complaint = Stored(id: 42);
        var other = Stored(id: 43);
        var task = Answered(complaint, Department.Legal, CollaborationPurpose.Investigation, "The clause is void");

        var answered = complaint.Timeline.Single(e => e.Kind == TimelineEventKind.CollaborationTaskAnswered);
        Assert.Equal("The clause is void", answered.Note);
        Assert.Equal("Legal", answered.After);
        Assert.Equal("TaskOfAnotherCase", Assert.Throws<DomainException>(() => other.RecordTaskAnswered(task, Liaison, At)).Code);
    }
}
