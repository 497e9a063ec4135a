using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Triage;

/// <summary>Grade override and high-risk plans on an existing complaint, with the same version check as <see cref="ComplaintCommands"/>.</summary>
public sealed class TriageCommands(IDbContextFactory<ComplaintOpsDb> dbFactory, WorkingCalendarService calendar, BusinessTime time)
{
    public Task<int> OverrideGradeAsync(int id, int expectedVersion, ComplaintSeverity severity, RiskLevel level, HighRiskTriggers? triggers, string? reason, Actor by, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, c => c.OverrideGrade(severity, level, triggers, reason, by, time.UtcNow), ct);

    public Task<int> RecordHighRiskPlansAsync(int id, int expectedVersion, string? preHandlingPlan, string? emergencyResponseLine, string? handlingPlan, Actor by, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, c => c.RecordHighRiskPlans(preHandlingPlan, emergencyResponseLine, handlingPlan, by, time.UtcNow), ct);

    private async Task<int> ChangeAsync(int id, int expectedVersion, Action<Complaint> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complaint = await db.Complaints.Include(c => c.Timeline).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new DomainException("NotFound", $"There is no complaint {id}.");
        if (complaint.Version != expectedVersion) throw new ConcurrencyConflictException(complaint.TrackingNumber);
        change(complaint);
        // The risk level sets the risk-response clock (R8).
        complaint.ApplySchedule(calendar.Clock.Compute(complaint.SlaFacts));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(complaint.TrackingNumber);
        }
        return complaint.Version;
    }
}
