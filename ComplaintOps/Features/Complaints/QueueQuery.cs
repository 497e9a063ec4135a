using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Features.Complaints;

/// <summary>What the queue filters by. Empty means "any".</summary>
public sealed record QueueFilter
{
    public ComplaintStatus? Status { get; init; }
    public ComplaintSeverity? Severity { get; init; }
    public ProblemType? ProblemType { get; init; }
    public Channel? Channel { get; init; }
    public string? Province { get; init; }
    public bool OverdueOnly { get; init; }
    /// <summary>A tracking number (or its start), or the last four digits of the complainant's phone.</summary>
    public string? Search { get; init; }
}

public enum QueueSortColumn
{
    NextDue,
    Received,
    RiskLevel,
    TrackingNumber,
    Status,
}

public sealed record QueueSort(QueueSortColumn Column = QueueSortColumn.NextDue, bool Descending = false);

/// <summary>One row of the queue, already masked (R29).</summary>
public sealed record QueueRow(
    int Id,
    string TrackingNumber,
    string Title,
    ComplaintStatus Status,
    ComplaintSeverity Severity,
    RiskLevel RiskLevel,
    ProblemType ProblemType,
    ProblemSubType ProblemSubType,
    Channel Channel,
    string Province,
    string ComplainantMasked,
    string PhoneMasked,
    string? HandlerName,
    Tier Tier,
    SpecialGroup SpecialGroup,
    DateTime ReceivedAtUtc,
    DateTime? NextDueUtc,
    bool IsOverdue);

public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, int TotalCount);
