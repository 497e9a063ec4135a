using ComplaintOps.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.ActorId).HasMaxLength(64);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Action).HasMaxLength(64);
        e.Property(x => x.Subject).HasMaxLength(64);
        e.Property(x => x.Purpose).HasMaxLength(500);
        e.Property(x => x.PreviousHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.HasIndex(x => new { x.Subject, x.AtUtc });
    }
}
