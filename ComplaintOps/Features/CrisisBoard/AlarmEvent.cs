using ComplaintOps.Domain;
using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Features.CrisisBoard;

public enum AlarmKind
{
    /// <summary>A multi-province batch incident was formed (R10, B2).</summary>
    BatchIncident = 1,
    /// <summary>A complaint arrived high-risk (R10: immediate alarm).</summary>
    NewHighRisk = 2,
    /// <summary>An SLA clock has used the configured share of its window (R15–R17, R8).</summary>
    SlaWarning = 3,
    /// <summary>An SLA clock ran out without being met.</summary>
    SlaBreach = 4,
    /// <summary>A case worsened to high-risk after intake (R19: re-escalated).</summary>
    Reescalation = 5,
    /// <summary>A low satisfaction score came in (raised by the satisfaction feature, issue 6).</summary>
    LowSatisfaction = 6,
}

public enum AlarmSeverity
{
    Warning = 1,
    Critical = 2,
}

/// <summary>Who must answer an alarm: the floor supervisor first, the manager once it escalates.</summary>
public enum EscalationLevel
{
    Supervisor = 0,
    Manager = 1,
}

/// <summary>
/// An alarm for the crisis board, recorded in the same transaction as what raised it (or by the watchdog).
/// <list type="bullet">
/// <item><see cref="Kind"/>, <see cref="Severity"/>: what happened and how loud the board should be.</item>
/// <item><see cref="BatchIncidentId"/>, <see cref="ComplaintId"/>: what it is about.</item>
/// <item><see cref="Key"/>: an identity that makes raising idempotent (unique index): e.g. one alarm per complaint × clock × stage.</item>
/// <item><see cref="RaisedAtUtc"/>, acknowledged by/at with a note, <see cref="ResolvedAtUtc"/>.</item>
/// <item><see cref="Level"/>: supervisor, or manager once an unacknowledged critical alarm escalated.</item>
/// </list>
/// <see cref="Version"/> is the concurrency token: two people acknowledging together, only one is recorded.
/// </summary>
public sealed class AlarmEvent
{
    public long Id { get; private set; }
    public AlarmKind Kind { get; private set; }
    public AlarmSeverity Severity { get; private set; }
    public int? BatchIncidentId { get; private set; }
    public int? ComplaintId { get; private set; }
    public DateTime RaisedAtUtc { get; private set; }
    public string Summary { get; private set; } = "";
    public string? Key { get; private set; }

    public string? AcknowledgedById { get; private set; }
    public string? AcknowledgedByName { get; private set; }
    public DateTime? AcknowledgedAtUtc { get; private set; }
    public string? AcknowledgeNote { get; private set; }
    public string? AssignedToName { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }

    public EscalationLevel Level { get; private set; }
    public DateTime? EscalatedAtUtc { get; private set; }

    public int Version { get; private set; }

    public bool IsAcknowledged => AcknowledgedAtUtc is not null;

    private AlarmEvent() { }

    public static AlarmEvent Raise(AlarmKind kind, AlarmSeverity severity, DateTime nowUtc, string summary, int? batchIncidentId = null, int? complaintId = null, string? key = null) => new()
    {
        Kind = kind,
        Severity = severity,
        RaisedAtUtc = UtcInstant.Require(nowUtc),
        Summary = summary.Length > 400 ? summary[..400] : summary,
        BatchIncidentId = batchIncidentId,
        ComplaintId = complaintId,
        Key = key is { Length: > 120 } ? key[..120] : key,
    };

    /// <summary>Numbers a new alarm (intake inserts a group's alarms itself, inside its write transaction; see TableIds).</summary>
    public void AssignId(long id)
    {
        if (Id != 0) throw new InvalidOperationException($"Alarm {Key ?? Summary} already has id {Id}.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        Id = id;
    }

    /// <summary>Records who took the alarm; refuses a second acknowledgement (the first one stands).</summary>
    public void Acknowledge(Actor by, DateTime nowUtc, string? note, string? assignedToName = null)
    {
        if (IsAcknowledged)
            throw new DomainException("AlarmAlreadyAcknowledged", $"Already acknowledged by {AcknowledgedByName}.");
        AcknowledgedById = by.Id;
        AcknowledgedByName = by.Name;
        AcknowledgedAtUtc = UtcInstant.Require(nowUtc);
        AcknowledgeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 500)];
        AssignedToName = assignedToName;
        Version++;
    }

    /// <summary>An unacknowledged critical alarm climbs to the manager once; false when nothing changed.</summary>
    public bool Escalate(DateTime nowUtc)
    {
        if (IsAcknowledged || Severity != AlarmSeverity.Critical || Level == EscalationLevel.Manager || ResolvedAtUtc is not null) return false;
        Level = EscalationLevel.Manager;
        EscalatedAtUtc = UtcInstant.Require(nowUtc);
        Version++;
        return true;
    }

    public void Resolve(DateTime nowUtc)
    {
        if (ResolvedAtUtc is not null) return;
        ResolvedAtUtc = UtcInstant.Require(nowUtc);
        Version++;
    }
}
