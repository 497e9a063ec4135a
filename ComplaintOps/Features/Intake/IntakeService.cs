using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Features.Intake;

/// <summary>
/// The one way a complaint enters, whatever the channel (console form, public page, API, seeding of
/// real data): it gets a tracking number and an owner, is received with its SLA clocks computed, and is
/// saved in one transaction. Classification, risk grading and batch detection plug in here.
/// The writing itself is done by <see cref="IntakeWriter"/>, which commits the intakes queued at the same moment together.
/// </summary>
public sealed class IntakeService(IntakeWriter writer)
{
    /// <summary>
    /// Receives <paramref name="data"/>; when <paramref name="acceptedBy"/> is given the complaint is accepted
    /// by them at once and they own it, otherwise the intake desk's least-loaded agent owns it (R34).
    /// </summary>
    public async Task<Complaint> ReceiveAsync(NewComplaint data, Actor receivedBy, Actor? acceptedBy = null, CancellationToken ct = default) =>
        (await writer.WriteAsync(data, receivedBy, acceptedBy, Accept(acceptedBy), [], null, ct)).Complaint!;

    /// <summary>
    /// An API request (R6): received as <see cref="ReceiveAsync"/> without an agent, and its answer remembered under its
    /// idempotency key in the same transaction. When the key already holds an answer nothing is saved and that answer is returned.
    /// </summary>
    public Task<IntakeOutcome> ReceiveFromApiAsync(NewComplaint data, Actor receivedBy, IdempotencyIntent idempotency, CancellationToken ct = default) =>
        writer.WriteAsync(data, receivedBy, null, Accept(null), [], idempotency, ct);

    private static Action<Complaint, DateTime> Accept(Actor? acceptedBy) => (complaint, now) =>
    {
        if (acceptedBy is not null) complaint.MoveTo(ComplaintStatus.Accepted, acceptedBy, now);
    };

    /// <summary>
    /// An agent's intake at the console: the agent owns the complaint and, in the same transaction, accepts it,
    /// closes it as solved on first contact (R11) or marks it out of scope (R7); the call record goes on the
    /// timeline (R27) and uploads made on the form (signature, scanned letter) are linked to it.
    /// </summary>
    public async Task<Complaint> ReceiveAtConsoleAsync(NewComplaint data, Actor agent, ConsoleDecision decision, CancellationToken ct = default) =>
        (await writer.WriteAsync(data, agent, agent, (complaint, now) =>
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
        }, decision.AttachmentIds, null, ct)).Complaint!;
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
