namespace ComplaintOps.Domain.Complaints;

/// <summary>Crisis-board entries on the timeline (kinds 50–59): alarms raised, acknowledged, escalated.</summary>
public sealed partial class Complaint
{
    public void RecordAlarm(TimelineEventKind kind, Actor by, DateTime nowUtc, string alarm, string? note = null)
    {
        EnsureNotArchived();
        if (kind is not (TimelineEventKind.AlarmRaised or TimelineEventKind.AlarmAcknowledged or TimelineEventKind.AlarmEscalated))
            throw new DomainException("NotAnAlarmEvent", "Only alarm entries are recorded here.");
        _timeline.Add(TimelineEvent.Create(nowUtc, by, kind, "Alarm", after: alarm, note: note));
    }
}
