using ComplaintOps.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> c)
    {
        c.HasKey(x => x.Id);
        c.Property(x => x.TrackingNumber).HasMaxLength(32).IsRequired();
        c.HasIndex(x => x.TrackingNumber).IsUnique();
        c.Property(x => x.Version).IsConcurrencyToken();
        c.Property(x => x.ProductLine).HasMaxLength(64);
        c.Property(x => x.Title).HasMaxLength(200);
        c.Property(x => x.Description).HasMaxLength(8000);
        c.Property(x => x.Demands).HasMaxLength(2000);
        c.Property(x => x.SourceName).HasMaxLength(100);
        c.Property(x => x.SourceReference).HasMaxLength(100);
        c.Property(x => x.Resolution).HasMaxLength(4000);

        c.OwnsOne(x => x.Complainant, o =>
        {
            o.Property(p => p.Name).HasColumnName("ComplainantName").HasMaxLength(100);
            o.Property(p => p.Phone).HasColumnName("ComplainantPhone").HasMaxLength(32).UsePropertyAccessMode(PropertyAccessMode.Property);
            o.Property(p => p.PhoneLast4).HasColumnName("ComplainantPhoneLast4").HasMaxLength(4);
            o.Property(p => p.Email).HasColumnName("ComplainantEmail").HasMaxLength(200);
            o.Property(p => p.IdNumber).HasColumnName("ComplainantIdNumber").HasMaxLength(32);
            o.Property(p => p.Province).HasColumnName("Province").HasMaxLength(32);
            o.Property(p => p.City).HasColumnName("City").HasMaxLength(64);
            o.HasIndex(p => p.PhoneLast4);
            o.HasIndex(p => p.Province);
        });
        c.Navigation(x => x.Complainant).IsRequired();
        c.OwnsOne(x => x.Respondent, o =>
        {
            o.Property(p => p.Kind).HasColumnName("RespondentKind");
            o.Property(p => p.Name).HasColumnName("RespondentName").HasMaxLength(200);
        });
        c.Navigation(x => x.Respondent).IsRequired();

        c.HasMany(x => x.Timeline).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        c.Navigation(x => x.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_timeline");

        // The queue's filters and default sorts.
        c.HasIndex(x => new { x.Status, x.NextDueUtc });
        c.HasIndex(x => new { x.Severity, x.ReceivedAtUtc });
        c.HasIndex(x => x.ReceivedAtUtc);
        c.HasIndex(x => x.NextDueUtc);
        c.HasIndex(x => x.ProgressFeedbackDueUtc);
        c.HasIndex(x => new { x.ProblemType, x.ReceivedAtUtc });
        c.HasIndex(x => new { x.Channel, x.ReceivedAtUtc });
        c.HasIndex(x => x.HandlerId);
    }
}

internal sealed class TimelineEventConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> e)
    {
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.ComplaintId, x.AtUtc });
        e.Property(x => x.ActorId).HasMaxLength(64);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Field).HasMaxLength(64);
        e.Property(x => x.Before).HasMaxLength(400);
        e.Property(x => x.After).HasMaxLength(400);
        e.Property(x => x.Note).HasMaxLength(4000);
    }
}

internal sealed class SmallTablesConfiguration : IEntityTypeConfiguration<CalendarYearRecord>, IEntityTypeConfiguration<DailySequence>
{
    public void Configure(EntityTypeBuilder<CalendarYearRecord> y)
    {
        y.HasKey(x => x.Year);
        y.Property(x => x.Year).ValueGeneratedNever();
    }

    public void Configure(EntityTypeBuilder<DailySequence> d) => d.HasKey(x => x.Day);
}
