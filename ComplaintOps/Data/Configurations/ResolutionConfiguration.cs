using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

/// <summary>The resolution, feedback, closure and archive columns of a complaint (R20, R22–R25, R27).</summary>
internal sealed class ComplaintResolutionConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> c)
    {
        c.Property(x => x.SolutionProposal).HasMaxLength(4000);
        c.Property(x => x.ComplainantComment).HasMaxLength(2000);
        c.Property(x => x.RespondentComment).HasMaxLength(2000);
        c.Property(x => x.SolutionCarriedOutNote).HasMaxLength(2000);
        c.Property(x => x.ReferralNote).HasMaxLength(2000);
        c.Property(x => x.ArchiveSha256).HasMaxLength(64);
        c.Ignore(x => x.BothPartiesAgreed);
        c.Ignore(x => x.AnyPartyDisagrees);
    }
}

internal sealed class CompensationEntryConfiguration : IEntityTypeConfiguration<CompensationEntry>
{
    public void Configure(EntityTypeBuilder<CompensationEntry> e)
    {
        e.HasKey(x => x.Id);
        e.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.TrackingNumber).HasMaxLength(32);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.Property(x => x.ProductLine).HasMaxLength(64);
        e.Property(x => x.RespondentName).HasMaxLength(200);
        e.Property(x => x.ProposedById).HasMaxLength(64);
        e.Property(x => x.ProposedByName).HasMaxLength(100);
        e.Property(x => x.DecidedById).HasMaxLength(64);
        e.Property(x => x.DecidedByName).HasMaxLength(100);
        e.Property(x => x.DecisionNote).HasMaxLength(1000);
        e.Ignore(x => x.AwaitsApproval);
        e.HasIndex(x => new { x.ComplaintId, x.Id });
        // The approvals page lists pending ones; the totals group by month, product line and respondent.
        e.HasIndex(x => new { x.Status, x.ProposedAtUtc });
        e.HasIndex(x => new { x.MonthKey, x.ProductLine, x.RespondentName });
    }
}

internal sealed class MediationRecordConfiguration : IEntityTypeConfiguration<MediationRecord>
{
    public void Configure(EntityTypeBuilder<MediationRecord> e)
    {
        e.HasKey(x => x.Id);
        e.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.MediatorName).HasMaxLength(100);
        e.Property(x => x.Summary).HasMaxLength(4000);
        e.Property(x => x.OverrideReason).HasMaxLength(1000);
        e.Property(x => x.RecordedById).HasMaxLength(64);
        e.Property(x => x.RecordedByName).HasMaxLength(100);
        e.HasIndex(x => new { x.ComplaintId, x.AtUtc });
    }
}

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> e)
    {
        e.HasKey(x => x.Id);
        e.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Text).HasMaxLength(4000);
        e.Property(x => x.SignedAlias).HasMaxLength(100);
        e.Property(x => x.SentById).HasMaxLength(64);
        e.HasIndex(x => new { x.ComplaintId, x.AtUtc });
    }
}

internal sealed class ArchiveRecordConfiguration : IEntityTypeConfiguration<ArchiveRecord>
{
    public void Configure(EntityTypeBuilder<ArchiveRecord> e)
    {
        e.HasKey(x => x.Id);
        e.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ComplaintId).IsUnique();
        e.Property(x => x.TrackingNumber).HasMaxLength(32);
        e.Property(x => x.ArchivedById).HasMaxLength(64);
        e.Property(x => x.ArchivedByName).HasMaxLength(100);
        e.Property(x => x.SnapshotSha256).HasMaxLength(64);
    }
}
