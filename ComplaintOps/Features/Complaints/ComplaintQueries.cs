using System.Linq.Expressions;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Privacy;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Complaints;

/// <summary>Reads for the queue and the detail page. Filtering, sorting and paging all happen in SQL.</summary>
public sealed class ComplaintQueries(IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time)
{
    public const int MaxPageSize = 200;

    public async Task<QueuePage> QueueAsync(QueueFilter filter, QueueSort sort, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        var now = time.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One connection for the count and the page(s), not one open/close per query.
        await db.Database.OpenConnectionAsync(ct);
        var query = Apply(db.Complaints.AsNoTracking(), filter, now);
        var total = await query.CountAsync(ct);
        var skip = page * pageSize;
        var rows = sort is { Column: QueueSortColumn.NextDue, Descending: false }
            ? await ByNextDueAsync(query, skip, pageSize, ct)
            : await Order(query, sort).Skip(skip).Take(pageSize).Select(Projection).ToListAsync(ct);
        return new QueuePage(
            rows.Select(r => new QueueRow(
                r.Id, r.TrackingNumber, r.Title, r.Status, r.Severity, r.RiskLevel, r.ProblemType, r.ProblemSubType,
                r.Channel, r.Province, Mask.Name(r.Name), Mask.Phone(r.Phone), r.HandlerName, r.Tier, r.SpecialGroup,
                r.ReceivedAtUtc, r.NextDueUtc, r.NextDueUtc < now)).ToList(),
            total);
    }

    /// <summary>
    /// The default sort: soonest due first, cases with no running clock after them (by id).
    /// SQLite puts NULL first in an ascending sort, so the single-statement form
    /// (<c>ORDER BY NextDueUtc IS NULL, NextDueUtc, Id</c>) cannot be read from an index and sorted the whole
    /// filtered table for every page (135 ms at 200,000 complaints). Each half is read in index order instead:
    /// the dated cases by (NextDueUtc, Id), then the undated ones by Id.
    /// </summary>
    private static async Task<List<RowData>> ByNextDueAsync(IQueryable<Complaint> query, int skip, int take, CancellationToken ct)
    {
        var dated = query.Where(c => c.NextDueUtc != null);
        var rows = await dated.OrderBy(c => c.NextDueUtc).ThenBy(c => c.Id).Skip(skip).Take(take).Select(Projection).ToListAsync(ct);
        if (rows.Count == take) return rows;
        // The page reaches past the dated cases: how many there are tells where the undated ones start.
        var datedCount = rows.Count > 0 ? skip + rows.Count : await dated.CountAsync(ct);
        rows.AddRange(await query.Where(c => c.NextDueUtc == null).OrderBy(c => c.Id)
            .Skip(Math.Max(0, skip - datedCount)).Take(take - rows.Count).Select(Projection).ToListAsync(ct));
        return rows;
    }

    private sealed record RowData(
        int Id, string TrackingNumber, string Title, ComplaintStatus Status, ComplaintSeverity Severity, RiskLevel RiskLevel,
        ProblemType ProblemType, ProblemSubType ProblemSubType, Channel Channel, string Province, string Name, string Phone,
        string? HandlerName, Tier Tier, SpecialGroup SpecialGroup, DateTime ReceivedAtUtc, DateTime? NextDueUtc);

    private static readonly Expression<Func<Complaint, RowData>> Projection = c => new RowData(
        c.Id, c.TrackingNumber, c.Title, c.Status, c.Severity, c.RiskLevel, c.ProblemType, c.ProblemSubType,
        c.Channel, c.Complainant.Province, c.Complainant.Name, c.Complainant.Phone, c.HandlerName, c.Tier,
        c.SpecialGroup, c.ReceivedAtUtc, c.NextDueUtc);

    internal static IQueryable<Complaint> Apply(IQueryable<Complaint> query, QueueFilter f, DateTime nowUtc)
    {
        if (f.Status is { } status) query = query.Where(c => c.Status == status);
        if (f.Severity is { } severity) query = query.Where(c => c.Severity == severity);
        if (f.ProblemType is { } type) query = query.Where(c => c.ProblemType == type);
        if (f.Channel is { } channel) query = query.Where(c => c.Channel == channel);
        if (!string.IsNullOrWhiteSpace(f.Province)) query = query.Where(c => c.Complainant.Province == f.Province);
        if (f.OverdueOnly) query = query.Where(c => c.NextDueUtc != null && c.NextDueUtc < nowUtc);
        var search = f.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            query = search.Length == 4 && search.All(char.IsAsciiDigit)
                ? query.Where(c => c.Complainant.PhoneLast4 == search)
                : query.Where(c => c.TrackingNumber.StartsWith(search.ToUpperInvariant()));
        }
        return query;
    }

    private static IQueryable<Complaint> Order(IQueryable<Complaint> q, QueueSort s) => (s.Column, s.Descending) switch
    {
        // (NextDue, ascending) is read by ByNextDueAsync; this single-statement form gives the same order, unindexed.
        (QueueSortColumn.NextDue, false) => q.OrderBy(c => c.NextDueUtc == null).ThenBy(c => c.NextDueUtc).ThenBy(c => c.Id),
        (QueueSortColumn.NextDue, true) => q.OrderByDescending(c => c.NextDueUtc).ThenByDescending(c => c.Id),
        (QueueSortColumn.Received, false) => q.OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.Id),
        (QueueSortColumn.Received, true) => q.OrderByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id),
        (QueueSortColumn.RiskLevel, false) => q.OrderBy(c => c.RiskLevel).ThenBy(c => c.Id),
        (QueueSortColumn.RiskLevel, true) => q.OrderByDescending(c => c.RiskLevel).ThenByDescending(c => c.Id),
        (QueueSortColumn.TrackingNumber, false) => q.OrderBy(c => c.TrackingNumber),
        (QueueSortColumn.TrackingNumber, true) => q.OrderByDescending(c => c.TrackingNumber),
        (QueueSortColumn.Status, false) => q.OrderBy(c => c.Status).ThenBy(c => c.Id),
        (QueueSortColumn.Status, true) => q.OrderByDescending(c => c.Status).ThenByDescending(c => c.Id),
        _ => q.OrderBy(c => c.Id),
    };

    /// <summary>The complaint with its timeline, untracked; null when there is no such complaint.</summary>
    public async Task<Complaint?> DetailAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Complaints.AsNoTracking().Include(c => c.Timeline).FirstOrDefaultAsync(c => c.Id == id, ct);
    }
}
