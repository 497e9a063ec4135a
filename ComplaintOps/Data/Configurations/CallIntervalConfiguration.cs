using ComplaintOps.Features.AnswerRate;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

internal sealed class CallIntervalConfiguration : IEntityTypeConfiguration<CallInterval>
{
    public void Configure(EntityTypeBuilder<CallInterval> i)
    {
        // The interval start is the key: re-importing an interval replaces it, and day/month sums read a key range.
        i.HasKey(x => x.IntervalStartUtc);
        i.Property(x => x.IntervalStartUtc).ValueGeneratedNever();
        i.Property(x => x.ImportedBy).HasMaxLength(100);
    }
}
