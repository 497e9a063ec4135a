using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

internal sealed class ClassificationRuleConfiguration : IEntityTypeConfiguration<ClassificationRule>
{
    public void Configure(EntityTypeBuilder<ClassificationRule> r)
    {
        r.HasKey(x => x.Id);
        r.Property(x => x.Keywords).HasMaxLength(2000);
        r.Property(x => x.UpdatedBy).HasMaxLength(100);
    }
}

internal sealed class RiskRuleConfiguration : IEntityTypeConfiguration<RiskRule>
{
    public void Configure(EntityTypeBuilder<RiskRule> r)
    {
        r.HasKey(x => x.Id);
        r.Property(x => x.Keyword).HasMaxLength(50);
        r.Property(x => x.UpdatedBy).HasMaxLength(100);
    }
}

/// <summary>The complaint's high-risk plans (R10); the rest of the complaint is in ComplaintConfiguration.</summary>
internal sealed class ComplaintGradingConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> c)
    {
        c.Property(x => x.PreHandlingPlan).HasMaxLength(4000);
        c.Property(x => x.EmergencyResponseLine).HasMaxLength(4000);
        c.Property(x => x.HandlingPlan).HasMaxLength(4000);
    }
}
