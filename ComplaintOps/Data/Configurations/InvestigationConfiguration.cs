using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Handling.Collaboration;
using ComplaintOps.Features.Handling.ProductPolicies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

/// <summary>
/// The investigation part of the complaint (Complaint.Investigation.cs) and the history look-ups' indexes (R18):
/// past complaints of the same phone and about the same respondent are read by index equality. SQLite keeps the
/// row id at the end of every index, so "newest first" (by id) is read straight from these indexes, no sort.
/// </summary>
internal sealed class ComplaintInvestigationConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> c)
    {
        c.Property(x => x.InvestigationCause).HasMaxLength(Complaint.MaxInvestigationFieldLength);
        c.Property(x => x.InvestigationDamage).HasMaxLength(Complaint.MaxInvestigationFieldLength);
        c.Property(x => x.InvestigationDemand).HasMaxLength(Complaint.MaxInvestigationFieldLength);
        c.Property(x => x.InvestigationRecordedByName).HasMaxLength(100);
        c.Property(x => x.DepartmentVerification).HasMaxLength(CollaborationTask.MaxAnswerLength);
        c.Property(x => x.LegalRiskReason).HasMaxLength(2000);
        c.Property(x => x.JointRiskAssessment).HasMaxLength(4000);
        c.Property(x => x.JointRiskAssessedByName).HasMaxLength(100);
        c.Ignore(x => x.HasInvestigationRecord);
        c.Ignore(x => x.RequiresDepartmentVerification);
        c.Ignore(x => x.NeedsDepartmentVerification);
        c.Ignore(x => x.NeedsJointRiskAssessment);
        c.OwnsOne(x => x.Complainant, o => o.HasIndex(p => p.Phone));
        c.OwnsOne(x => x.Respondent, o => o.HasIndex(p => p.Name));
    }
}

internal sealed class CollaborationTaskConfiguration : IEntityTypeConfiguration<CollaborationTask>
{
    public void Configure(EntityTypeBuilder<CollaborationTask> t)
    {
        t.HasKey(x => x.Id);
        t.Property(x => x.Question).HasMaxLength(CollaborationTask.MaxQuestionLength);
        t.Property(x => x.Answer).HasMaxLength(CollaborationTask.MaxAnswerLength);
        t.Property(x => x.OpenedById).HasMaxLength(64);
        t.Property(x => x.OpenedByName).HasMaxLength(100);
        t.Property(x => x.AnsweredById).HasMaxLength(64);
        t.Property(x => x.AnsweredByName).HasMaxLength(100);
        t.Property(x => x.CancelReason).HasMaxLength(1000);
        t.Property(x => x.CancelledByName).HasMaxLength(100);
        t.Property(x => x.Version).IsConcurrencyToken();
        // The case's tasks; a department's inbox by status and due time; the overdue count per department.
        t.HasIndex(x => x.ComplaintId);
        t.HasIndex(x => new { x.Department, x.Status, x.DueUtc });
        t.HasIndex(x => new { x.Status, x.DueUtc });
    }
}

internal sealed class DepartmentMemberConfiguration : IEntityTypeConfiguration<DepartmentMember>
{
    public void Configure(EntityTypeBuilder<DepartmentMember> m)
    {
        m.HasKey(x => x.Id);
        m.Property(x => x.UserId).HasMaxLength(64).IsRequired();
        m.HasIndex(x => new { x.UserId, x.Department }).IsUnique();
    }
}

internal sealed class ProductPolicyConfiguration : IEntityTypeConfiguration<ProductPolicy>
{
    public void Configure(EntityTypeBuilder<ProductPolicy> p)
    {
        p.HasKey(x => x.Id);
        p.Property(x => x.ProductLine).HasMaxLength(64).IsRequired();
        p.Property(x => x.Title).HasMaxLength(ProductPolicy.MaxTitleLength).IsRequired();
        p.Property(x => x.Body).HasMaxLength(ProductPolicy.MaxBodyLength).IsRequired();
        p.Property(x => x.UpdatedByName).HasMaxLength(100);
        p.HasIndex(x => new { x.ProductLine, x.Active });
    }
}
