namespace ComplaintOps.Domain.Complaints;

public enum TimelineEventKind
{
    Received = 0,
    StatusChanged = 1,
    FieldChanged = 2,
    Note = 3,
    Assigned = 4,
    FeedbackGiven = 5,
    // Routing (R19, R5): 20–29.
    Routed = 20,
    Reescalated = 21,
    Reassigned = 22,
    // Investigation and collaboration (R12, R13, R20, R21): 30–39.
    InvestigationRecorded = 30,
    CollaborationTaskOpened = 31,
    CollaborationTaskAnswered = 32,
    CollaborationTaskCancelled = 33,
    DepartmentVerified = 34,
    LegalRiskEscalated = 35,
    JointRiskAssessmentRecorded = 36,

    // Resolution, closure and archive (40–49).
    SolutionProposed = 40,
    CompensationRecorded = 41,
    MediationRecorded = 42,
    OutboundSent = 43,
    PartyResponded = 44,
    SolutionCarriedOut = 45,

    // Crisis board 50–59.
    AlarmRaised = 50,
    AlarmAcknowledged = 51,
    AlarmEscalated = 52,
}

/// <summary>One entry on a complaint's timeline: who, when, what, before → after. Never edited or deleted.</summary>
public sealed class TimelineEvent
{
    public long Id { get; private set; }
    public int ComplaintId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public TimelineEventKind Kind { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string? Field { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string? Note { get; private set; }

    private TimelineEvent() { }

    internal static TimelineEvent Create(
        DateTime atUtc, Actor actor, TimelineEventKind kind,
        string? field = null, string? before = null, string? after = null, string? note = null) => new()
        {
            AtUtc = UtcInstant.Require(atUtc),
            Kind = kind,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Field = field,
            Before = before,
            After = after,
            Note = note,
        };
}
