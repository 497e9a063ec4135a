using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Intake.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

internal sealed class CallbackBookingConfiguration : IEntityTypeConfiguration<CallbackBooking>
{
    public void Configure(EntityTypeBuilder<CallbackBooking> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ComplaintId);
        b.HasIndex(x => x.SlotStartUtc);
    }
}
