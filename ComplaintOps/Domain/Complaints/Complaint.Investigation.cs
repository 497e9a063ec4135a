using ComplaintOps.Domain.Handling;

namespace ComplaintOps.Domain.Complaints;

/// <summary>
/// Investigation (R20): cause, damage and the user's demand on record; collaboration answers on the timeline (R21);
/// the department's verification of reports and infringement (R12); legal/compliance escalation with a joint risk
/// assessment (R13). <see cref="EnsureReadyForResolution"/> is the gate the resolution and closure paths call.
/// </summary>
public sealed partial class Complaint
{
    public const int MaxInvestigationFieldLength = 2000;

    /// <summary>投诉原因: what caused the problem, as found.</summary>
    public string? InvestigationCause { get; private set; }

    /// <summary>损害程度: the damage the user suffered (or "none", said so).</summary>
    public string? InvestigationDamage { get; private set; }

    /// <summary>用户诉求: the user's demand as confirmed with them (the intake text is <see cref="Demands"/>).</summary>
    public string? InvestigationDemand { get; private set; }

    public DateTime? InvestigationRecordedAtUtc { get; private set; }
    public string? InvestigationRecordedByName { get; private set; }

    public bool HasInvestigationRecord => InvestigationRecordedAtUtc is not null;

    /// <summary>Reports and infringement are verified by the department before they are answered (R12).</summary>
    public bool RequiresDepartmentVerification => InvestigationRules.RequiresDepartmentVerification(ProblemType);

    /// <summary>The department's verification (the answer to a verification task), R12.</summary>
    public string? DepartmentVerification { get; private set; }
    public Department? VerifiedByDepartment { get; private set; }
    public DateTime? DepartmentVerifiedAtUtc { get; private set; }

    public bool NeedsDepartmentVerification => RequiresDepartmentVerification && DepartmentVerifiedAtUtc is null;

    /// <summary>Risks confirmed by the handler that sent the case to legal and compliance (R13).</summary>
    public LegalRisks LegalRisks { get; private set; }
    public string? LegalRiskReason { get; private set; }
    public DateTime? LegalRiskEscalatedAtUtc { get; private set; }

    /// <summary>综合风险评估: the joint assessment and solution agreed with legal and compliance (R13).</summary>
    public string? JointRiskAssessment { get; private set; }
    public DateTime? JointRiskAssessedAtUtc { get; private set; }
    public string? JointRiskAssessedByName { get; private set; }

    public bool NeedsJointRiskAssessment => LegalRisks != LegalRisks.None && JointRiskAssessedAtUtc is null;

