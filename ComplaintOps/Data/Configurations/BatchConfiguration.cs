using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Triage.BatchDetection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

/// <summary>
/// The batch-detection part of the complaint (Complaint.Batch.cs), kept apart from <see cref="ComplaintConfiguration"/>
/// as the partial class is; EF Core applies both to the same entity.
/// </summary>
internal sealed class ComplaintBatchConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> c)
    {
        // Batch detection reads only this window: same product line and problem type, received within the last hours.
        c.HasIndex(x => new { x.ProductLine, x.ProblemType, x.ReceivedAtUtc });
        c.HasIndex(x => x.BatchIncidentId);
        c.HasIndex(x => x.DuplicateOfId);
        // Plain indexed ids, no foreign-key constraints: adding one to an existing SQLite table rebuilds the whole
        // Complaints table outside a transaction. Nothing deletes complaints or incidents, so nothing can dangle.
    }
}

internal sealed class BatchIncidentConfiguration : IEntityTypeConfiguration<BatchIncident>
{
    public void Configure(EntityTypeBuilder<BatchIncident> i)
    {
        i.HasKey(x => x.Id);
        i.Property(x => x.ProductLine).HasMaxLength(64);
        i.Property(x => x.Summary).HasMaxLength(200);
        i.Property(x => x.Provinces).HasMaxLength(400);
        i.HasIndex(x => x.LastSeenUtc);
    }
}
