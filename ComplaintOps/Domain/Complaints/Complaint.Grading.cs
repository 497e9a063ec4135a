using ComplaintOps.Domain.Triage;

namespace ComplaintOps.Domain.Complaints;

/// <summary>Risk grading (R8, R10): the grade from rules at receipt, an agent's override with a reason, and the high-risk plans.</summary>
public sealed partial class Complaint
{
    /// <summary>预处理方案: what is done at once, before the full investigation (R10).</summary>
    public string? PreHandlingPlan { get; private set; }

    /// <summary>应答口径: the agreed words for the user, media and regulators (R10).</summary>
    public string? EmergencyResponseLine { get; private set; }

    /// <summary>处理方案 (R10).</summary>
    public string? HandlingPlan { get; private set; }

    public DateTime? HighRiskPlansRecordedAtUtc { get; private set; }

    public bool HasHighRiskPlans =>
        !string.IsNullOrWhiteSpace(PreHandlingPlan) && !string.IsNullOrWhiteSpace(EmergencyResponseLine) && !string.IsNullOrWhiteSpace(HandlingPlan);

    /// <summary>A high-risk complaint waits in acceptance until its three plans are on record (R10).</summary>
    public bool NeedsHighRiskPlans => Severity == ComplaintSeverity.HighRisk && !HasHighRiskPlans;

    /// <summary>The grade as one timeline value, e.g. "HighRisk/Critical".</summary>
    public string GradeText => FormatGrade(Severity, RiskLevel);

    public static string FormatGrade(ComplaintSeverity severity, RiskLevel level) => $"{severity}/{level}";

    /// <summary>Sets the grade the rules gave at receipt and keeps the reasons on the timeline.</summary>
    public void ApplyRuleGrade(RiskGrade grade, Actor by, DateTime nowUtc)
    {
        if (Status != ComplaintStatus.Received)
            throw new DomainException("AlreadyGraded", "The rules grade a complaint only when it is received; change the grade with a reason instead.");
        CheckGrade(grade.Severity, grade.Triggers);
        var before = GradeText;
        Severity = grade.Severity;
        RiskLevel = grade.Level;
        HighRiskTriggers = grade.Triggers;
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.FieldChanged, "Grade", before, GradeText, Truncate(grade.Summary, 4000)));
    }

    /// <summary>
    /// An agent changes the grade; the reason is required and kept on the timeline with before → after.
    /// A general complaint has no triggers; a high-risk one keeps its triggers unless new ones are given, and needs at least one.
    /// </summary>
    public void OverrideGrade(ComplaintSeverity severity, RiskLevel level, HighRiskTriggers? triggers, string? reason, Actor by, DateTime nowUtc)
    {
        nowUtc = UtcInstant.Require(nowUtc);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("GradeReasonRequired", "Changing the grade needs a written reason; it is kept on the timeline.");
        if (Lifecycle.IsFinished(Status))
            throw new DomainException("CaseFinished", "The case is finished; its grade can no longer change.");
        var newTriggers = severity == ComplaintSeverity.General ? HighRiskTriggers.None : triggers is { } t && t != HighRiskTriggers.None ? t : HighRiskTriggers;
        CheckGrade(severity, newTriggers);
        if (severity == Severity && level == RiskLevel && newTriggers == HighRiskTriggers)
            throw new DomainException("GradeUnchanged", "The new grade is the same as the current one.");
        var before = GradeText;
        Severity = severity;
        RiskLevel = level;
        HighRiskTriggers = newTriggers;
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.FieldChanged, "Grade", before, GradeText, reason.Trim()));
    }

    /// <summary>Records (or revises) the pre-handling plan, the emergency response line and the handling plan; all three are required (R10).</summary>
    public void RecordHighRiskPlans(string? preHandlingPlan, string? emergencyResponseLine, string? handlingPlan, Actor by, DateTime nowUtc)
    {
        nowUtc = UtcInstant.Require(nowUtc);
        if (string.IsNullOrWhiteSpace(preHandlingPlan) || string.IsNullOrWhiteSpace(emergencyResponseLine) || string.IsNullOrWhiteSpace(handlingPlan))
            throw new DomainException("HighRiskPlansIncomplete", "Fill in all three: the pre-handling plan, the emergency response line (应答口径) and the handling plan.");
        if (Lifecycle.IsFinished(Status))
            throw new DomainException("CaseFinished", "The case is finished; its plans can no longer change.");
        var revised = HighRiskPlansRecordedAtUtc is not null;
        PreHandlingPlan = preHandlingPlan.Trim();
        EmergencyResponseLine = emergencyResponseLine.Trim();
        HandlingPlan = handlingPlan.Trim();
        HighRiskPlansRecordedAtUtc = nowUtc;
        var note = $"{(revised ? "High-risk plans revised" : "High-risk plans recorded")} — 预处理方案: {PreHandlingPlan}\n应答口径: {EmergencyResponseLine}\n处理方案: {HandlingPlan}";
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.Note, "HighRiskPlans", note: Truncate(note, 4000)));
    }

    /// <summary>Called by <see cref="MoveTo"/>: a high-risk complaint leaves acceptance only with its plans on record, or as out of scope (R10).</summary>
    private void EnsureHighRiskPlansBeforeLeaving(ComplaintStatus to)
    {
        if (Status == ComplaintStatus.Accepted && to != ComplaintStatus.OutOfScope && NeedsHighRiskPlans)
            throw new DomainException("HighRiskPlansRequired", "A high-risk complaint needs its pre-handling plan, emergency response line (应答口径) and handling plan on record before it moves on.");
    }

    private static void CheckGrade(ComplaintSeverity severity, HighRiskTriggers triggers)
    {
        if (severity == ComplaintSeverity.HighRisk && triggers == HighRiskTriggers.None)
            throw new DomainException("HighRiskTriggerRequired", "A high-risk complaint needs at least one trigger reason.");
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
