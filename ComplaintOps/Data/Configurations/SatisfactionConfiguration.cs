using ComplaintOps.Features.Satisfaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

public sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.ToTable("SurveyInvitations");
        b.Property(x => x.TrackingNumber).HasMaxLength(32);
        b.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.ComplaintId).IsUnique();
    }
}

public sealed class SatisfactionAnswerConfiguration : IEntityTypeConfiguration<SatisfactionAnswer>
{
    public void Configure(EntityTypeBuilder<SatisfactionAnswer> b)
    {
        b.ToTable("SatisfactionAnswers");
        b.Property(x => x.TrackingNumber).HasMaxLength(32);
        b.Property(x => x.Comment).HasMaxLength(SatisfactionAnswer.MaxCommentLength);
        b.Property(x => x.RecordedById).HasMaxLength(64);
        b.Property(x => x.RecordedByName).HasMaxLength(100);
        b.Property(x => x.HandlerId).HasMaxLength(64);
        b.Property(x => x.HandlerName).HasMaxLength(100);
        b.Property(x => x.OwnerId).HasMaxLength(64);
        // One answer per case, however it came in.
        b.HasIndex(x => x.ComplaintId).IsUnique();
        b.HasIndex(x => x.AnsweredOn);
        b.HasIndex(x => x.Score);
    }
}

public sealed class CallbackTaskConfiguration : IEntityTypeConfiguration<CallbackTask>
{
    public void Configure(EntityTypeBuilder<CallbackTask> b)
    {
        b.ToTable("CallbackTasks");
        b.Property(x => x.TrackingNumber).HasMaxLength(32);
        b.Property(x => x.AssignedToId).HasMaxLength(64);
        b.Property(x => x.AssignedToName).HasMaxLength(100);
        b.Property(x => x.OutcomeNote).HasMaxLength(1000);
        b.Property(x => x.ClosedById).HasMaxLength(64);
        b.Property(x => x.ClosedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        // Exactly one call-back per low score, however often the job runs.
        b.HasIndex(x => x.AnswerId).IsUnique();
        b.HasIndex(x => new { x.Outcome, x.DueUtc });
        b.HasOne<SatisfactionAnswer>().WithMany().HasForeignKey(x => x.AnswerId).OnDelete(DeleteBehavior.Restrict);
    }
}
