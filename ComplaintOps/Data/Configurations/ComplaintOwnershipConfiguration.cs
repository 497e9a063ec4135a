using ComplaintOps.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

/// <summary>
/// First-contact ownership (R34): the owner column is NOT NULL, so even a write that bypasses the
/// domain cannot leave a complaint without an owner. Kept apart from <see cref="ComplaintConfiguration"/>
/// because it belongs to the ownership feature.
/// </summary>
internal sealed class ComplaintOwnershipConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> c)
    {
        c.Property(x => x.OwnerId).HasMaxLength(64).IsRequired();
        c.ToTable(t => t.HasCheckConstraint("CK_Complaints_Owner", "length(OwnerId) > 0"));
        c.Property(x => x.OwnerName).HasMaxLength(100).IsRequired();
        c.Property(x => x.HandOverToId).HasMaxLength(64);
        c.Property(x => x.HandOverToName).HasMaxLength(100);
        c.Property(x => x.HandOverById).HasMaxLength(64);
        c.Property(x => x.HandOverReason).HasMaxLength(1000);
        c.Ignore(x => x.HasPendingHandOver);
        // "My complaints" and the intake-desk owner's open-case count read by owner.
        c.HasIndex(x => new { x.OwnerId, x.Status });
        c.HasIndex(x => x.HandOverToId);
    }
}
