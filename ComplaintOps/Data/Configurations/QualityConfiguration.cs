using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Quality;
using ComplaintOps.Features.Quality;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

public sealed class SamplingPlanConfiguration : IEntityTypeConfiguration<SamplingPlan>
{
    public void Configure(EntityTypeBuilder<SamplingPlan> b)
    {
        b.ToTable("SamplingPlans");
        b.Property(x => x.Name).HasMaxLength(SamplingPlan.MaxNameLength).IsRequired();
        b.Property(x => x.UpdatedById).HasMaxLength(64);
        b.Property(x => x.UpdatedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Rules);
    }
}

public sealed class SamplingDrawConfiguration : IEntityTypeConfiguration<SamplingDraw>
{
    public void Configure(EntityTypeBuilder<SamplingDraw> b)
    {
        b.ToTable("SamplingDraws");
        b.Property(x => x.DrawnById).HasMaxLength(64);
        b.Property(x => x.DrawnByName).HasMaxLength(100);
        // A plan draws a week once.
        b.HasIndex(x => new { x.PlanId, x.WeekStart }).IsUnique();
        b.HasOne<SamplingPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SeniorInspectorConfiguration : IEntityTypeConfiguration<SeniorInspector>
{
    public void Configure(EntityTypeBuilder<SeniorInspector> b)
    {
        b.ToTable("SeniorInspectors");
        b.HasKey(x => x.UserId);
        b.Property(x => x.UserId).HasMaxLength(64);
    }
}

public sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("Inspections");
        b.Property(x => x.TrackingNumber).HasMaxLength(32);
        foreach (var p in new[] { nameof(Inspection.HandlerId), nameof(Inspection.CreatedById), nameof(Inspection.InspectorId), nameof(Inspection.DecidedById) })
            b.Property(p).HasMaxLength(64);
        foreach (var p in new[] { nameof(Inspection.HandlerName), nameof(Inspection.CreatedByName), nameof(Inspection.InspectorName), nameof(Inspection.DecidedByName), nameof(Inspection.HandlerTeam) })
            b.Property(p).HasMaxLength(100);
        foreach (var p in new[] { nameof(Inspection.CriticalFailNote), nameof(Inspection.Comment), nameof(Inspection.AppealReason), nameof(Inspection.DecisionReason) })
            b.Property(p).HasMaxLength(Inspection.MaxTextLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsScored);
        b.Ignore(x => x.CanAppeal);
        b.OwnsMany(x => x.Scores, s =>
        {
            s.ToTable("InspectionScores");
            s.WithOwner().HasForeignKey("InspectionId");
            s.Property<int>("Id");
            s.HasKey("Id");
            s.Property(x => x.Comment).HasMaxLength(Scorecard.MaxCommentLength);
        });
        b.Navigation(x => x.Scores).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_scores");
        b.HasIndex(x => new { x.Status, x.CreatedAtUtc });
        b.HasIndex(x => new { x.HandlerId, x.ScoredAtUtc });
        b.HasIndex(x => x.ComplaintId);
        b.HasIndex(x => new { x.PlanId, x.WeekStart });
        b.HasOne<SamplingPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Sampling reads the week's closed cases by when they finished.</summary>
public sealed class ComplaintQualityConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b) => b.HasIndex(x => x.FinishedAtUtc);
}
