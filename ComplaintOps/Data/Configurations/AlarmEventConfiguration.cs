using ComplaintOps.Features.CrisisBoard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

internal sealed class AlarmEventConfiguration : IEntityTypeConfiguration<AlarmEvent>
{
    public void Configure(EntityTypeBuilder<AlarmEvent> a)
    {
        a.HasKey(x => x.Id);
        a.Property(x => x.Summary).HasMaxLength(400);
        a.Property(x => x.Key).HasMaxLength(120);
        a.Property(x => x.AcknowledgedById).HasMaxLength(64);
        a.Property(x => x.AcknowledgedByName).HasMaxLength(100);
        a.Property(x => x.AcknowledgeNote).HasMaxLength(500);
        a.Property(x => x.AssignedToName).HasMaxLength(100);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.Ignore(x => x.IsAcknowledged);
        a.HasIndex(x => x.RaisedAtUtc);
        a.HasIndex(x => x.BatchIncidentId);
        a.HasIndex(x => x.ComplaintId);
        // Raising is idempotent: one alarm per key (complaint × clock × stage, complaint high-risk, …).
        a.HasIndex(x => x.Key).IsUnique();
        // The escalation sweep and the board's open-alarm feed.
        a.HasIndex(x => new { x.AcknowledgedAtUtc, x.Severity, x.RaisedAtUtc });
    }
}
