using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Archive;

/// <summary>
/// Archives a finished case (R27, §9.6.5) inside the caller's unit of work: snapshot of the case, its timeline,
/// attachments (with their content hashes), ledger, mediation and outbound texts; the complaint becomes Archived
/// and read-only. Every closure path calls this straight after closing.
/// </summary>
public sealed class ArchiveService(Calendars.WorkingCalendarService calendar, Satisfaction.SatisfactionService satisfaction)
{
    public async Task<ArchiveRecord> ArchiveAsync(ComplaintOpsDb db, Complaint complaint, Actor by, DateTime nowUtc, CancellationToken ct = default)
    {
        // Everything the case gathered so far must be in the database to be in the snapshot.
        await db.SaveChangesAsync(ct);
        var id = complaint.Id;
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.ComplaintId == id).OrderBy(a => a.Id)
            .Select(a => new ArchivedAttachment(a.Id, a.Kind.ToString(), a.FileName, a.ContentType, a.Size, a.Sha256)).ToListAsync(ct);
        var compensation = await db.CompensationEntries.AsNoTracking().Where(x => x.ComplaintId == id).ToListAsync(ct);
        var mediation = await db.MediationRecords.AsNoTracking().Where(x => x.ComplaintId == id).ToListAsync(ct);
        var outbound = await db.OutboundMessages.AsNoTracking().Where(x => x.ComplaintId == id).ToListAsync(ct);
        var record = ArchiveRecord.Take(complaint, attachments, compensation, mediation, outbound, by, nowUtc);
        complaint.Archive(record.SnapshotSha256, by, nowUtc);
        complaint.ApplySchedule(calendar.Clock.Compute(complaint.SlaFacts));
        db.ArchiveRecords.Add(record);
        // R26: the survey invitation (own table + outbox text), in the same unit of work.
        await satisfaction.InviteAsync(db, complaint, nowUtc, ct);
        await db.SaveChangesAsync(ct);
        return record;
    }
}
