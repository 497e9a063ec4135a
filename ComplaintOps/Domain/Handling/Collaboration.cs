using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Sla;

namespace ComplaintOps.Domain.Handling;

/// <summary>Who a collaboration task goes to (R12, R13, R21; §8.3.2–8.3.3, §9.2.4–9.2.6).</summary>
public enum Department
{
    Business = 0,
    Technical = 1,
    Legal = 2,
    Compliance = 3,
    PublicAffairs = 4,
    OutsideExpert = 5,
    Authority = 6,
}

/// <summary>Why the task was opened; the answer to a verification or risk-assessment task counts for the R12/R13 gates.</summary>
public enum CollaborationPurpose
{
    /// <summary>Investigate, decide responsibility, propose a solution (§8.3.2 second bullet, §9.2.4).</summary>
    Investigation = 0,
    /// <summary>Verify a report or infringement complaint before it is answered (R12, §8.3.2 first bullet).</summary>
    Verification = 1,
    /// <summary>Legal/compliance opinion for the joint risk assessment (R13, §8.3.3).</summary>
    RiskAssessment = 2,
}

public enum CollaborationTaskStatus
{
    Open = 0,
    Answered = 1,
    Cancelled = 2,
}

/// <summary>
/// A question from a case to a department, team or outside party, due in working days on the official calendar.
/// The answer lands on the complaint's timeline (the service writes both in one save).
/// </summary>
public sealed class CollaborationTask
{
    public const int MaxWorkingDays = 30;
    public const int MaxQuestionLength = 2000;
    public const int MaxAnswerLength = 4000;

    public int Id { get; private set; }
    public int ComplaintId { get; private set; }
    public Department Department { get; private set; }
    public CollaborationPurpose Purpose { get; private set; }
    public string Question { get; private set; } = "";
    public int WorkingDays { get; private set; }
    public DateTime OpenedAtUtc { get; private set; }
    public DateTime DueUtc { get; private set; }
    public string OpenedById { get; private set; } = "";
    public string OpenedByName { get; private set; } = "";
    public CollaborationTaskStatus Status { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredById { get; private set; }
    public string? AnsweredByName { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    public string? CancelReason { get; private set; }
    public DateTime? CancelledAtUtc { get; private set; }
    public string? CancelledByName { get; private set; }

    /// <summary>App-managed concurrency token: two liaisons cannot both answer.</summary>
    public int Version { get; private set; }

    private CollaborationTask() { }

    /// <summary>Opens a task; the due time is the end of the <paramref name="workingDays"/>-th working day (the one SLA clock's maths).</summary>
    public static CollaborationTask Open(
        Complaint complaint, Department department, CollaborationPurpose purpose, string? question, int workingDays,
        SlaClock clock, Actor by, DateTime nowUtc)
    {
        nowUtc = UtcInstant.Require(nowUtc);
        if (complaint.Id == 0)
            throw new DomainException("ComplaintNotStored", "Save the complaint before opening tasks from it.");
        if (Lifecycle.IsFinished(complaint.Status))
            throw new DomainException("CaseFinished", "The case is finished; no new tasks can be opened from it.");
        if (string.IsNullOrWhiteSpace(question))
            throw new DomainException("TaskQuestionRequired", "Write the question the department should answer.");
        if (question.Trim().Length > MaxQuestionLength)
            throw new DomainException("TaskQuestionTooLong", $"The question is longer than {MaxQuestionLength} characters.");
        if (workingDays is < 1 or > MaxWorkingDays)
            throw new DomainException("TaskDeadlineOutOfRange", $"The deadline is 1 to {MaxWorkingDays} working days.");
        if (!Enum.IsDefined(department) || !Enum.IsDefined(purpose))
            throw new DomainException("TaskDepartmentUnknown", "Choose a department from the list.");
        if (purpose == CollaborationPurpose.RiskAssessment && department is not (Department.Legal or Department.Compliance))
            throw new DomainException("RiskAssessmentNeedsLegalOrCompliance", "A risk assessment is asked of legal or compliance.");

        return new CollaborationTask
        {
            ComplaintId = complaint.Id,
            Department = department,
            Purpose = purpose,
            Question = question.Trim(),
            WorkingDays = workingDays,
            OpenedAtUtc = nowUtc,
            DueUtc = clock.EndOfWorkingDays(nowUtc, workingDays),
            OpenedById = by.Id,
            OpenedByName = by.Name,
            Status = CollaborationTaskStatus.Open,
        };
    }

    /// <summary>Open and past its due time (R21: overdue tasks are marked and counted per department).</summary>
    public bool IsOverdue(DateTime nowUtc) => Status == CollaborationTaskStatus.Open && UtcInstant.Require(nowUtc) > DueUtc;

    /// <summary>The department's answer; only an open task can be answered, and only once.</summary>
    public void AnswerWith(string? answer, Actor by, DateTime nowUtc)
    {
        nowUtc = UtcInstant.Require(nowUtc);
        if (Status != CollaborationTaskStatus.Open)
            throw new DomainException("TaskNotOpen", "This task is no longer open; it was answered or cancelled.");
        if (string.IsNullOrWhiteSpace(answer))
            throw new DomainException("TaskAnswerRequired", "Write the department's answer.");
        if (answer.Trim().Length > MaxAnswerLength)
            throw new DomainException("TaskAnswerTooLong", $"The answer is longer than {MaxAnswerLength} characters.");
        Status = CollaborationTaskStatus.Answered;
        Answer = answer.Trim();
        AnsweredById = by.Id;
        AnsweredByName = by.Name;
        AnsweredAtUtc = nowUtc;
        Version++;
    }

    /// <summary>The handler withdraws the question (no longer needed); the reason stays on record.</summary>
    public void Cancel(string? reason, Actor by, DateTime nowUtc)
    {
        nowUtc = UtcInstant.Require(nowUtc);
        if (Status != CollaborationTaskStatus.Open)
            throw new DomainException("TaskNotOpen", "This task is no longer open; it was answered or cancelled.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("TaskCancelReasonRequired", "Say why the task is withdrawn.");
        Status = CollaborationTaskStatus.Cancelled;
        CancelReason = reason.Trim();
        CancelledAtUtc = nowUtc;
        CancelledByName = by.Name;
        Version++;
    }
}
