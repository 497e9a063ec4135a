using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Complaints;

/// <summary>Someone else saved the complaint since it was loaded; nothing of this change was written.</summary>
public sealed class ConcurrencyConflictException(string trackingNumber)
    : Exception($"{trackingNumber} was changed by someone else while you were working on it. Reload it and apply your change again.")
{
    public string TrackingNumber { get; } = trackingNumber;
}

/// <summary>
/// Changes to complaints. Each command loads the complaint, checks the version the user saw, lets the
/// aggregate apply the rule, refreshes its due times and saves in one transaction.
/// </summary>
public sealed class ComplaintCommands(
    IDbContextFactory<ComplaintOpsDb> dbFactory,
    WorkingCalendarService calendar,
    BusinessTime time)
{
    public Task<int> MoveAsync(int id, int expectedVersion, ComplaintStatus to, string? reason, Actor by, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, c => c.MoveTo(to, by, time.UtcNow, reason), ct);

    public Task<int> AddNoteAsync(int id, int expectedVersion, string note, Actor by, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, c => c.AddNote(by, time.UtcNow, note), ct);

    public Task<int> RecordProgressFeedbackAsync(int id, int expectedVersion, string message, Actor by, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, c => c.RecordProgressFeedback(by, time.UtcNow, message), ct);

    /// <summary>Returns the complaint's new version.</summary>
    internal async Task<int> ChangeAsync(int id, int expectedVersion, Action<Complaint> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complaint = await db.Complaints.Include(c => c.Timeline).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new DomainException("NotFound", $"There is no complaint {id}.");
        if (complaint.Version != expectedVersion) throw new ConcurrencyConflictException(complaint.TrackingNumber);
        change(complaint);
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
