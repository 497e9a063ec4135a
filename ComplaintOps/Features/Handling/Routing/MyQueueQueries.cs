using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Handling.Routing;

public sealed record MyQueueRow(
    int Id, string TrackingNumber, string Title, ComplaintStatus Status, ComplaintSeverity Severity, RiskLevel RiskLevel,
    SpecialGroup SpecialGroup, Tier Tier, DateTime? NextDueUtc, string OwnerName)
{
    /// <summary>Marked high-risk: a high-risk case (R10) or risk level High or Critical (R8).</summary>
    public bool IsHighRisk => Severity == ComplaintSeverity.HighRisk || RiskLevel >= RiskLevel.High;
}

public sealed record MyQueuePage(IReadOnlyList<MyQueueRow> Rows, int Total, int Overdue);

/// <summary>"My queue": the signed-in handler's open cases, what is due soonest first (overdue ones are the earliest).</summary>
public sealed class MyQueueQueries(IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time)
{
    /// <summary>The page query; read through IX_Complaints_MyQueue (HandlerId, NextDueUtc where open) with no sort step.</summary>
    public static IQueryable<MyQueueRow> Query(ComplaintOpsDb db, string handlerId) =>
        Open(db, handlerId)
            .OrderBy(c => c.NextDueUtc).ThenBy(c => c.Id)
            .Select(c => new MyQueueRow(c.Id, c.TrackingNumber, c.Title, c.Status, c.Severity, c.RiskLevel, c.SpecialGroup, c.Tier, c.NextDueUtc, c.OwnerName));

    public async Task<MyQueuePage> PageAsync(string handlerId, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.UtcNow;
        var total = await Open(db, handlerId).CountAsync(ct);
        var overdue = await Open(db, handlerId).CountAsync(c => c.NextDueUtc < now, ct);
        var rows = await Query(db, handlerId).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new MyQueuePage(rows, total, overdue);
    }

    private static IQueryable<Complaint> Open(ComplaintOpsDb db, string handlerId) =>
        db.Complaints.Where(c => c.HandlerId == handlerId && c.Status < ComplaintStatus.Closed);
}
