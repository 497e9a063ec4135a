using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Intake;

/// <summary>
/// The one way a complaint enters, whatever the channel (console form, public page, API, seeding of
/// real data): it gets a tracking number, is received with its SLA clocks computed, and is saved in one
/// transaction. Classification, risk grading and batch detection plug in here.
/// </summary>
public sealed class IntakeService(
    IDbContextFactory<ComplaintOpsDb> dbFactory,
    WorkingCalendarService calendar,
    BusinessTime time,
    Triage.BatchDetection.BatchDetector batches)
{
    /// <summary>Receives <paramref name="data"/>; when <paramref name="acceptedBy"/> is given the complaint is accepted by them at once.</summary>
    public async Task<Complaint> ReceiveAsync(NewComplaint data, Actor receivedBy, Actor? acceptedBy = null, CancellationToken ct = default)
    {
        var now = time.UtcNow;
        var clock = calendar.Clock;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await TrackingNumbers.NextAsync(db, clock.BusinessDate(now), ct);
        var complaint = Complaint.Receive(data, number, receivedBy, now);
        if (acceptedBy is not null) complaint.MoveTo(ComplaintStatus.Accepted, acceptedBy, now);
        complaint.ApplySchedule(clock.Compute(complaint.SlaFacts));
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct);
        await batches.DetectAsync(db, complaint, ct);
        await tx.CommitAsync(ct);
        return complaint;
    }
}
