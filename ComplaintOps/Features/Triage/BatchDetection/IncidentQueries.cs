using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Triage.BatchDetection;

public sealed record IncidentMember(int Id, string TrackingNumber, string Province);

public sealed record IncidentRow(
    int Id, string ProductLine, ProblemType ProblemType, string Summary, string Provinces, int ComplaintCount,
    DateTime FirstSeenUtc, DateTime LastSeenUtc, bool Open, IReadOnlyList<IncidentMember> Members);

public sealed record IncidentPage(IReadOnlyList<IncidentRow> Rows, int Total);

/// <summary>Reads for the incidents list: a page of incidents by last seen, then their members in one query.</summary>
public sealed class IncidentQueries(IDbContextFactory<ComplaintOpsDb> dbFactory)
{
    public async Task<IncidentPage> PageAsync(int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        page = Math.Max(page, 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var total = await db.BatchIncidents.CountAsync(ct);
        var incidents = await db.BatchIncidents.AsNoTracking()
            .OrderByDescending(i => i.LastSeenUtc).ThenByDescending(i => i.Id)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = incidents.Select(i => i.Id).ToList();
        var members = (await db.Complaints.AsNoTracking()
                .Where(c => c.BatchIncidentId != null && ids.Contains(c.BatchIncidentId.Value))
                .OrderBy(c => c.ReceivedAtUtc)
                .Select(c => new { IncidentId = c.BatchIncidentId!.Value, c.Id, c.TrackingNumber, c.Complainant.Province })
                .ToListAsync(ct))
            .ToLookup(m => m.IncidentId, m => new IncidentMember(m.Id, m.TrackingNumber, m.Province));
        return new IncidentPage(
            incidents.Select(i => new IncidentRow(i.Id, i.ProductLine, i.ProblemType, i.Summary, i.Provinces, i.ComplaintCount,
                i.FirstSeenUtc, i.LastSeenUtc, i.ClosedAtUtc is null, members[i.Id].ToList())).ToList(),
            total);
    }
}