    /// <summary>Records (or revises) the investigation's findings; all three are required (R20, §9.2.3).</summary>
    public void RecordInvestigation(string? cause, string? damage, string? demand, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        nowUtc = UtcInstant.Require(nowUtc);
        if (string.IsNullOrWhiteSpace(cause) || string.IsNullOrWhiteSpace(damage) || string.IsNullOrWhiteSpace(demand))
            throw new DomainException("InvestigationIncomplete", "Fill in all three: the cause, the damage and the user's demand.");
        if (cause.Trim().Length > MaxInvestigationFieldLength || damage.Trim().Length > MaxInvestigationFieldLength || demand.Trim().Length > MaxInvestigationFieldLength)
            throw new DomainException("InvestigationTooLong", $"Each finding is at most {MaxInvestigationFieldLength} characters.");
        if (Lifecycle.IsFinished(Status))
            throw new DomainException("CaseFinished", "The case is finished; its investigation can no longer change.");
        var revised = HasInvestigationRecord;
        InvestigationCause = cause.Trim();
        InvestigationDamage = damage.Trim();
        InvestigationDemand = demand.Trim();
        InvestigationRecordedAtUtc = nowUtc;
        InvestigationRecordedByName = by.Name;
        var note = $"原因 Cause: {InvestigationCause}\n损害 Damage: {InvestigationDamage}\n诉求 Demand: {InvestigationDemand}";
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.InvestigationRecorded, "Investigation", null, revised ? "Revised" : "Recorded", Truncate(note, 4000)));
    }

    /// <summary>Called by the collaboration service in the same save as the new task (R21).</summary>
    public void RecordTaskOpened(CollaborationTask task, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        RequireOwnTask(task);
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.CollaborationTaskOpened, "Department", null, task.Department.ToString(), task.Question));
    }

    /// <summary>
    /// The department's answer lands on the timeline (R21). A verification answer is the department's verification (R12).
    /// </summary>
    public void RecordTaskAnswered(CollaborationTask task, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        RequireOwnTask(task);
        if (task.Status != CollaborationTaskStatus.Answered || task.Answer is null)
            throw new DomainException("TaskNotAnswered", "The task has no answer yet.");
        nowUtc = UtcInstant.Require(nowUtc);
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.CollaborationTaskAnswered, "Department", null, task.Department.ToString(), Truncate(task.Answer, 4000)));
        if (task.Purpose == CollaborationPurpose.Verification)
        {
            DepartmentVerification = task.Answer;
            VerifiedByDepartment = task.Department;
            DepartmentVerifiedAtUtc = nowUtc;
            _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.DepartmentVerified, "Department", null, task.Department.ToString(), Truncate(task.Answer, 4000)));
        }
    }

    public void RecordTaskCancelled(CollaborationTask task, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        RequireOwnTask(task);
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.CollaborationTaskCancelled, "Department", null, task.Department.ToString(), task.CancelReason));
    }

    /// <summary>
    /// The handler confirms a public-opinion, lawsuit or penalty risk: the case goes to legal and compliance (R13).
    /// Risks only add up; a later escalation adds the new ones.
    /// </summary>
    public void EscalateForLegalRisk(LegalRisks risks, string? reason, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        nowUtc = UtcInstant.Require(nowUtc);
        if (risks == LegalRisks.None)
            throw new DomainException("LegalRiskRequired", "Choose at least one risk: public opinion, lawsuit or administrative penalty.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("LegalRiskReasonRequired", "Say why the case carries this risk.");
        if (Lifecycle.IsFinished(Status))
            throw new DomainException("CaseFinished", "The case is finished; it can no longer be escalated.");
        var before = LegalRisks;
        LegalRisks |= risks;
        LegalRiskReason = Truncate(reason.Trim(), 2000);
        LegalRiskEscalatedAtUtc ??= nowUtc;
        // New risks reopen the assessment: the earlier one did not weigh them.
        if (LegalRisks != before) JointRiskAssessedAtUtc = null;
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.LegalRiskEscalated, "LegalRisks", before.ToString(), LegalRisks.ToString(), LegalRiskReason));
    }

    /// <summary>
    /// Records the joint risk assessment (R13): only after legal's and compliance's opinions are in (their risk-assessment tasks answered).
    /// </summary>
    public void RecordJointRiskAssessment(string? assessment, IReadOnlyCollection<Department> answeredAssessors, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        nowUtc = UtcInstant.Require(nowUtc);
        if (LegalRisks == LegalRisks.None)
            throw new DomainException("NoLegalRiskEscalation", "The case was not escalated to legal and compliance; there is nothing to assess jointly.");
        var missing = InvestigationRules.RiskAssessors.Where(d => !answeredAssessors.Contains(d)).ToList();
        if (missing.Count > 0)
            throw new DomainException("RiskAssessorOpinionsMissing", $"The opinion of {string.Join(", ", missing)} is not in yet.");
        if (string.IsNullOrWhiteSpace(assessment))
            throw new DomainException("JointRiskAssessmentTextRequired", "Write the joint assessment and the agreed solution.");
        if (Lifecycle.IsFinished(Status))
            throw new DomainException("CaseFinished", "The case is finished; its assessment can no longer change.");
        JointRiskAssessment = Truncate(assessment.Trim(), 4000);
        JointRiskAssessedAtUtc = nowUtc;
        JointRiskAssessedByName = by.Name;
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.JointRiskAssessmentRecorded, "LegalRisks", null, LegalRisks.ToString(), JointRiskAssessment));
    }

    /// <summary>What is still missing before a solution can be given (codes, in the order they are checked).</summary>
    public IReadOnlyList<string> MissingBeforeResolution()
    {
        var missing = new List<string>();
        if (!HasInvestigationRecord) missing.Add("InvestigationRecordRequired");
        if (NeedsDepartmentVerification) missing.Add("DepartmentVerificationRequired");
        if (NeedsJointRiskAssessment) missing.Add("JointRiskAssessmentRequired");
        return missing;
    }

    /// <summary>
    /// The gate for the resolution and closure paths: the investigation is on record, a report or infringement case is
    /// verified by the department (R12), and an escalated case has its joint risk assessment (R13).
    /// </summary>
    public void EnsureReadyForResolution()
    {
        if (!HasInvestigationRecord)
            throw new DomainException("InvestigationRecordRequired", "Record the investigation first: cause, damage and the user's demand.");
        if (NeedsDepartmentVerification)
            throw new DomainException("DepartmentVerificationRequired", "Reports and infringement complaints are answered only after the department has verified them.");
        if (NeedsJointRiskAssessment)
            throw new DomainException("JointRiskAssessmentRequired", "This case carries legal risk: record the joint risk assessment with legal and compliance first.");
    }

    /// <summary>For the not-established reply (R20): the reasoned reply rests on the investigation's findings.</summary>
    public void EnsureInvestigationRecorded()
    {
        if (!HasInvestigationRecord)
            throw new DomainException("InvestigationRecordRequired", "Record the investigation first: cause, damage and the user's demand.");
    }

    private void RequireOwnTask(CollaborationTask task)
    {
        if (task.ComplaintId != Id)
            throw new DomainException("TaskOfAnotherCase", "The task belongs to another complaint.");
    }
}
