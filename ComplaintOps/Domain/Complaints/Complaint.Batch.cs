namespace ComplaintOps.Domain.Complaints;

/// <summary>Batch incidents and repeated complaints (R10, B2).</summary>
public sealed partial class Complaint
{
    /// <summary>The multi-province batch incident this complaint belongs to, if any.</summary>
    public int? BatchIncidentId { get; private set; }

    /// <summary>The earlier complaint this one repeats (same complainant, same product line and problem type). Both stay open.</summary>
    public int? DuplicateOfId { get; private set; }

    /// <summary>
    /// Links the complaint to a batch incident: it becomes high-risk with the multi-province-batch trigger (R10).
    /// Joining the incident it is already in changes nothing.
    /// </summary>
    public void JoinBatchIncident(int incidentId, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        nowUtc = UtcInstant.Require(nowUtc);
        if (BatchIncidentId == incidentId) return;
        if (BatchIncidentId is not null)
            throw new DomainException("AlreadyInBatchIncident", $"The complaint already belongs to batch incident {BatchIncidentId}.");
        BatchIncidentId = incidentId;
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.FieldChanged, "BatchIncident", null, incidentId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (Severity != ComplaintSeverity.HighRisk)
        {
            _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.FieldChanged, "Severity", Severity.ToString(), ComplaintSeverity.HighRisk.ToString()));
            Severity = ComplaintSeverity.HighRisk;
        }
        if (!HighRiskTriggers.HasFlag(HighRiskTriggers.MultiProvinceBatch))
        {
            var before = HighRiskTriggers;
            HighRiskTriggers |= HighRiskTriggers.MultiProvinceBatch;
            _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.FieldChanged, "HighRiskTriggers", before.ToString(), HighRiskTriggers.ToString()));
        }
    }

    /// <summary>Records that this complaint repeats <paramref name="original"/>; the original gets a note too. Nothing is merged or dropped.</summary>
    public void MarkDuplicateOf(Complaint original, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        nowUtc = UtcInstant.Require(nowUtc);
        if (original.Id == Id || original.Id == 0)
            throw new DomainException("DuplicateOfItself", "A complaint cannot repeat itself.");
        if (DuplicateOfId == original.Id) return;
        DuplicateOfId = original.Id;
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.Note, "DuplicateOf", null, original.TrackingNumber));
        // An archived original is read-only (R27): the link is kept on the new complaint only.
        if (original.Status != ComplaintStatus.Archived)
            original._timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.Note, "RepeatedBy", null, TrackingNumber));
    }
}
