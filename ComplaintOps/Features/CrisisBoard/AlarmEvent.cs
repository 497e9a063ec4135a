using ComplaintOps.Domain;

namespace ComplaintOps.Features.CrisisBoard;

public enum AlarmKind
{
    /// <summary>A multi-province batch incident was formed (R10, B2).</summary>
    BatchIncident = 1,
}

public enum AlarmSeverity
{
    Warning = 1,
    Critical = 2,
}

/// <summary>
/// An alarm for the crisis board, recorded in the same transaction as what raised it. Deliberately minimal;
/// the crisis-board issue adds acknowledge/escalate on top. Fields:
/// <list type="bullet">
/// <item><see cref="Kind"/>: what happened (today only <see cref="AlarmKind.BatchIncident"/>).</item>
/// <item><see cref="Severity"/>: how loud the board should be.</item>
/// <item><see cref="BatchIncidentId"/>, <see cref="ComplaintId"/>: what it is about (the incident; the complaint that raised it).</item>
/// <item><see cref="RaisedAtUtc"/>: when, as a UTC instant.</item>
/// <item><see cref="Summary"/>: one line for the board (product line, count, provinces), no personal data.</item>
/// </list>
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

    private AlarmEvent() { }

    public static AlarmEvent Raise(AlarmKind kind, AlarmSeverity severity, DateTime nowUtc, string summary, int? batchIncidentId = null, int? complaintId = null) => new()
    {
        Kind = kind,
        Severity = severity,
        RaisedAtUtc = UtcInstant.Require(nowUtc),
        Summary = summary.Length > 400 ? summary[..400] : summary,
        BatchIncidentId = batchIncidentId,
        ComplaintId = complaintId,
    };
}
