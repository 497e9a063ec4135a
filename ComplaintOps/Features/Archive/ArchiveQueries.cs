using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Archive;

public sealed record ArchiveFilter(string? Search = null, string? Respondent = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

public sealed record ArchiveRow(int Id, string TrackingNumber, string Title, ComplaintStatus? Outcome, string Respondent, string ComplainantMasked,
    DateTime ReceivedAtUtc, DateTime? ArchivedAtUtc, bool HasSnapshot);

public sealed record ArchivePage(IReadOnlyList<ArchiveRow> Rows, int Total);

/// <summary>The archived record of one case and whether it is intact.</summary>
public sealed record ArchiveCheck(ArchiveRecord Record, bool Intact);

/// <summary>Search over archived cases (R27): by tracking number, the phone's last four digits, respondent and date received; paged in SQL.</summary>
public sealed class ArchiveQueries(IDbContextFactory<ComplaintOpsDb> dbFactory)
{
    public async Task<ArchivePage> SearchAsync(ArchiveFilter f, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Complaints.AsNoTracking().Where(c => c.Status == ComplaintStatus.Archived);
        var search = f.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            query = search.Length == 4 && search.All(char.IsAsciiDigit)
                ? query.Where(c => c.Complainant.PhoneLast4 == search)
                : query.Where(c => c.TrackingNumber.StartsWith(search.ToUpperInvariant()));
        }
        var respondent = f.Respondent?.Trim();
        if (!string.IsNullOrEmpty(respondent)) query = query.Where(c => c.Respondent.Name.Contains(respondent));
        if (f.FromUtc is { } from) query = query.Where(c => c.ReceivedAtUtc >= from);
        if (f.ToUtc is { } to) query = query.Where(c => c.ReceivedAtUtc < to);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.ArchivedAtUtc).ThenByDescending(c => c.Id)
            .Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Id, c.TrackingNumber, c.Title, c.ArchivedFrom, Respondent = c.Respondent.Name, c.Complainant.Name,
                c.ReceivedAtUtc, c.ArchivedAtUtc, HasSnapshot = c.ArchiveSha256 != null,
            })
            .ToListAsync(ct);
        return new ArchivePage(rows.Select(r => new ArchiveRow(r.Id, r.TrackingNumber, r.Title, r.ArchivedFrom, r.Respondent, Mask.Name(r.Name),
            r.ReceivedAtUtc, r.ArchivedAtUtc, r.HasSnapshot)).ToList(), total);
    }

    /// <summary>The snapshot of a case and whether it still matches its hash and the hash on the complaint; null when it has none.</summary>
    public async Task<ArchiveCheck?> CheckAsync(int complaintId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.ArchiveRecords.AsNoTracking().FirstOrDefaultAsync(r => r.ComplaintId == complaintId, ct);
        if (record is null) return null;
        var hashOnComplaint = await db.Complaints.Where(c => c.Id == complaintId).Select(c => c.ArchiveSha256).FirstOrDefaultAsync(ct);
        return new ArchiveCheck(record, record.Verify(hashOnComplaint));
    }
}
