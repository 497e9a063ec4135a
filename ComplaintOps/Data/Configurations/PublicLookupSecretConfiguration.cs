using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Intake.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

internal sealed class PublicLookupSecretConfiguration : IEntityTypeConfiguration<PublicLookupSecret>
{
    public void Configure(EntityTypeBuilder<PublicLookupSecret> s)
    {
        s.HasKey(x => x.ComplaintId);
        s.Property(x => x.Salt).HasMaxLength(32);
        s.Property(x => x.Hash).HasMaxLength(64);
        s.HasOne<Complaint>().WithOne().HasForeignKey<PublicLookupSecret>(x => x.ComplaintId).OnDelete(DeleteBehavior.Restrict);
    }
}
