using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.Triage;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Intake;

/// <summary>
/// The one way a complaint enters, whatever the channel (console form, public page, API, seeding of
/// real data): it gets a tracking number and an owner, is received with its SLA clocks computed, and is
/// saved in one transaction. Classification, risk grading and batch detection plug in here.
/// </summary>
public sealed class IntakeService(
    IDbContextFactory<ComplaintOpsDb> dbFactory,
    WorkingCalendarService calendar,
    OwnerAssignment owners,
    BusinessTime time,
    TriageService triage,
    Triage.BatchDetection.BatchDetector batches,
    Archive.ArchiveService archive)
{
    /// <summary>
    /// Receives <paramref name="data"/>; when <paramref name="acceptedBy"/> is given the complaint is accepted
    /// by them at once and they own it, otherwise the intake desk's least-loaded agent owns it (R34).
    /// </summary>
    public Task<Complaint> ReceiveAsync(NewComplaint data, Actor receivedBy, Actor? acceptedBy = null, CancellationToken ct = default) =>
        ReceiveCoreAsync(data, receivedBy, acceptedBy, (complaint, now) =>
        {
            if (acceptedBy is not null) complaint.MoveTo(ComplaintStatus.Accepted, acceptedBy, now);
        }, [], ct);

    /// <summary>
    /// An agent's intake at the console: the agent owns the complaint and, in the same transaction, accepts it,
    /// closes it as solved on first contact (R11) or marks it out of scope (R7); the call record goes on the
    /// timeline (R27) and uploads made on the form (signature, scanned letter) are linked to it.
    /// </summary>
    public Task<Complaint> ReceiveAtConsoleAsync(NewComplaint data, Actor agent, ConsoleDecision decision, CancellationToken ct = default) =>
        ReceiveCoreAsync(data, agent, agent, (complaint, now) =>
        {
            if (!string.IsNullOrWhiteSpace(decision.RecordNote)) complaint.AddNote(agent, now, decision.RecordNote);
            switch (decision.Outcome)
            {
                case FirstContactOutcome.SolvedOnFirstContact:
                    complaint.MoveTo(ComplaintStatus.Closed, agent, now, decision.AnswerOrReason);
                    break;
                case FirstContactOutcome.OutOfScope:
                    complaint.MoveTo(ComplaintStatus.OutOfScope, agent, now, decision.AnswerOrReason);
                    break;
                default:
                    complaint.MoveTo(ComplaintStatus.Accepted, agent, now);
                    break;
            }
        }, decision.AttachmentIds, ct);

    private async Task<Complaint> ReceiveCoreAsync(
        NewComplaint data, Actor receivedBy, Actor? owner, Action<Complaint, DateTime> decide,
        IReadOnlyCollection<long> attachmentIds, CancellationToken ct)
    {
        var now = time.UtcNow;
        var clock = calendar.Clock;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await TrackingNumbers.NextAsync(db, clock.BusinessDate(now), ct);
        owner ??= await owners.IntakeDeskOwnerAsync(db, ct);
        var complaint = Complaint.Receive(data, number, receivedBy, owner, now);
        // Graded by the rules (R8, R10), with the reasons on the timeline; see TriageService.GradeAsync for when the caller's grade stands.
        complaint.ApplyRuleGrade(await triage.GradeAsync(db, data, ct), Actor.System, now);
        decide(complaint, now);
        complaint.ApplySchedule(clock.Compute(complaint.SlaFacts));
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct);
        if (attachmentIds.Count > 0)
        {
            var ids = attachmentIds.ToArray();
            await db.Attachments.Where(a => ids.Contains(a.Id) && a.ComplaintId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ComplaintId, complaint.Id), ct);
        }
        await batches.DetectAsync(db, complaint, ct);
        // Closed on first contact or out of scope: archived at once, like every closure (R27).
        if (Lifecycle.IsFinished(complaint.Status)) await archive.ArchiveAsync(db, complaint, receivedBy, now, ct);
        await tx.CommitAsync(ct);
        return complaint;
    }
}

/// <summary>What the agent decided at first contact (R7, R11).</summary>
public enum FirstContactOutcome
{
    Accept = 0,
    SolvedOnFirstContact = 1,
    OutOfScope = 2,
}

/// <param name="AnswerOrReason">The answer given (solved on first contact) or why it is out of scope.</param>
/// <param name="RecordNote">The detailed record of a call or visit (R27), kept on the timeline.</param>
/// <param name="AttachmentIds">Uploads made on the form, not yet linked to a complaint.</param>
public sealed record ConsoleDecision(
    FirstContactOutcome Outcome,
    string? AnswerOrReason = null,
    string? RecordNote = null,
    IReadOnlyCollection<long>? AttachmentIds = null)
{
    public IReadOnlyCollection<long> AttachmentIds { get; init; } = AttachmentIds ?? [];
}
