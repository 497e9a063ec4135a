using ComplaintOps.Data;
using ComplaintOps.Domain.Handling;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Resolution;

public sealed record CaseResolution(
    IReadOnlyList<CompensationEntry> Compensation,
    IReadOnlyList<MediationRecord> Mediation,
    IReadOnlyList<OutboundMessage> Outbound);

public sealed record PendingCompensation(long Id, int ComplaintId, string TrackingNumber, long AmountCents, CompensationKind Kind, string Reason,
    string ProductLine, string RespondentName, string ProposedByName, string ProposedById, DateTime ProposedAtUtc);

/// <summary>A compensation total for one month, product line and respondent (approved and paid lines only).</summary>
public sealed record CompensationTotal(int MonthKey, string ProductLine, string RespondentName, int Count, long AmountCents);

public sealed record PendingPage(IReadOnlyList<PendingCompensation> Rows, int Total);

/// <summary>Reads for the resolution panel and the approvals page; lists page in SQL, totals are one GROUP BY.</summary>
public sealed class ResolutionQueries(IDbContextFactory<ComplaintOpsDb> dbFactory)
{
    public async Task<CaseResolution> ForCaseAsync(int complaintId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var compensation = await db.CompensationEntries.AsNoTracking().Where(x => x.ComplaintId == complaintId).OrderBy(x => x.Id).ToListAsync(ct);
        var mediation = await db.MediationRecords.AsNoTracking().Where(x => x.ComplaintId == complaintId).OrderBy(x => x.Id).ToListAsync(ct);
        var outbound = await db.OutboundMessages.AsNoTracking().Where(x => x.ComplaintId == complaintId).OrderBy(x => x.Id).ToListAsync(ct);
        return new CaseResolution(compensation, mediation, outbound);
    }

    public async Task<PendingPage> PendingApprovalsAsync(int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.CompensationEntries.AsNoTracking().Where(x => x.Status == CompensationStatus.Proposed);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.ProposedAtUtc).ThenBy(x => x.Id).Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(x => new PendingCompensation(x.Id, x.ComplaintId, x.TrackingNumber, x.AmountCents, x.Kind, x.Reason, x.ProductLine,
                x.RespondentName, x.ProposedByName, x.ProposedById, x.ProposedAtUtc))
            .ToListAsync(ct);
        return new PendingPage(rows, total);
    }

    /// <summary>Approved and paid compensation per month, product line and respondent, from <paramref name="fromMonthKey"/> on (yyyyMM).</summary>
    public async Task<IReadOnlyList<CompensationTotal>> TotalsAsync(int fromMonthKey, int max = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CompensationEntries.AsNoTracking()
            .Where(x => x.MonthKey >= fromMonthKey && (x.Status == CompensationStatus.Approved || x.Status == CompensationStatus.Paid))
            .GroupBy(x => new { x.MonthKey, x.ProductLine, x.RespondentName })
            .Select(g => new { g.Key.MonthKey, g.Key.ProductLine, g.Key.RespondentName, Count = g.Count(), Sum = g.Sum(x => x.AmountCents) })
            .OrderByDescending(t => t.MonthKey).ThenByDescending(t => t.Sum)
            .Take(max)
            .Select(t => new CompensationTotal(t.MonthKey, t.ProductLine, t.RespondentName, t.Count, t.Sum))
            .ToListAsync(ct);
    }
}
