using ComplaintOps.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ComplaintOps.Data;

/// <summary>
/// R27: an archived complaint is read-only. The domain refuses every change; this refuses, at save, any
/// write that reaches an archived complaint some other way (a method that forgot the check, a field set
/// directly), and any change to an archive snapshot once written.
/// </summary>
internal static class ArchiveGuard
{
    public static void Check(DbContext db, EntityEntry<Complaint> entry)
    {
        if (entry.State is EntityState.Added or EntityState.Detached) return;
        var stored = (ComplaintStatus)entry.OriginalValues[nameof(Complaint.Status)]!;
        if (stored != ComplaintStatus.Archived) return;
        var timelineGrew = entry.Collection(c => c.Timeline).CurrentValue?.Any(e => db.Entry(e).State == EntityState.Added) == true;
        if (entry.State is EntityState.Modified or EntityState.Deleted || timelineGrew)
            throw new DomainException("CaseArchived", $"{entry.Entity.TrackingNumber} is archived and read-only; nothing on it can change.");
    }

    public static void CheckSnapshots(DbContext db)
    {
        if (db.ChangeTracker.Entries<Domain.Handling.ArchiveRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new DomainException("ArchiveImmutable", "An archive snapshot is written once and never changed.");
    }
}
