using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Handling.Collaboration;

/// <summary>
/// Collaboration tasks from a case (R21), the department's verification (R12) and the legal/compliance escalation with
/// its joint risk assessment (R13). Each command writes the task and the complaint's timeline in one save.
/// </summary>
public sealed class CollaborationService(
    IDbContextFactory<ComplaintOpsDb> dbFactory,
    WorkingCalendarService calendar,
    IOptions<CollaborationOptions> options,
    CollaborationEvents events,
    BusinessTime time)
{
    /// <summary>A handler opens a task for a department with a question and a deadline in working days.</summary>
    public Task<int> OpenAsync(int complaintId, Department department, CollaborationPurpose purpose, string? question, int workingDays, Actor by, CancellationToken ct = default) =>
        WithComplaintAsync(complaintId, async (db, complaint) =>
        {
            var task = Open(db, complaint, department, purpose, question, workingDays, by);
            await db.SaveChangesAsync(ct);
            events.Publish(complaintId);
            return task.Id;
        }, ct);

    /// <summary>
    /// A liaison answers a task of one of their departments; the answer lands on the case timeline, and a verification
    /// answer is the department's verification (R12).
    /// </summary>
    public async Task AnswerAsync(int taskId, string? answer, Actor by, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var task = await db.CollaborationTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct)
                ?? throw new DomainException("TaskNotFound", $"There is no task {taskId}.");
            if (!await db.DepartmentMembers.AnyAsync(m => m.UserId == by.Id && m.Department == task.Department, ct))
                throw new DomainException("NotDepartmentMember", "Only a liaison of the task's department can answer it.");
            var complaint = await db.Complaints.SingleAsync(c => c.Id == task.ComplaintId, ct);
            var now = time.UtcNow;
            task.AnswerWith(answer, by, now);
            complaint.RecordTaskAnswered(task, by, now);
            if (!await TrySaveAsync(db, attempt, ct)) continue;
            events.Publish(complaint.Id);
            return;
        }
    }

    /// <summary>The handler withdraws a task that is no longer needed, with a reason.</summary>
    public async Task CancelAsync(int taskId, string? reason, Actor by, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var task = await db.CollaborationTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct)
                ?? throw new DomainException("TaskNotFound", $"There is no task {taskId}.");
            var complaint = await db.Complaints.SingleAsync(c => c.Id == task.ComplaintId, ct);
            task.Cancel(reason, by, time.UtcNow);
            complaint.RecordTaskCancelled(task, by, time.UtcNow);
            if (!await TrySaveAsync(db, attempt, ct)) continue;
            events.Publish(complaint.Id);
            return;
        }
    }

    /// <summary>
    /// Public-opinion, lawsuit or penalty risk: the case goes to legal and compliance (R13). Each of them gets a
    /// risk-assessment task unless one is already open or answered.
    /// </summary>
    public Task EscalateAsync(int complaintId, LegalRisks risks, string? reason, Actor by, CancellationToken ct = default) =>
        WithComplaintAsync(complaintId, async (db, complaint) =>
        {
            complaint.EscalateForLegalRisk(risks, reason, by, time.UtcNow);
            var asked = await db.CollaborationTasks
                .Where(t => t.ComplaintId == complaintId && t.Purpose == CollaborationPurpose.RiskAssessment && t.Status != CollaborationTaskStatus.Cancelled)
                .Select(t => t.Department).Distinct().ToListAsync(ct);
            foreach (var department in InvestigationRules.RiskAssessors.Except(asked))
                Open(db, complaint, department, CollaborationPurpose.RiskAssessment, complaint.LegalRiskReason, options.Value.RiskAssessmentWorkingDays, by);
            await db.SaveChangesAsync(ct);
            events.Publish(complaintId);
            return 0;
        }, ct);

    /// <summary>The handler records the joint risk assessment once legal's and compliance's opinions are in (R13).</summary>
    public Task RecordJointAssessmentAsync(int complaintId, string? assessment, Actor by, CancellationToken ct = default) =>
        WithComplaintAsync(complaintId, async (db, complaint) =>
        {
            var answered = await db.CollaborationTasks
                .Where(t => t.ComplaintId == complaintId && t.Purpose == CollaborationPurpose.RiskAssessment && t.Status == CollaborationTaskStatus.Answered)
                .Select(t => t.Department).Distinct().ToListAsync(ct);
            complaint.RecordJointRiskAssessment(assessment, answered, by, time.UtcNow);
            await db.SaveChangesAsync(ct);
            events.Publish(complaintId);
            return 0;
        }, ct);

    private CollaborationTask Open(ComplaintOpsDb db, Complaint complaint, Department department, CollaborationPurpose purpose, string? question, int workingDays, Actor by)
    {
        var now = time.UtcNow;
        var task = CollaborationTask.Open(complaint, department, purpose, question, workingDays, calendar.Clock, by, now);
        db.CollaborationTasks.Add(task);
        complaint.RecordTaskOpened(task, by, now);
        return task;
    }

    /// <summary>
    /// Loads the complaint (without its timeline: new events are appended, old ones are not needed), runs the change
    /// and saves; a save that lost the race to another change of the same complaint is redone once on fresh data.
    /// </summary>
    private async Task<T> WithComplaintAsync<T>(int complaintId, Func<ComplaintOpsDb, Complaint, Task<T>> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == complaintId, ct)
                ?? throw new DomainException("NotFound", $"There is no complaint {complaintId}.");
            try
            {
                return await change(db, complaint);
            }
            catch (DbUpdateConcurrencyException) when (attempt == 0)
            {
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new Complaints.ConcurrencyConflictException(complaint.TrackingNumber);
            }
        }
    }

    private static async Task<bool> TrySaveAsync(ComplaintOpsDb db, int attempt, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException) when (attempt == 0)
        {
            return false;
        }
    }
}
